//! Participation: signature, ratification, reservations and declarations.

use serde::{Deserialize, Serialize};

use super::{FileKind, SchemaVersion, Verification};
use crate::date::{Date, PartialDate};
use crate::ids::SourceId;
use crate::provision::ProvisionRef;
use crate::state::StateCode;

/// File kind `participation`: who signed and joined the convention.
///
/// Entry into force is never stated here: it is computed from the deposits recorded
/// (see [`crate::Dataset::entry_into_force`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Participation {
    /// Always `participation`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// How the convention was opened for signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<SignaturePeriod>,
    /// Counts reported by sources at a given time (for example signatories after a ceremony).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_counts: Vec<ReportedCount>,
    /// What each state has done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub states: Vec<StateParticipation>,
    /// Context in our words (reports too vague to record as counts or steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The signature period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SignaturePeriod {
    /// The provision that sets it (`64`).
    pub provision: ProvisionRef,
    /// First day of signature.
    pub opened: Date,
    /// Where it opened (a signing ceremony).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Last day of signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<Date>,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How far the facts were checked.
    pub verification: Verification,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// A count reported by a source, for facts known only in aggregate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReportedCount {
    /// What was counted.
    pub counted: Counted,
    /// The number.
    pub count: u32,
    /// When it was true, to the precision known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    /// Details in our words (other counts reported elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How far the count was checked.
    pub verification: Verification,
    /// Sources for the count.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// What a reported count counts.
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
pub enum Counted {
    /// States that have signed.
    Signatories,
    /// States that have deposited an instrument of ratification, acceptance, approval or accession.
    Parties,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// What one state has done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StateParticipation {
    /// The state.
    pub state: StateCode,
    /// Its steps, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<ParticipationStep>,
    /// Reservations and declarations it made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

/// One step of a state towards (or away from) the convention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ParticipationStep {
    /// What was done.
    pub step: StepKind,
    /// When, to the precision known; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How far the step was checked.
    pub verification: Verification,
    /// Sources for the step.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Kinds of participation step.
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
pub enum StepKind {
    /// Signature.
    Signature,
    /// A domestic step (parliamentary approval, promulgation) before deposit.
    DomesticApproval,
    /// Deposit of an instrument of ratification.
    Ratification,
    /// Deposit of an instrument of acceptance.
    Acceptance,
    /// Deposit of an instrument of approval.
    Approval,
    /// Deposit of an instrument of accession.
    Accession,
    /// Denunciation.
    Denunciation,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

impl StepKind {
    /// True for the deposits that count towards entry into force.
    pub fn is_consent_to_be_bound(self) -> bool {
        matches!(
            self,
            Self::Ratification | Self::Acceptance | Self::Approval | Self::Accession
        )
    }
}

/// A reservation or declaration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Statement {
    /// Reservation or declaration.
    pub statement: StatementKind,
    /// The provisions it concerns.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub provisions: Vec<ProvisionRef>,
    /// What it says, in our words.
    pub summary: String,
    /// When it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// How far it was checked.
    pub verification: Verification,
    /// Sources for it.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Reservation or declaration.
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
pub enum StatementKind {
    /// Excludes or modifies the legal effect of a provision for the state.
    Reservation,
    /// States an understanding or a notification the convention asks for.
    Declaration,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}
