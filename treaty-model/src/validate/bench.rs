//! Single phases of validation, for the workspace's benchmarks (`tests/benches/phases.rs`).
//! Behind the `bench` feature, hidden, and outside the semver promise: the stable entry
//! points are [`super::validate_paths`] and [`super::validate_inputs`].

use super::locate::Locator;
use super::{Options, facts, schema_check, semantic};
use crate::model::FileKind;
use crate::syntax::SpannedDoc;

/// Schema validation of a parsed document of `kind`: the number of diagnostics.
pub fn schema(kind: FileKind, path: &str, doc: &SpannedDoc) -> usize {
    schema_check::check(
        kind,
        &doc.value,
        &Locator::new(path, &doc.value, &doc.spans),
        None,
    )
    .len()
}

/// The facts walk of a parsed document of `kind`: the number of facts.
pub fn facts(kind: FileKind, path: &str, doc: &SpannedDoc) -> usize {
    facts::collect(kind, &Locator::new(path, &doc.value, &doc.spans), true)
        .facts
        .len()
}

/// Every check of each file on its own (parse, header, schema, facts, typed model): the
/// public [`super::check_inputs`], with the default options.
pub fn check(inputs: &[super::Input]) -> super::Checked {
    super::check_inputs(inputs, &Options::default())
}

/// The cross-file checks of checked files: the number of diagnostics.
pub fn cross_file(files: &super::Checked) -> usize {
    semantic::check(&files.outcomes).len()
}
