//! The files `schemas/` holds.

use super::{CATALOG, all, catalog, to_pretty};

/// Every file `schemas/` holds, with its text: the schemas and the catalog.
pub fn published() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = all()
        .into_iter()
        .map(|s| (s.file_name, to_pretty(&s.schema)))
        .collect();
    out.push((CATALOG.to_owned(), to_pretty(&catalog())));
    out
}
