//! Pull-request mode: file-local problems are reported only in the changed files, cross-file
//! problems wherever a change causes them.

use std::path::PathBuf;

use treaty_model::diagnostic::Code;
use treaty_model::validate::{Options, validate_paths};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn codes_in(options: &Options, paths: &[PathBuf]) -> Vec<(Code, String)> {
    validate_paths(paths, options)
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let file = d
                .location
                .as_ref()
                .map(|l| l.file.clone())
                .unwrap_or_default();
            let name = file.rsplit('/').next().unwrap_or_default().to_owned();
            (d.code, name)
        })
        .collect()
}

#[test]
fn file_local_problems_of_unchanged_files_are_not_reported() {
    let broken = fixtures().join("invalid/unknown-field.yaml");
    let paths = [fixtures().join("base"), broken.clone()];
    let mut options = Options::default();
    assert_eq!(
        codes_in(&options, &paths),
        [(Code::UnknownField, "unknown-field.yaml".to_owned())]
    );
    options.changed = Some(vec![fixtures().join("base/powers-domestic.yaml")]);
    assert_eq!(codes_in(&options, &paths), []);
    options.changed = Some(vec![broken]);
    assert_eq!(
        codes_in(&options, &paths),
        [(Code::UnknownField, "unknown-field.yaml".to_owned())]
    );
}

#[test]
fn cross_file_problems_are_reported_even_in_unchanged_files() {
    // The case file refers to a source nobody defines: as if a change had removed it.
    let referring = fixtures().join("invalid/unknown-reference.yaml");
    let mut options = Options::default();
    options.changed = Some(vec![fixtures().join("base/sources.yaml")]);
    assert_eq!(
        codes_in(&options, &[fixtures().join("base"), referring]),
        [(Code::UnknownReference, "unknown-reference.yaml".to_owned())]
    );
}
