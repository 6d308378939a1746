#!/usr/bin/env bash
# Runs the fuzz targets one after the other, each for SECONDS (default 600), at the lowest CPU
# priority, and prints each one's final libFuzzer statistics.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs nightly; cargo-fuzz, at the version pinned in install-cargo-fuzz.sh, is installed on
# first use into a cache folder outside the clone. New inputs go to a scratch corpus ($FUZZ_WORK,
# default a temporary directory), so the committed seed corpus (fuzz/corpus/<target>/, read only
# here) stays small; crashes go to fuzz/artifacts/<target>/.
# FUZZ_TARGET_DIR: a cargo target directory to build in (default fuzz/target); CI keeps one
# outside its fresh clone so that the instrumented dependencies are built once per machine.
# FUZZ_BUILD_FLAGS: more `cargo fuzz run` flags (`--dev` builds faster and runs slower).
# Exits non-zero when a target finds a crash, a leak, a timeout or an out-of-memory.
set -uo pipefail
cd "$(dirname "$0")"
cargo_fuzz_bin=$(./install-cargo-fuzz.sh) || exit 1
PATH="$cargo_fuzz_bin:$PATH"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(load_validate provision_ref yaml_roundtrip render)
fi
work=${FUZZ_WORK:-$(mktemp -d -t treaty-fuzz.XXXXXX)}
mkdir -p "$work/logs"
status=0
for t in "${targets[@]}"; do
    mkdir -p "$work/corpus/$t"
    log="$work/logs/$t.log"
    # -timeout: an input slower than 30 s is a hang; -rss_limit_mb: a 4 GiB process is a bomb.
    # shellcheck disable=SC2086 # FUZZ_BUILD_FLAGS is a list of flags
    nice -n 19 cargo +nightly fuzz run ${FUZZ_BUILD_FLAGS:-} \
        ${FUZZ_TARGET_DIR:+--target-dir "$FUZZ_TARGET_DIR"} \
        "$t" "$work/corpus/$t" "corpus/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 -print_final_stats=1 \
        >"$log" 2>&1
    rc=$?
    runs=$(grep -o '^Done [0-9]* runs in [0-9]* second' "$log" | tail -n1)
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n1)
    corpus=$(grep -Eo 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -n1)
    echo "fuzz $t: exit $rc; ${runs:-no final line}; ${cov:-no coverage line}; ${corpus}; log $log"
    if [ $rc -ne 0 ]; then
        status=1
        grep -E 'ERROR|panicked|SUMMARY|Test unit written' "$log" | head -n 20
    fi
done
exit $status
