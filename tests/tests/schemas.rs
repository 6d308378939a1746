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
