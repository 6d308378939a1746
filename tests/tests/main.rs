//! The end-to-end tests of the workspace, in one test executable: one link instead of one per
//! file is most of the first build's test time (`autotests = false` in Cargo.toml). A new test
//! file is declared here; run one with `cargo test -p treaty-tests --test main NAME::`.

mod bundled;
mod changed;
mod conformance;
mod dataset_parts;
mod diagnostics_doc;
mod fixtures;
mod fuzz_corpus;
mod generate;
mod hostile;
mod options;
mod properties;
mod schemas;
