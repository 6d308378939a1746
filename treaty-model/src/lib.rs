//! # treaty-model
//!
//! The typed, machine-readable model of the **UN Convention against Cybercrime**: its text
//! versions and structure, the investigative and cooperation powers it creates, the data they
//! reach, the safeguards that apply to them (mandatory, discretionary or absent), and the
//! analyses, participation records and implementation assessments around it.
//!
//! * [`model`]: one Rust type per dataset file kind, with serde and (feature `schema`) JSON
//!   Schema derives; see the module docs for the file kinds and for how newer data is read.
//! * Identifiers ([`ids`]), [`ProvisionRef`] (version-aware provision references in every
//!   common notation), [`Date`] / [`PartialDate`], [`StateCode`], [`Url`].
//! * [`schema`] (feature `schema`): the JSON Schemas published in `schemas/`.
//! * [`validate`] (feature `validate`): load a dataset from YAML/JSON and get every problem as
//!   a [`diagnostic::Diagnostic`] with file, line and column; [`Dataset`] has indexed lookups.
//!   A directory of your own, or one file inside a dataset (checked against all of it):
//!
//!   ```no_run
//!   let validation = treaty_model::validate::validate_dir("my-datasets");
//!   for d in &validation.report.diagnostics {
//!       eprintln!("{d}");
//!   }
//!   ```
//! * [`bundled()`] (feature `bundled`): the project's own datasets, embedded and validated.
//! * [`scaffold`] (feature `validate`): templates for new files, such as an implementation
//!   assessment with every power and safeguard to fill in, or a published analysis started from
//!   its entry in the sources.
//!
//! ## Features
//!
//! * `schema`: JSON Schema generation (schemars).
//! * `validate` (default): loading YAML/JSON with positions and validating datasets.
//! * `bundled` (default): the project's datasets, embedded at compile time.
//!
//! With `default-features = false` the crate is the types and serde only.
#![warn(missing_docs)]

#[cfg(all(doctest, feature = "bundled"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(feature = "bundled")]
mod bundled;
#[cfg(feature = "validate")]
pub mod convert;
#[cfg(feature = "validate")]
pub mod coverage;
#[cfg(feature = "validate")]
pub mod dataset;
pub mod date;
#[cfg(feature = "validate")]
pub mod diagnostic;
#[cfg(feature = "validate")]
pub mod diff;
#[cfg(feature = "validate")]
pub mod explain;
#[cfg(feature = "validate")]
pub mod export;
pub mod ids;
pub mod model;
pub mod provision;
#[cfg(feature = "validate")]
pub mod query;
#[cfg(feature = "validate")]
pub mod scaffold;
#[cfg(feature = "schema")]
pub mod schema;
pub mod state;
#[cfg(feature = "validate")]
mod suggest;
// The parser is internal: its positions become the public `diagnostic::Location`. It stays
// reachable, hidden and outside the semver promise, for the workspace's tests and fuzz bodies,
// which must build treaty-model with the same features as the `treaty` binary (a feature of
// their own would compile it, and all that depends on it, a second time).
#[cfg(feature = "validate")]
#[doc(hidden)]
pub mod syntax;
#[cfg(feature = "validate")]
pub mod validate;
pub mod web;

#[cfg(feature = "bundled")]
pub use bundled::{bundled, bundled_files};
#[cfg(feature = "validate")]
pub use dataset::Dataset;

pub use date::{Date, PartialDate};
pub use model::*;
pub use provision::ProvisionRef;
pub use state::StateCode;
pub use web::Url;
