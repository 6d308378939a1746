//! The committed schemas match the Rust types, and are valid draft 2020-12 schemas.

use std::path::PathBuf;

fn schemas_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas")
}

#[test]
fn committed_schemas_match_the_code() {
    let dir = schemas_dir();
    let mut drifts = Vec::new();
    for (name, text) in treaty_model::schema::published() {
        if std::env::var_os("TREATY_BLESS").is_some() {
            std::fs::write(dir.join(&name), &text).expect("write a schema");
        }
        if std::fs::read_to_string(dir.join(&name)).ok().as_deref() != Some(text.as_str()) {
            drifts.push(name);
        }
    }
    // `treaty schema --check schemas` (in .ci/run) also finds files the code does not generate.
    let report = drifts.clone();
    assert!(
        drifts.is_empty(),
        "schemas/ drifted from the Rust types; regenerate with `TREATY_BLESS=1 cargo test -p treaty-tests --test main schemas::` or `treaty schema --output schemas`:\n{}",
        report.join("\n")
    );
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema() {
    let mut checked = 0;
    for entry in std::fs::read_dir(schemas_dir()).expect("schemas/") {
        let path = entry.expect("entry").path();
        if !path.to_string_lossy().ends_with(".schema.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema",
            "{}",
            path.display()
        );
        let id = schema["$id"].as_str().unwrap_or_default();
        assert!(
            id.starts_with("https://")
                && id.contains("/v1/")
                && id.ends_with(&*path.file_name().unwrap().to_string_lossy()),
            "{}: unstable $id {id}",
            path.display()
        );
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            panic!(
                "{} is not a valid draft 2020-12 schema: {e}",
                path.display()
            );
        }
        // Self-contained: every $ref points inside the file.
        assert!(
            !text.contains("\"$ref\": \"http"),
            "{} refers to another document",
            path.display()
        );
        checked += 1;
    }
    assert_eq!(checked, treaty_model::schema::all().len());
}

#[test]
fn every_object_is_closed_and_every_vocabulary_is_an_enum() {
    for s in treaty_model::schema::all() {
        let mut stack = vec![&s.schema];
        while let Some(v) = stack.pop() {
            if let Some(map) = v.as_object() {
                if map.contains_key("properties") {
                    assert_eq!(
                        map.get("additionalProperties"),
                        Some(&serde_json::Value::Bool(false)),
                        "{}: an object without additionalProperties: false",
                        s.file_name
                    );
                }
                assert!(!map.contains_key("oneOf"), "{}: oneOf left", s.file_name);
                stack.extend(map.values());
            } else if let Some(items) = v.as_array() {
                stack.extend(items.iter());
            }
        }
    }
}

/// `tests/fixtures/released-schemas/<MAJOR.MINOR>/` holds the schemas as last released (kept
/// out of `schemas/`, where a second file with the same `$id` would break a consumer that loads
/// the directory into a registry). Within one major version the generated schemas may only add
/// (see docs/VERSIONING.md).
#[test]
fn no_breaking_change_without_a_new_major_version() {
    let released_root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/released-schemas");
    let mut versions: Vec<treaty_model::SchemaVersion> = std::fs::read_dir(&released_root)
        .expect("tests/fixtures/released-schemas/")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    versions.sort();
    let last = *versions.last().expect("at least one released version");
    let current = treaty_model::SchemaVersion::CURRENT;
    assert!(
        current >= last,
        "the current schema version {current} is older than the released {last}"
    );
    if current.major != last.major {
        return;
    }
    let dir = released_root.join(last.to_string());
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("released dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let old: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let Some(new) = treaty_model::schema::all()
            .into_iter()
            .find(|s| s.file_name == name)
        else {
            problems.push(format!("{name}: no longer generated"));
            continue;
        };
        for change in treaty_model::schema::breaking_changes(&old, &new.schema) {
            problems.push(format!("{name}: {change}"));
        }
    }
    assert!(
        problems.is_empty(),
        "breaking changes since schema {last} without a new major version (see docs/VERSIONING.md):\n{}",
        problems.join("\n")
    );
}

/// Every dataset file matches exactly one catalog pattern, and it is its own kind's.
#[test]
fn the_catalog_maps_every_dataset_file_to_its_schema() {
    fn matches(pattern: &str, path: &str) -> bool {
        let pattern = pattern.trim_start_matches("**/");
        let (p_dir, p_file) = pattern.rsplit_once('/').unwrap_or(("", pattern));
        let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
        let file_ok = match p_file.split_once('*') {
            Some((pre, post)) => {
                file.starts_with(pre)
                    && file.ends_with(post)
                    && file.len() >= pre.len() + post.len()
            }
            None => file == p_file,
        };
        file_ok && (dir == p_dir || dir.ends_with(&format!("/{p_dir}")))
    }
    let catalog: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(schemas_dir().join("catalog.json")).expect("catalog.json"),
    )
    .expect("json");
    let dataset = treaty_model::bundled().expect("valid");
    for (path, kind) in dataset.files() {
        let hits: Vec<&str> = catalog["schemas"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| {
                s["fileMatch"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| matches(p.as_str().unwrap(), path))
            })
            .map(|s| s["url"].as_str().unwrap())
            .collect();
        let want = format!("/{}", treaty_model::schema::file_name(*kind));
        assert!(
            hits.len() == 1 && hits[0].ends_with(&want),
            "{path} ({kind}) matches {hits:?}"
        );
    }
}
