//! `treaty report --out DIR`: the static HTML edition.

use std::path::Path;

use crate::args::ReportArgs;
use crate::output::{Failure, OutDir, note};
use crate::report::links;
use crate::{exit, load};

pub fn run(args: ReportArgs) -> Result<u8, Failure> {
    let inputs: Vec<&Path> = args.data.as_deref().into_iter().collect();
    let out = OutDir {
        path: &args.out,
        force: args.force,
        inputs: &inputs,
    };
    out.check()?;
    let dataset = match load::dataset(args.data.as_deref()) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    let pages = crate::report::site(&dataset).map_err(|e| e.to_string())?;
    out.write(&pages)?;
    note(&format!(
        "treaty: wrote {} pages to {}; open {}",
        pages.len(),
        args.out.display(),
        args.out.join(links::INDEX).display()
    ));
    Ok(exit::OK)
}
