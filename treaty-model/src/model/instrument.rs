//! The convention as an instrument, and its text versions.

use serde::{Deserialize, Serialize};

use super::{FileKind, SchemaVersion, Verification};
use crate::date::PartialDate;
use crate::ids::{InstrumentId, SourceId, TextVersionId};
use crate::provision::ProvisionRef;

/// File kind `instrument`: the convention, its text versions and its entry-into-force rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Instrument {
    /// Always `instrument`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// Identifier of the instrument.
    pub id: InstrumentId,
    /// The name people use (`UN Convention against Cybercrime`).
    pub short_title: String,
    /// The official title in full.
    pub official_title: String,
    /// Who negotiated the text, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negotiated_by: Option<String>,
    /// Every text version the datasets refer to, oldest first.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub text_versions: Vec<TextVersion>,
    /// The rule that fixes entry into force; the date itself is computed from participation.
    pub entry_into_force: EntryIntoForceRule,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// One text of the convention: a draft or the final text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TextVersion {
    /// Identifier used to qualify provision references (`zero-draft:17`).
    pub id: TextVersionId,
    /// A human label (`Zero draft`).
    pub label: String,
    /// Draft or final.
    pub stage: Stage,
    /// The document symbol, when known (`A/AC.291/L.15`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The date of the text, to the precision the sources give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// How far symbol and date were checked.
    pub verification: Verification,
    /// What this text is, in our words.
    pub summary: String,
    /// Later steps in this text's life (release, adoption by the committee, by the General Assembly).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Whether a text is a draft or the adopted text.
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
pub enum Stage {
    /// A negotiating draft.
    Draft,
    /// The adopted text.
    Final,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// A dated step in the life of a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Milestone {
    /// What happened.
    pub event: MilestoneEvent,
    /// When, to the precision the sources give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The document symbol of the step (`A/RES/79/243`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Details in our words (where, by whom, disagreements between sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How far the step was checked.
    pub verification: Verification,
    /// Sources for the step.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Kinds of step in the life of a text.
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
pub enum MilestoneEvent {
    /// The text was made public.
    Released,
    /// The text was discussed at a negotiating session.
    Discussed,
    /// The negotiating committee adopted the text.
    AdoptedByCommittee,
    /// The General Assembly adopted the text.
    AdoptedByGeneralAssembly,
    /// The text was opened for signature.
    OpenedForSignature,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// How entry into force is fixed: the Nth instrument, then a delay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct EntryIntoForceRule {
    /// The provision that sets the rule (`65(1)`).
    pub provision: ProvisionRef,
    /// Instruments of ratification, acceptance, approval or accession needed (40).
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub instruments_required: u16,
    /// Days after the deposit of the last required instrument (90).
    pub days_after_deposit: u16,
    /// Details in our words (regional organisations, later ratifications).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How far the rule was checked.
    pub verification: Verification,
    /// Sources for the rule.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}
