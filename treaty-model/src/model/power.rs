//! Investigative and cooperation powers.

use serde::{Deserialize, Serialize};

use super::{FileKind, SafeguardStatus, SchemaVersion, Status};
use crate::ids::{DataCategoryId, PowerId, SensitivityId, SourceId, TextVersionId};
use crate::provision::ProvisionRef;

/// File kind `powers`: a list of powers (one file for the domestic ones, one for cross-border).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Powers {
    /// Always `powers`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The text version whose numbering the provisions use.
    pub text_version: TextVersionId,
    /// The powers.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub powers: Vec<Power>,
}

/// A power the convention gives or requires: domestic (Chapter IV) or cross-border (Chapter V).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Power {
    /// Identifier of the power.
    pub id: PowerId,
    /// A short name (`Production order for electronic data`).
    pub name: String,
    /// The provision that grants it (`27(a)`).
    pub provision: ProvisionRef,
    /// Domestic or cross-border.
    pub scope: PowerScope,
    /// Whether states must provide the power ("shall") or may ("may").
    pub obligation: Obligation,
    /// What the power allows, in our words.
    pub summary: String,
    /// The data categories it reaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_categories: Vec<DataCategoryId>,
    /// Sensitive kinds of data the analyses say it can reach.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive_data: Vec<SensitivityId>,
    /// Who can be compelled or asked to act.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compellable: Vec<Compellable>,
    /// Which offences the power may be used for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offence_scope: Option<OffenceScope>,
    /// How long its effects last and whether they can be renewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// Whether those who carry it out must keep it secret (gag obligations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
    /// For a cross-border power, the domestic power it relies on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domestic_counterpart: Option<PowerId>,
    /// Whether the conditions and safeguards of Article 24 reach this power.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_24: Option<Article24Coverage>,
    /// The status of each relevant safeguard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<SafeguardStatus>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Domestic or cross-border.
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
pub enum PowerScope {
    /// A power each state gives its own authorities (Chapter IV).
    Domestic,
    /// A power exercised for or with another state (Chapter V).
    CrossBorder,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// Whether the convention requires a state to have the power.
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
pub enum Obligation {
    /// "shall adopt" / "shall afford": required.
    Mandatory,
    /// "may": permitted.
    Optional,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// Who a power can compel or ask to act.
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
pub enum Compellable {
    /// Any person in possession or control of the data.
    PersonWithData,
    /// A service provider.
    ServiceProvider,
    /// Any person who knows how the system or its security works (`28(4)`).
    PersonWithKnowledge,
    /// The authorities of another state, on request.
    RequestedState,
    /// Law-enforcement agencies, directly.
    LawEnforcement,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// The offences a power may be used for, with the provision that sets them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct OffenceScope {
    /// The classes of offence covered.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub covers: Vec<OffenceClass>,
    /// The provision that sets the scope (`23(2)`, `35(1)`).
    pub provision: ProvisionRef,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the scope.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Classes of offence in the scope provisions (Article 23(2), Article 35(1)).
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
pub enum OffenceClass {
    /// The offences established by the convention (`23(2)(a)`).
    ConventionOffences,
    /// Other criminal offences committed by means of an ICT system (`23(2)(b)`).
    IctOffences,
    /// The collection of electronic evidence of any criminal offence (`23(2)(c)`).
    AnyOffenceEvidence,
    /// Evidence of any "serious crime": at least four years' maximum imprisonment (`35(1)(c)`).
    SeriousCrime,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// How long the effects of a power last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Duration {
    /// The longest period the convention sets, in days (90 for preservation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days: Option<u32>,
    /// Whether the period can be renewed; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewable: Option<bool>,
    /// Whether the convention limits the number of renewals; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewals_limited: Option<bool>,
    /// The provision that sets the period.
    pub provision: ProvisionRef,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// A confidentiality (gag) obligation attached to a power.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Confidentiality {
    /// Whether the convention requires secrecy, leaves it to states, or says nothing.
    pub status: Status,
    /// Who must keep the secret.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bound: Vec<Compellable>,
    /// Whether the convention itself limits how long the secrecy lasts.
    pub time_limit: TimeLimit,
    /// The provision that sets the obligation (`29(3)`).
    pub provision: ProvisionRef,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Whether and where a time limit on secrecy is set.
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
pub enum TimeLimit {
    /// The convention sets a limit.
    SetByConvention,
    /// The convention leaves the limit to domestic law.
    LeftToDomesticLaw,
    /// No limit is mentioned.
    None,
    /// The sources do not say.
    Unknown,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// Whether Article 24's conditions and safeguards reach a power.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Article24Coverage {
    /// Applies, does not apply, or unclear.
    pub applies: Coverage,
    /// The provision that decides it (`23(4)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionRef>,
    /// Why, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the claim.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Whether a rule reaches something.
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
pub enum Coverage {
    /// It applies.
    Applies,
    /// It does not apply.
    DoesNotApply,
    /// The text does not settle it; the sources disagree or hedge.
    Unclear,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}
