//! The whole dataset as one document, and one file as a typed document.

use serde::{Deserialize, Serialize};

use super::*;

/// The JSON bundle: every file of a dataset, grouped by kind, in one document.
///
/// This is the format other languages load (`treaty convert datasets --to json`). Each entry is
/// the file's document unchanged, so nothing is lost: a bundle can be split back into files.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Bundle {
    /// Always `bundle`.
    pub kind: FileKind,
    /// The schema version of the bundle.
    pub schema_version: SchemaVersion,
    /// Files of kind `instrument` (a dataset has one).
    #[serde(default)]
    pub instrument: Vec<Instrument>,
    /// Files of kind `sources`.
    #[serde(default)]
    pub sources: Vec<Sources>,
    /// Files of kind `chapter`.
    #[serde(default)]
    pub chapters: Vec<Chapter>,
    /// Files of kind `definitions`.
    #[serde(default)]
    pub definitions: Vec<Definitions>,
    /// Files of kind `data-categories`.
    #[serde(default)]
    pub data_categories: Vec<DataCategories>,
    /// Files of kind `sensitivity-categories`.
    #[serde(default)]
    pub sensitivity_categories: Vec<SensitivityCategories>,
    /// Files of kind `safeguards`.
    #[serde(default)]
    pub safeguards: Vec<Safeguards>,
    /// Files of kind `powers`.
    #[serde(default)]
    pub powers: Vec<Powers>,
    /// Files of kind `offences`.
    #[serde(default)]
    pub offences: Vec<Offences>,
    /// Files of kind `analysis`.
    #[serde(default)]
    pub analyses: Vec<Analysis>,
    /// Files of kind `concordance`.
    #[serde(default)]
    pub concordances: Vec<Concordance>,
    /// Files of kind `crosswalk`.
    #[serde(default)]
    pub crosswalks: Vec<Crosswalk>,
    /// Files of kind `participation`.
    #[serde(default)]
    pub participation: Vec<Participation>,
    /// Files of kind `assessment`.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
}

impl Default for SchemaVersion {
    fn default() -> Self {
        Self::CURRENT
    }
}

/// One dataset file as its typed document.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // Documents are built once per file; boxing buys nothing.
pub enum Document {
    /// `kind: instrument`.
    Instrument(Instrument),
    /// `kind: sources`.
    Sources(Sources),
    /// `kind: chapter`.
    Chapter(Chapter),
    /// `kind: definitions`.
    Definitions(Definitions),
    /// `kind: data-categories`.
    DataCategories(DataCategories),
    /// `kind: sensitivity-categories`.
    SensitivityCategories(SensitivityCategories),
    /// `kind: safeguards`.
    Safeguards(Safeguards),
    /// `kind: powers`.
    Powers(Powers),
    /// `kind: offences`.
    Offences(Offences),
    /// `kind: analysis`.
    Analysis(Analysis),
    /// `kind: concordance`.
    Concordance(Concordance),
    /// `kind: crosswalk`.
    Crosswalk(Crosswalk),
    /// `kind: participation`.
    Participation(Participation),
    /// `kind: assessment`.
    Assessment(Assessment),
}

impl Bundle {
    /// Adds one file's document to the bundle.
    pub fn push(&mut self, doc: Document) {
        match doc {
            Document::Instrument(d) => self.instrument.push(d),
            Document::Sources(d) => self.sources.push(d),
            Document::Chapter(d) => self.chapters.push(d),
            Document::Definitions(d) => self.definitions.push(d),
            Document::DataCategories(d) => self.data_categories.push(d),
            Document::SensitivityCategories(d) => self.sensitivity_categories.push(d),
            Document::Safeguards(d) => self.safeguards.push(d),
            Document::Powers(d) => self.powers.push(d),
            Document::Offences(d) => self.offences.push(d),
            Document::Analysis(d) => self.analyses.push(d),
            Document::Concordance(d) => self.concordances.push(d),
            Document::Crosswalk(d) => self.crosswalks.push(d),
            Document::Participation(d) => self.participation.push(d),
            Document::Assessment(d) => self.assessments.push(d),
        }
    }
}

#[cfg(feature = "validate")]
impl Document {
    /// Reads a document of a known kind from a JSON value.
    pub fn from_value(kind: FileKind, value: serde_json::Value) -> Result<Self, serde_json::Error> {
        use serde::de::Error;
        use serde_json::from_value as v;
        Ok(match kind {
            FileKind::Instrument => Self::Instrument(v(value)?),
            FileKind::Sources => Self::Sources(v(value)?),
            FileKind::Chapter => Self::Chapter(v(value)?),
            FileKind::Definitions => Self::Definitions(v(value)?),
            FileKind::DataCategories => Self::DataCategories(v(value)?),
            FileKind::SensitivityCategories => Self::SensitivityCategories(v(value)?),
            FileKind::Safeguards => Self::Safeguards(v(value)?),
            FileKind::Powers => Self::Powers(v(value)?),
            FileKind::Offences => Self::Offences(v(value)?),
            FileKind::Analysis => Self::Analysis(v(value)?),
            FileKind::Concordance => Self::Concordance(v(value)?),
            FileKind::Crosswalk => Self::Crosswalk(v(value)?),
            FileKind::Participation => Self::Participation(v(value)?),
            FileKind::Assessment => Self::Assessment(v(value)?),
            FileKind::Bundle | FileKind::Unrecognized => {
                return Err(serde_json::Error::custom(format!(
                    "`{kind}` is not a kind of dataset file"
                )));
            }
        })
    }
}
