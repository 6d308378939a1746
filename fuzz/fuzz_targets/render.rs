//! Fuzz target `render`: the body is `treaty_tests::fuzz::render` (tests/src/fuzz.rs), which
//! `tests/tests/fuzz_corpus.rs` also runs over `fuzz/corpus/render/` on stable.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| treaty_tests::fuzz::render(data));
