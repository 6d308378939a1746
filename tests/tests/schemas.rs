//! The committed schemas match the Rust types, and are valid draft 2020-12 schemas.

use std::path::PathBuf;

fn schemas_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas")
}

#[test]
fn committed_schemas_match_the_code() {
    let dir = schemas_dir();
    if std::env::var_os("TREATY_BLESS").is_some() {
        treaty_model::schema::write_dir(&dir).expect("write schemas");
    }
    let drifts = treaty_model::schema::check_dir(&dir).expect("read schemas");
    let report: Vec<String> = drifts.iter().map(ToString::to_string).collect();
    assert!(
        drifts.is_empty(),
        "schemas/ drifted from the Rust types; regenerate with `TREATY_BLESS=1 cargo test -p treaty-tests --test schemas` or `treaty schema --out schemas`:\n{}",
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
