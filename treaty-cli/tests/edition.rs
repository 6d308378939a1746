//! The published edition (`treaty report --output DIR`): the site the Pages workflow publishes
//! holds every schema at the address its `$id` names, the JSON bundle and the CSV tables.

use std::path::{Path, PathBuf};

use treaty_cli::edition::{BUNDLE, SITE_URL, TABLES};

use crate::common::{self, run};

/// The site, built once with exactly the command of `.github/workflows/pages.yml`.
fn site(name: &str) -> PathBuf {
    let site = common::tmp_dir("treaty-edition", name).join("site");
    let r = run(&["report", "--output", site.to_str().expect("utf-8")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    site
}

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The file in the site that a URL of the site names, if it is one of the site's.
fn resolve(site: &Path, url: &str) -> Option<PathBuf> {
    url.strip_prefix(SITE_URL).map(|path| site.join(path))
}

#[test]
fn every_schema_id_resolves_to_its_file_in_the_site() {
    let site = site("ids");
    let generated = treaty_model::schema::all();
    assert!(generated.len() >= 16, "{} schemas", generated.len());
    for named in &generated {
        let id = named.schema["$id"].as_str().expect("$id");
        let file = resolve(&site, id).unwrap_or_else(|| panic!("{id} is not below {SITE_URL}"));
        // The file at that address is the schema itself: a validator fetching the `$id` gets
        // the same schema as the one committed in schemas/.
        assert_eq!(json(&file), named.schema, "{id} -> {}", file.display());
        let committed = common::root().join("schemas").join(&named.file_name);
        assert_eq!(json(&committed), named.schema, "{}", committed.display());
    }
    // And nothing else claims a `$id` of the site: one file per `$id`.
    let mut found = Vec::new();
    collect_json(&site.join("schemas"), &mut found);
    let with_id = found
        .iter()
        .filter(|p| json(p).get("$id").is_some())
        .count();
    assert_eq!(with_id, generated.len(), "{found:?}");
    let _ = std::fs::remove_dir_all(site.parent().expect("parent"));
}

#[test]
fn the_catalog_in_the_site_points_at_schemas_of_the_site_and_matches_the_bundle_name() {
    let site = site("catalog");
    let catalog = json(&site.join("schemas/catalog.json"));
    let committed = json(&common::root().join("schemas/catalog.json"));
    assert_eq!(catalog, committed);
    let entries = catalog["schemas"].as_array().expect("schemas");
    assert_eq!(entries.len(), 15);
    for entry in entries {
        let url = entry["url"].as_str().expect("url");
        let file = resolve(&site, url).unwrap_or_else(|| panic!("{url}"));
        assert!(file.is_file(), "{url} -> {}", file.display());
    }
    // The bundle's pattern matches the name the documentation and the site use.
    let bundle = entries
        .iter()
        .find(|e| {
            e["url"]
                .as_str()
                .is_some_and(|u| u.ends_with("/bundle.schema.json"))
        })
        .expect("bundle entry");
    let patterns: Vec<&str> = bundle["fileMatch"]
        .as_array()
        .expect("fileMatch")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert_eq!(
        patterns,
        ["**/treaty-bundle.json", "**/*.treaty-bundle.json"]
    );
    assert!(site.join(BUNDLE).is_file());
    let _ = std::fs::remove_dir_all(site.parent().expect("parent"));
}

#[test]
fn the_bundle_and_tables_of_the_site_are_those_of_convert() {
    let site = site("data");
    // The bundle validates against the bundle schema published beside it.
    let schema = json(&site.join("schemas/v1/bundle.schema.json"));
    let bundle = json(&site.join(BUNDLE));
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&bundle)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let converted = site.parent().expect("parent").join("converted.json");
    let r = run(&[
        "convert",
        "datasets",
        "--to",
        "json",
        "-o",
        converted.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(&converted).expect("converted"),
        std::fs::read_to_string(site.join(BUNDLE)).expect("bundle")
    );

    let dataset = treaty_model::bundled().expect("valid");
    for table in treaty_model::export::tables(dataset).expect("exportable") {
        let file = site.join(TABLES).join(format!("{}.csv", table.name));
        assert_eq!(
            std::fs::read_to_string(&file).expect("table"),
            treaty_model::export::to_csv(&table),
            "{}",
            file.display()
        );
    }
    let _ = std::fs::remove_dir_all(site.parent().expect("parent"));
}

#[test]
fn report_accepts_the_short_option_and_the_old_spelling() {
    let dir = common::tmp_dir("treaty-edition", "spellings");
    for (flag, name) in [("-o", "short"), ("--out", "old")] {
        let site = dir.join(name);
        let r = run(&["report", flag, site.to_str().expect("utf-8")]);
        assert_eq!(r.code, 0, "{flag}: {}", r.stderr);
        assert!(site.join("index.html").is_file(), "{flag}");
    }
    // The old spelling still works but is no longer advertised.
    let help = run(&["report", "--help"]);
    assert!(
        help.stdout.contains("-o, --output <DIR>"),
        "{}",
        help.stdout
    );
    assert!(!help.stdout.contains("--out "), "{}", help.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect_json(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}
