//! Renderers: each turns what the library computed (a validation `Report`, a coverage
//! matrix, a diff, an explanation) into one output format and decides nothing else.

pub mod coverage;
pub mod diff;
pub mod explain;
pub mod github;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod shown;
pub mod text;
