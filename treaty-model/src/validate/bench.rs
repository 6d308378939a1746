//! Single phases of validation, for the workspace's benchmarks (`tests/benches/phases.rs`).
//! Behind the `bench` feature, hidden, and outside the semver promise: the stable entry
//! points are [`super::validate_paths`] and [`super::validate_inputs`].

use super::locate::Locator;
use super::{Options, references, schema_check, semantic, typed};
use crate::model::FileKind;
use crate::syntax::SpannedDoc;

/// Schema validation of a parsed document of `kind`: the number of diagnostics.
pub fn schema(kind: FileKind, path: &str, doc: &SpannedDoc) -> usize {
    schema_check::check(
        kind,
        &doc.value,
        &Locator::new(path, &doc.value, &doc.spans),
        None,
        true,
    )
    .len()
}

/// The typed model of a parsed document of `kind` and the walk that takes its ids and
/// references with their places: the number of references, or `None` when the typed model
/// cannot read it.
pub fn references(kind: FileKind, path: &str, doc: &SpannedDoc) -> Option<usize> {
    let read = typed::read(kind, &doc.value).ok()?;
    let locator = Locator::new(path, &doc.value, &doc.spans);
    let r = references::collect(&read.document, &locator, &read.set_aside);
    Some(r.refs.len() + r.provisions.len())
}

/// Every check of each file on its own (parse, header, schema, typed model, references): the
/// public [`super::check_inputs`], with the default options.
pub fn check(inputs: &[super::Input]) -> super::Checked {
    super::check_inputs(inputs, &Options::default())
}

/// The cross-file checks of checked files: the number of diagnostics.
pub fn cross_file(files: &super::Checked) -> usize {
    semantic::check(&files.outcomes, None).len()
}
