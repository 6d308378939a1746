//! Offences of Chapter II (criminalisation).

use serde::{Deserialize, Serialize};

use super::{FileKind, SchemaVersion, Status};
use crate::ids::{OffenceId, SourceId, TextVersionId};
use crate::provision::ProvisionRef;

/// File kind `offences`: the offences the convention requires states to establish.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Offences {
    /// Always `offences`.
    pub kind: FileKind,
    /// The schema version the file was written for.
    pub schema_version: SchemaVersion,
    /// The text version whose numbering the provisions use.
    pub text_version: TextVersionId,
    /// The offences.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub offences: Vec<Offence>,
}

/// One offence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Offence {
    /// Identifier of the offence.
    pub id: OffenceId,
    /// Its name (the article title).
    pub name: String,
    /// The article that establishes it.
    pub provision: ProvisionRef,
    /// Whether it is a "core" cybercrime against systems and data (Articles 7-11 in the
    /// final text) rather than a cyber-enabled offence.
    pub core_cybercrime: bool,
    /// What the analyses say about it, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Whether malicious or dishonest intent is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent_requirement: Option<Requirement>,
    /// Whether security research and other public-interest work is exempted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_interest_exemption: Option<Requirement>,
    /// Sources for the facts above.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}

/// Whether the convention requires something, with the provision and sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Requirement {
    /// Mandatory, discretionary or absent.
    pub status: Status,
    /// The provision, when one says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionRef>,
    /// Details in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources for the claim.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub sources: Vec<SourceId>,
}
