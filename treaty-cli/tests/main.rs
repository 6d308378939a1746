//! The end-to-end tests of the `treaty` command, in one test executable: one link instead of
//! one per file is most of the first build's test time (`autotests = false` in Cargo.toml).
//! A new test file is declared here.

mod common;

mod analysis;
mod atomic;
mod bounded;
mod changed;
mod cli;
mod edition;
mod man;
mod new;
mod output_option;
mod report_browser;
mod safety;
