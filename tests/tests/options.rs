//! `Options::dataset`: a report-only validation finds exactly what a full one finds.

use std::path::PathBuf;

use treaty_model::validate::{Options, validate_paths};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn report_only_validation_has_the_same_report_and_no_dataset() {
    let mut report_only = Options::default();
    report_only.dataset = false;
    // A valid dataset, and the dataset with a broken powers file (errors in the powers file
    // and cross-file errors that need the typed powers).
    for paths in [
        vec![root().join("datasets")],
        vec![
            root().join("datasets"),
            root().join("tests/fixtures/broken/power-typos.yaml"),
        ],
    ] {
        let full = validate_paths(&paths, &Options::default());
        let lean = validate_paths(&paths, &report_only);
        assert_eq!(full.report, lean.report);
        assert!(lean.dataset.is_none());
        assert_eq!(full.dataset.is_some(), full.report.is_valid());
    }
}
