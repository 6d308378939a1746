#!/usr/bin/env bash
# Lints the GitHub workflows (.github/workflows/*.yml) as GitHub would read them: actionlint
# (expressions, contexts, action inputs, runner labels, deprecated actions) and
# check-jsonschema against SchemaStore's workflow schema, built into check-jsonschema
# (`--builtin-schema vendor.github-workflows`: no network). Both come from PyPI, pinned in
# tests/workflows/requirements.txt, installed into tests/workflows/.venv (git-ignored).
# Exit 1 when a workflow has a problem.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/tests/workflows/.venv"
cd "$root"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  -r tests/workflows/requirements.txt

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ "${#workflows[@]}" -eq 0 ]; then
  echo "error: no workflow in .github/workflows/" >&2
  exit 2
fi

status=0
echo "-- actionlint $("$venv/bin/actionlint" --version | head -n 1): ${workflows[*]}"
"$venv/bin/actionlint" "${workflows[@]}" || status=1
echo "-- check-jsonschema --builtin-schema vendor.github-workflows"
"$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows "${workflows[@]}" || status=1
if [ "$status" = 0 ]; then
  echo "workflows: ${#workflows[@]} checked, no problem"
fi
exit "$status"
