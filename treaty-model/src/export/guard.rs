//! The one condition under which an export would be incomplete: data newer than this crate.

use std::fmt;

use crate::dataset::Dataset;
use crate::diagnostic::Code;

/// A dataset that cannot be exported whole: one of its files was written for a newer minor
/// schema version than this crate reads.
///
/// Such a file validates (with the warning `newer-schema-version`), but the typed model keeps
/// only what this version knows, so an export would leave out what the newer version added and
/// could hold `unrecognized` values that the published schemas reject. An inline allow that
/// silences the warning does not change that.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NewerSchema {
    /// The file, as the report names it.
    pub file: String,
    /// The warning's message: which version the file was written for, and which this crate
    /// reads.
    pub message: String,
}

impl fmt::Display for NewerSchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}`: {}; an export would leave out what that version added",
            self.file, self.message
        )
    }
}

impl std::error::Error for NewerSchema {}

/// Whether the dataset can be exported whole: `Err` names its first file written for a newer
/// minor schema version, whether or not an inline allow silenced the warning.
///
/// The exports of this module call it; a program that writes
/// [`Dataset::bundle`](crate::Dataset::bundle) itself calls it first.
///
/// ```
/// let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
/// assert!(treaty_model::export::exportable(dataset).is_ok());
/// ```
pub fn exportable(dataset: &Dataset) -> Result<(), NewerSchema> {
    let report = dataset.report();
    let newer = report
        .diagnostics
        .iter()
        .chain(report.suppressed.iter().map(|s| &s.diagnostic))
        .find(|d| d.code == Code::NewerSchemaVersion);
    match newer {
        None => Ok(()),
        Some(d) => Err(NewerSchema {
            file: d
                .location
                .as_ref()
                .map_or_else(|| "the input".to_owned(), |l| l.file.clone()),
            message: d.message.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::NewerSchema;
    use crate::export::{fixture, jsonl, markdown, tables};

    #[test]
    fn every_export_refuses_a_newer_file_even_when_its_warning_is_allowed() {
        let dataset = fixture::dataset_edited(&[(
            "sources.yaml",
            "schema_version: \"1.0\"",
            "schema_version: \"1.1\" # treaty: allow(newer-schema-version) written by a newer tool",
        )]);
        let refusal = NewerSchema {
            file: "datasets/sources.yaml".to_owned(),
            message: "the file was written for schema 1.1, newer than this validator's 1.0"
                .to_owned(),
        };
        assert_eq!(tables(&dataset).err(), Some(refusal.clone()));
        assert_eq!(jsonl(&dataset).err(), Some(refusal.clone()));
        assert_eq!(markdown(&dataset).err(), Some(refusal.clone()));
        assert_eq!(
            refusal.to_string(),
            "`datasets/sources.yaml`: the file was written for schema 1.1, newer than this \
             validator's 1.0; an export would leave out what that version added"
        );
    }

    #[test]
    fn the_fixture_is_exportable() {
        assert_eq!(super::exportable(&fixture::dataset()), Ok(()));
    }
}
