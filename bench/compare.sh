#!/usr/bin/env bash
# Compares `treaty validate` with ajv-cli, check-jsonschema and the parse-only floor on the same
# files and schemas, and prints one Markdown table per data set. See bench/README.md.
#
#   bench/compare.sh            # 20 MB single file, split data sets of 1, 10 and 100 MB
#   bench/compare.sh --smoke    # tiny data, one run each: checks that the script works
#   RUNS=3 SIZES="1 10" bench/compare.sh
#
# Options are flags or environment variables: bench/compare.sh --help. The work is done by
# compare.py (Python 3.9 or newer, standard library only).
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/compare.py" "$@"
