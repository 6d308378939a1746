#!/usr/bin/env bash
# (Re)creates the file-based part of the committed seed corpus from the fixtures and the
# datasets. Hand-written seeds (`case-*`) and minimised fuzzer finds (`found-*`) are kept.
# Keep the corpus small (< 2 MB): it is replayed by `cargo test` (tests/tests/fuzz_corpus.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
seed() { # target, prefix, files...
    local target=$1 prefix=$2
    shift 2
    mkdir -p "fuzz/corpus/$target"
    for f in "$@"; do
        cp "$f" "fuzz/corpus/$target/$prefix-$(basename "$f")"
    done
}
small_datasets=$(find datasets -name '*.yaml' -size -20k | sort)
for target in load_validate render; do
    rm -f fuzz/corpus/$target/base-* fuzz/corpus/$target/invalid-* \
        fuzz/corpus/$target/valid-* fuzz/corpus/$target/dataset-*
    seed "$target" base tests/fixtures/base/*.yaml
    seed "$target" invalid tests/fixtures/invalid/*.yaml tests/fixtures/invalid/*.yml \
        tests/fixtures/invalid/*.json
    seed "$target" valid tests/fixtures/valid/*
done
# shellcheck disable=SC2086
seed load_validate dataset $small_datasets
# yaml_roundtrip reads its bytes through `arbitrary`: any bytes are a seed.
rm -f fuzz/corpus/yaml_roundtrip/base-*
seed yaml_roundtrip base tests/fixtures/base/*.yaml
du -sh fuzz/corpus
