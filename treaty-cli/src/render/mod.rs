//! Renderers: each turns a `Report` into one output format and decides nothing else.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
