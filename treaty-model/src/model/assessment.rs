//! Implementation assessments: how one state's law implements the powers and safeguards.

use serde::{Deserialize, Serialize};

use super::{FileKind, SchemaVersion};
use crate::date::PartialDate;
use crate::ids::{PowerId, SafeguardId, SourceId, TextVersionId};
use crate::state::StateCode;
use crate::web::Url;

/// File kind `assessment`: one state's implementation of the convention's powers and safeguards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Assessment {
    /// Always `assessment`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The state assessed.
    pub state: StateCode,
    /// The text version whose powers are assessed.
    pub text_version: TextVersionId,
    /// The date of the law assessed.
    pub as_of: PartialDate,
    /// Who assessed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_by: Option<String>,
    /// Overall findings, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// One entry per power of the convention.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub powers: Vec<PowerImplementation>,
    /// Sources for the assessment as a whole.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// How a state implements one power.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PowerImplementation {
    /// The power.
    pub power: PowerId,
    /// Whether domestic law provides it.
    pub implemented: Implementation,
    /// The domestic provisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<LegalCitation>,
    /// How domestic law handles each safeguard for this power.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<SafeguardImplementation>,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceId>,
}

/// How domestic law handles one safeguard for one power.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SafeguardImplementation {
    /// The safeguard.
    pub safeguard: SafeguardId,
    /// Whether domestic law provides it.
    pub implemented: Implementation,
    /// The domestic provisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<LegalCitation>,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceId>,
}

/// Whether domestic law provides something.
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
pub enum Implementation {
    /// Fully provided.
    Yes,
    /// Provided in part or with exceptions.
    Partly,
    /// Not provided.
    No,
    /// Not yet assessed, or the sources do not say.
    Unknown,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// A citation of a domestic legal provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LegalCitation {
    /// The law (`Code of Criminal Procedure`), not holding `|`, which the CSV tables put
    /// between citations.
    pub law: String,
    /// The provision within it (`art. 185`), not holding `|`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<String>,
    /// Where the official text is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}
