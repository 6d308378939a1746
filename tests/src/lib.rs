//! Shared helpers for the end-to-end tests.

/// The README's examples compile and run.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
