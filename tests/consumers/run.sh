#!/usr/bin/env bash
# Consumer checks in other languages: do Python (jsonschema + PyYAML) and JavaScript (ajv +
# yaml) users of schemas/ agree with `treaty validate` on which files are schema-valid?
# Installs what they need (a venv, npm ci) and builds treaty first. Exit 1 on a disagreement.
# Then the shell steps of the GitHub Action (action.yml), on a valid and a broken dataset.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "build treaty"
build_treaty

status=0
step "python: install (python/requirements.txt into tests/consumers/.venv)"
python_env "$CONSUMERS/python/requirements.txt"
step "python: jsonschema + PyYAML against treaty validate"
"$VENV/bin/python" "$CONSUMERS/python/check.py" || status=$?

step "js: install (npm ci from js/package-lock.json)"
(cd "$CONSUMERS/js" && npm ci --no-audit --no-fund --loglevel=error)
step "js: ajv + yaml against treaty validate"
node "$CONSUMERS/js/check.mjs" || status=$?

step "action: the steps of action.yml (tests/consumers/action/check_action.py)"
"$VENV/bin/python" "$CONSUMERS/action/check_action.py" || status=$?

exit "$status"
