//! Fuzz target `provision_ref`: the body is `treaty_tests::fuzz::provision_ref` (tests/src/fuzz.rs), which
//! `tests/tests/fuzz_corpus.rs` also runs over `fuzz/corpus/provision_ref/` on stable.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| treaty_tests::fuzz::provision_ref(data));
