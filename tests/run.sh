#!/usr/bin/env bash
# The whole test suite, as CI runs it: every Rust test of the workspace (unit, integration,
# end-to-end CLI, doc tests). Needs only a Rust toolchain; run from anywhere in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
