//! Fuzz target `yaml_roundtrip`: the body is `treaty_tests::fuzz::yaml_roundtrip` (tests/src/fuzz.rs), which
//! `tests/tests/fuzz_corpus.rs` also runs over `fuzz/corpus/yaml_roundtrip/` on stable.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| treaty_tests::fuzz::yaml_roundtrip(data));
