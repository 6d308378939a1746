//! Fuzz target `load_validate`: the body is `treaty_tests::fuzz::load_validate` (tests/src/fuzz.rs), which
//! `tests/tests/fuzz_corpus.rs` also runs over `fuzz/corpus/load_validate/` on stable.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| treaty_tests::fuzz::load_validate(data));
