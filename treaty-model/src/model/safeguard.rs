//! The safeguard taxonomy and the status of a safeguard for a power.

use serde::{Deserialize, Serialize};

use super::{FileKind, SchemaVersion, Status};
use crate::ids::{SafeguardId, SourceId};
use crate::provision::ProvisionRef;

/// File kind `safeguards`: the taxonomy of protections the analyses look for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Safeguards {
    /// Always `safeguards`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The safeguards.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub safeguards: Vec<Safeguard>,
}

/// A protection against abuse of a power (prior judicial authorisation, user notification...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Safeguard {
    /// Identifier of the safeguard.
    pub id: SafeguardId,
    /// Its name.
    pub name: String,
    /// The family it belongs to.
    pub family: SafeguardFamily,
    /// What it requires, in our words.
    pub summary: String,
    /// The human-rights standards that state it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<StandardRef>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Families of safeguards.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum SafeguardFamily {
    /// Principles for surveillance (legality, necessity, proportionality, judicial authority...).
    SurveillancePrinciple,
    /// Data-protection principles (purpose limitation, minimisation...).
    DataProtection,
    /// Fair-trial protections (privilege, self-incrimination, defence rights).
    FairTrial,
    /// Grounds to refuse cross-border cooperation (dual criminality, political offence...).
    Cooperation,
    /// Limits on secrecy and duration (time-limited gag orders, renewal limits).
    Limits,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// A principle in a human-rights standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StandardRef {
    /// The standard.
    pub standard: Standard,
    /// The principle's name in that standard (`Competent judicial authority`), not holding
    /// `|`, which the CSV tables put between standards.
    pub principle: String,
}

/// Human-rights standards the taxonomy draws on.
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
pub enum Standard {
    /// The 13 International Principles on the Application of Human Rights to Communications
    /// Surveillance ("Necessary and Proportionate", 2013-2014).
    NecessaryAndProportionate,
    /// Data-protection principles as in Council of Europe Convention 108+ and the GDPR.
    DataProtectionPrinciples,
    /// International human rights law in general, as the analyses invoke it.
    InternationalHumanRightsLaw,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// The status of one safeguard for one power, with the provision and source that justify it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SafeguardStatus {
    /// The safeguard.
    pub safeguard: SafeguardId,
    /// Mandatory, discretionary, absent or not applicable.
    pub status: Status,
    /// The provision that makes it so (`24(2)`); omitted when the text is silent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionRef>,
    /// Why, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the status.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}
