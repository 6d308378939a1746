//! The published edition: every file `treaty report --output DIR` writes, and where.
//!
//! The site is what the project publishes (GitHub Pages, at [`SITE_URL`]): the HTML pages of
//! [`crate::report`], the JSON bundle, the CSV tables, and the JSON Schemas, each at the path
//! its `$id` names below the site's address, so that a validator or an editor fetching a `$id`
//! gets the schema itself.

use treaty_model::Dataset;
use treaty_model::convert::to_json;

/// Where the site is published. Every schema `$id` starts with it
/// ([`treaty_model::schema::SCHEMA_BASE_URL`] is a folder of the site).
pub const SITE_URL: &str = "https://un-cybercrime-data.github.io/treaty-model/";

/// The JSON bundle in the site, under the name the documentation uses and the schema catalog
/// matches.
pub const BUNDLE: &str = "treaty-bundle.json";

/// The folder of the CSV tables in the site.
pub const TABLES: &str = "tables";

/// What a site holds, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// HTML pages.
    pub pages: usize,
    /// CSV tables.
    pub tables: usize,
    /// JSON Schemas (the catalog not counted).
    pub schemas: usize,
}

/// Every file of the site as (path relative to the site root, with `/`, and its text), the
/// HTML index first. `today` is the day the edition speaks as of (entry into force).
pub fn files(
    dataset: &Dataset,
    today: treaty_model::date::Date,
) -> Result<(Vec<(String, String)>, Counts), String> {
    let mut files = crate::report::site(dataset, today).map_err(|e| e.to_string())?;
    let mut counts = Counts {
        pages: files.len(),
        ..Counts::default()
    };

    let bundle = serde_json::to_value(dataset.bundle()).map_err(|e| e.to_string())?;
    files.push((BUNDLE.to_owned(), to_json(&bundle)));

    for table in treaty_model::export::tables(dataset).map_err(crate::load::refusal)? {
        files.push((
            format!("{TABLES}/{}.csv", table.name),
            treaty_model::export::to_csv(&table),
        ));
        counts.tables += 1;
    }

    for named in treaty_model::schema::all() {
        let path = schema_path(&named.schema)
            .ok_or_else(|| format!("{}: its $id is not below {SITE_URL}", named.file_name))?;
        files.push((path, treaty_model::schema::to_pretty(&named.schema)));
        counts.schemas += 1;
    }
    files.push((
        format!("schemas/{}", treaty_model::schema::CATALOG),
        treaty_model::schema::to_pretty(&treaty_model::schema::catalog()),
    ));
    Ok((files, counts))
}

/// The path in the site that a schema's `$id` names (`schemas/v1/powers.schema.json`).
pub fn schema_path(schema: &serde_json::Value) -> Option<String> {
    let id = schema.get("$id")?.as_str()?;
    let path = id.strip_prefix(SITE_URL)?;
    // A path that climbs out of the site, or names a folder, resolves to no file of it.
    let safe = !path.is_empty()
        && !path.ends_with('/')
        && path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..");
    safe.then(|| path.to_owned())
}
