//! The typed model: one module per concept, one struct per file kind.
//!
//! Every dataset file is a YAML (or JSON) document with two header fields, `kind` and
//! `schema_version`, followed by the content of its kind:
//!
//! | `kind` | type | holds |
//! |---|---|---|
//! | `instrument` | [`Instrument`] | the convention, its text versions, the entry-into-force rule |
//! | `chapter` | [`Chapter`] | one chapter of one text version: articles, paragraphs, points |
//! | `definitions` | [`Definitions`] | the terms of Article 2 |
//! | `data-categories` | [`DataCategories`] | electronic, traffic, content, subscriber, personal data |
//! | `sensitivity-categories` | [`SensitivityCategories`] | biometric, location... (not defined by the treaty) |
//! | `safeguards` | [`Safeguards`] | the safeguard taxonomy |
//! | `powers` | [`Powers`] | domestic and cross-border powers with their safeguard statuses |
//! | `offences` | [`Offences`] | the offences of Chapter II |
//! | `analysis` | [`Analysis`] | one published analysis and its concerns |
//! | `concordance` | [`Concordance`] | numbering between two text versions |
//! | `crosswalk` | [`Crosswalk`] | correspondence with another instrument (Budapest Convention) |
//! | `participation` | [`Participation`] | signature, ratification, reservations, declarations |
//! | `assessment` | [`Assessment`] | one state's implementation of the powers and safeguards |
//! | `sources` | [`Sources`] | the documents the facts cite |
//!
//! # Strict linter, tolerant reader
//!
//! The JSON Schemas in `schemas/` are strict: unknown fields and unknown vocabulary values are
//! errors, so contributors learn of a typo at once. The Rust types are tolerant, so that a crate
//! built against schema 1.0 keeps reading data written for 1.1: unknown fields are ignored, and
//! an unknown value of a closed vocabulary reads as that enum's `Unrecognized` variant (which is
//! never written by the datasets and is absent from the schemas). A new *major* schema version
//! is a breaking change and is refused by the validator.

mod analysis;
mod assessment;
mod bundle;
mod common;
mod concordance;
mod instrument;
mod offence;
mod participation;
mod power;
mod safeguard;
mod source;
mod structure;
mod version;
mod vocabulary;

pub use analysis::{Action, Analysis, Concern, Genre, Recommendation};
pub use assessment::{
    Assessment, Implementation, LegalCitation, PowerImplementation, SafeguardImplementation,
};
pub use bundle::{Bundle, Document};
pub use common::{Modality, Quote, Status, Verification};
pub use concordance::{
    Concordance, ConcordanceEntry, Crosswalk, CrosswalkEntry, OtherInstrument, Relation,
};
pub use instrument::{
    EntryIntoForceRule, Instrument, Milestone, MilestoneEvent, Stage, TextVersion,
};
pub use offence::{Offence, Offences, Requirement};
pub use participation::{
    Counted, Participation, ParticipationStep, ReportedCount, SignaturePeriod, StateParticipation,
    Statement, StatementKind, StepKind,
};
pub use power::{
    Article24Coverage, Compellable, Confidentiality, Coverage, Duration, Obligation, OffenceClass,
    OffenceScope, Power, PowerScope, Powers, TimeLimit,
};
pub use safeguard::{
    Safeguard, SafeguardFamily, SafeguardStatus, Safeguards, Standard, StandardRef,
};
pub use source::{Source, SourceKind, Sources};
pub use structure::{Article, Chapter, Paragraph, Point, Subpoint};
pub use version::{FileKind, SchemaVersion};
pub use vocabulary::{
    DataCategories, DataCategory, Definition, Definitions, SensitivityCategories,
    SensitivityCategory,
};

#[cfg(all(test, feature = "schema"))]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// Every name the schema allows reads as a value whose strum name and `Display` are that
    /// name again, and `unrecognized` too: strum's case conversion and serde's may differ.
    fn names_match<T>()
    where
        T: schemars::JsonSchema + DeserializeOwned + Serialize + Copy + Into<&'static str>,
        T: std::fmt::Display,
    {
        fn strings(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    for (k, v) in m {
                        match (k.as_str(), v) {
                            ("const", Value::String(s)) => out.push(s.clone()),
                            ("enum", Value::Array(a)) => {
                                out.extend(a.iter().filter_map(|s| s.as_str().map(str::to_owned)))
                            }
                            _ => strings(v, out),
                        }
                    }
                }
                Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let mut names = Vec::new();
        strings(&schemars::schema_for!(T).to_value(), &mut names);
        names.push("unrecognized".to_owned());
        assert!(names.len() > 1, "{}", std::any::type_name::<T>());
        for name in names {
            let value: T = serde_json::from_value(Value::String(name.clone())).unwrap();
            assert_eq!(serde_json::to_value(value).unwrap(), name.as_str());
            assert_eq!(value.into(), name.as_str());
            assert_eq!(value.to_string(), name);
        }
    }

    #[test]
    fn strum_names_are_the_serde_names() {
        names_match::<Genre>();
        names_match::<Action>();
        names_match::<Implementation>();
        names_match::<Verification>();
        names_match::<Modality>();
        names_match::<Status>();
        names_match::<Relation>();
        names_match::<Stage>();
        names_match::<MilestoneEvent>();
        names_match::<Counted>();
        names_match::<StepKind>();
        names_match::<StatementKind>();
        names_match::<PowerScope>();
        names_match::<Obligation>();
        names_match::<Compellable>();
        names_match::<OffenceClass>();
        names_match::<TimeLimit>();
        names_match::<Coverage>();
        names_match::<SafeguardFamily>();
        names_match::<Standard>();
        names_match::<SourceKind>();
        names_match::<FileKind>();
    }
}
