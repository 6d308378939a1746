//! Small vocabularies shared by several file kinds.

use serde::{Deserialize, Serialize};

use crate::ids::SourceId;

/// How far a fact has been checked against a primary source.
///
/// Recorded on each fact, so that a contributor holding the official
/// text can confirm an unverified fact in a pull request.
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
pub enum Verification {
    /// A source that states the fact was read.
    Verified,
    /// Part of the fact was checked (for example the month of a date but not the day).
    Partly,
    /// Believed right, but no primary text was at hand.
    Unverified,
    /// A value this version of the crate does not know (tolerant reading of newer data).
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// The normative force of a provision, in the words the treaty uses.
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
pub enum Modality {
    /// "shall": an obligation.
    Shall,
    /// "shall ... as appropriate" or "in accordance with domestic law": an obligation whose
    /// content each state decides.
    ShallAsAppropriate,
    /// "shall endeavour": an obligation of effort only.
    ShallEndeavour,
    /// "may": a permission.
    May,
    /// "shall not" / "nothing ... shall be interpreted as": a limit.
    ShallNot,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// Whether a protection applies to a power: the central question of the analyses.
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
pub enum Status {
    /// The convention requires it.
    Mandatory,
    /// The convention mentions it but leaves it to each state ("as appropriate", domestic law).
    Discretionary,
    /// The convention does not provide it.
    Absent,
    /// The protection has no meaning for this power.
    NotApplicable,
    /// A value this version of the crate does not know.
    #[serde(other)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Unrecognized,
}

/// A short verbatim quotation of the treaty's key words (never a long passage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Quote {
    /// The quoted words, exactly as written, without quotation marks.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 300)))]
    pub text: String,
    /// Where the words were quoted from, when not the enclosing entry's sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceId>,
    /// What the words refer to, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
