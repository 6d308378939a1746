//! Concordances between text versions, and crosswalks to other instruments.

use serde::{Deserialize, Serialize};

use super::{FileKind, SchemaVersion, Verification};
use crate::ids::{InstrumentId, SourceId, TextVersionId};
use crate::provision::ProvisionRef;

/// File kind `concordance`: how provisions of one text version are numbered in another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Concordance {
    /// Always `concordance`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The older version (`zero-draft`).
    pub from: TextVersionId,
    /// The newer version (`final`).
    pub to: TextVersionId,
    /// How numbering changed overall, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// One entry per provision of `from` that the datasets cite.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub entries: Vec<ConcordanceEntry>,
}

/// A provision of one version and its counterpart in the other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ConcordanceEntry {
    /// The provision in the `from` version (no version prefix).
    pub from: ProvisionRef,
    /// Its counterpart in the `to` version; absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<ProvisionRef>,
    /// How the two relate.
    pub relation: Relation,
    /// The subject of the provision, to make the entry readable (`Respect for human rights`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How far the correspondence was checked.
    pub verification: Verification,
    /// Sources for the correspondence.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// How two provisions relate.
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
pub enum Relation {
    /// They deal with the same subject (numbers may differ).
    Corresponds,
    /// They overlap in part.
    PartlyCorresponds,
    /// There is no counterpart.
    NoCounterpart,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// File kind `crosswalk`: provisions of the convention matched to another instrument's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Crosswalk {
    /// Always `crosswalk`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The text version of the convention used.
    pub text_version: TextVersionId,
    /// The other instrument.
    pub other: OtherInstrument,
    /// How the match was made, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The matches.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub entries: Vec<CrosswalkEntry>,
}

/// An instrument other than the convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct OtherInstrument {
    /// Identifier of the instrument.
    pub id: InstrumentId,
    /// Its title.
    pub title: String,
    /// Its symbol or treaty series number (`ETS No. 185`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
}

/// A provision of the convention and its counterpart in the other instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CrosswalkEntry {
    /// The convention's provision; absent for an article of the other instrument with no
    /// counterpart in the convention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionRef>,
    /// The other instrument's provision (`16`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_provision: Option<ProvisionRef>,
    /// The other provision's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_title: Option<String>,
    /// How the two relate.
    pub relation: Relation,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How far the match was checked.
    pub verification: Verification,
    /// Sources for the match.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}
