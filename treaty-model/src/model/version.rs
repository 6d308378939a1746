//! The two header fields every file carries: `kind` and `schema_version`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which kind of document a file holds; selects its JSON Schema and Rust type.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum FileKind {
    /// A file of type `Instrument`.
    Instrument,
    /// A file of type `Sources`.
    Sources,
    /// A file of type `Chapter`.
    Chapter,
    /// A file of type `Definitions`.
    Definitions,
    /// A file of type `DataCategories`.
    DataCategories,
    /// A file of type `SensitivityCategories`.
    SensitivityCategories,
    /// A file of type `Safeguards`.
    Safeguards,
    /// A file of type `Powers`.
    Powers,
    /// A file of type `Offences`.
    Offences,
    /// A file of type `Analysis`.
    Analysis,
    /// A file of type `Concordance`.
    Concordance,
    /// A file of type `Crosswalk`.
    Crosswalk,
    /// A file of type `Participation`.
    Participation,
    /// A file of type `Assessment`.
    Assessment,
    /// The whole dataset in one JSON document.
    #[default]
    Bundle,
    /// A kind this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

impl FileKind {
    /// Every kind a dataset file may declare, in a stable order (dependencies first).
    pub const FILE_KINDS: [FileKind; 14] = [
        Self::Instrument,
        Self::Sources,
        Self::Chapter,
        Self::Definitions,
        Self::DataCategories,
        Self::SensitivityCategories,
        Self::Safeguards,
        Self::Powers,
        Self::Offences,
        Self::Analysis,
        Self::Concordance,
        Self::Crosswalk,
        Self::Participation,
        Self::Assessment,
    ];

    /// The name written in `kind:`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

// Not strum's `EnumString`: `unrecognized` must not parse as a kind.
impl FromStr for FileKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::FILE_KINDS
            .into_iter()
            .chain([Self::Bundle])
            .find(|k| k.as_str() == s)
            .ok_or(())
    }
}

/// The schema version a file was written for: `MAJOR.MINOR`, such as `1.0`.
///
/// Minor versions only add optional fields and vocabulary values; a reader built for 1.0 reads
/// 1.x data (see the module docs on tolerant reading). A new major version breaks readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchemaVersion {
    /// Incremented for changes that break readers.
    pub major: u16,
    /// Incremented for additions.
    pub minor: u16,
}

impl SchemaVersion {
    /// The version this crate writes and validates.
    pub const CURRENT: SchemaVersion = SchemaVersion { major: 1, minor: 0 };
}

/// Why a text is not a schema version.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SchemaVersionError {
    /// The rejected text.
    pub input: String,
}

impl fmt::Display for SchemaVersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `1.65536` has the form and only a number too large: saying "expected MAJOR.MINOR"
        // would send the reader looking for a mistake of form that is not there.
        if self
            .input
            .split_once('.')
            .is_some_and(|(major, minor)| decimal(major).is_some() && decimal(minor).is_some())
        {
            return write!(
                f,
                "`{}` is not a schema version: its numbers go up to {}",
                self.input,
                u16::MAX
            );
        }
        write!(
            f,
            "`{}` is not a schema version: expected MAJOR.MINOR in quotes, such as \"1.0\"",
            self.input
        )
    }
}

/// The digits of one part of a version, without a leading zero; `None` for anything else.
/// Any length: whether the number fits is the caller's question.
fn decimal(part: &str) -> Option<&str> {
    (!part.is_empty()
        && part.bytes().all(|b| b.is_ascii_digit())
        && (part == "0" || !part.starts_with('0')))
    .then_some(part)
}

impl std::error::Error for SchemaVersionError {}

impl FromStr for SchemaVersion {
    type Err = SchemaVersionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || SchemaVersionError {
            input: s.to_owned(),
        };
        let (major, minor) = s.split_once('.').ok_or_else(err)?;
        let num = |p: &str| -> Option<u16> { decimal(p)?.parse().ok() };
        Ok(Self {
            major: num(major).ok_or_else(err)?,
            minor: num(minor).ok_or_else(err)?,
        })
    }
}

impl fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

crate::date::string_serde!(
    SchemaVersion,
    "SchemaVersion",
    r"^1\.(0|[1-9][0-9]*)$",
    "The schema version the file was written for, MAJOR.MINOR, as a quoted string (\"1.0\")."
);

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        text.parse::<SchemaVersion>().unwrap_err().to_string()
    }

    #[test]
    fn a_version_of_the_right_form_with_a_number_too_large_says_so() {
        assert_eq!(
            error("1.65536"),
            "`1.65536` is not a schema version: its numbers go up to 65535"
        );
        assert_eq!(
            "1.65535".parse(),
            Ok(SchemaVersion {
                major: 1,
                minor: 65535
            })
        );
    }

    #[test]
    fn a_version_of_another_form_is_told_the_form() {
        for text in ["1", "1.x", "1.01", "01.0", "1.0.0", "", "1.-1"] {
            assert_eq!(
                error(text),
                format!(
                    "`{text}` is not a schema version: expected MAJOR.MINOR in quotes, such as \"1.0\""
                )
            );
        }
    }
}
