#!/usr/bin/env bash
# Compares `treaty validate` with sourcemeta (`jsonschema validate --fast`), ajv-cli,
# check-jsonschema and the parse-only floor on the same files and schemas, and prints issue 14's
# bars (pass or fail) and one Markdown table per workload. See bench/README.md.
#
#   bench/compare.sh            # the repository's datasets, one file of it, split data sets of
#                               # 10 and 100 MB, one 20 MB powers file
#   bench/compare.sh --smoke    # tiny data, one run each: checks that the script works
#   RUNS=3 SIZES="10" bench/compare.sh
#
# Options are flags or environment variables: bench/compare.sh --help. The work is done by
# compare.py (Python 3.9 or newer, standard library only).
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/compare.py" "$@"
