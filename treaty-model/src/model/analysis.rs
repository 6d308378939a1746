//! Analyses of the convention: who said what about which provisions, and what they recommend.

use serde::{Deserialize, Serialize};

use super::{FileKind, Quote, SchemaVersion};
use crate::date::PartialDate;
use crate::ids::{
    AnalysisId, ConcernId, DataCategoryId, PowerId, SafeguardId, SensitivityId, SourceId,
    TextVersionId,
};
use crate::provision::ProvisionRef;

/// File kind `analysis`: one published analysis and every concern it raises.
///
/// Provision references are read in the analysis's own `text_version`, so an analysis of the
/// zero draft keeps the zero draft's numbering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Analysis {
    /// Always `analysis`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// Identifier of the analysis.
    pub id: AnalysisId,
    /// The title as published (or a description, when untitled).
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// What kind of document it is.
    pub genre: Genre,
    /// When it was published, to the precision known.
    pub published: PartialDate,
    /// The text version it discusses; unqualified provision references use its numbering.
    pub text_version: TextVersionId,
    /// The source entry for the document itself.
    pub source: SourceId,
    /// What it argues overall, in our words.
    pub summary: String,
    /// Its concerns.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub concerns: Vec<Concern>,
}

/// Kinds of published document.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Genre {
    /// An analysis by an organisation or researcher.
    Analysis,
    /// A news report.
    News,
    /// A joint statement or letter.
    Statement,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// One concern an analysis raises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Concern {
    /// Identifier, unique within the analysis.
    pub id: ConcernId,
    /// The concern in our words.
    pub summary: String,
    /// The provisions concerned, in the analysis's numbering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<ProvisionRef>,
    /// The powers concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub powers: Vec<PowerId>,
    /// The safeguards the analysis says are missing or too weak.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_safeguards: Vec<SafeguardId>,
    /// The data categories concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_categories: Vec<DataCategoryId>,
    /// The sensitive kinds of data concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive_data: Vec<SensitivityId>,
    /// Short verbatim quotations of the treaty's words that the analysis quotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// What the analysis recommends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// Sources for the concern (usually the analysis itself).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// A recommended change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Recommendation {
    /// The kind of change.
    pub action: Action,
    /// The recommendation in our words.
    pub summary: String,
    /// The provisions it would change, in the analysis's numbering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<ProvisionRef>,
    /// The safeguards it would add or make mandatory.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<SafeguardId>,
}

/// Kinds of recommended change.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Action {
    /// Delete the provision.
    Delete,
    /// Limit its scope (for example to Articles 7-11).
    LimitScope,
    /// Make a discretionary safeguard mandatory.
    MakeMandatory,
    /// Add a safeguard or a provision.
    Add,
    /// Clarify the wording or the explanatory material.
    Clarify,
    /// Narrow a definition.
    NarrowDefinition,
    /// Reject the convention.
    Reject,
    /// Ratify only with heightened safeguards.
    ConditionRatification,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}
