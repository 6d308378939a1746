//! Shared helpers for the end-to-end tests.

pub mod fuzz;
pub mod generate;
pub mod hostile;

/// The README's examples compile and run.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
