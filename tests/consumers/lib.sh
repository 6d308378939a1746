# Shared by the scripts of tests/consumers/ (sourced, not run).
#
# Everything these checks need is installed here, from files of the repository, so that CI can
# run them on a fresh machine: Python packages into a venv (tests/consumers/.venv, git-ignored),
# npm packages with `npm ci` from the committed package-lock.json, and `treaty` built by cargo.

CONSUMERS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$CONSUMERS/../.." && pwd)"
VENV="$CONSUMERS/.venv"

# Prints a header line for a step, as .ci/run does.
step() {
  echo "-- $*"
}

# Builds `treaty` (debug profile, the lock file as committed) and exports TREATY, its path.
# Cargo waits on its own lock when another build shares the target directory.
build_treaty() {
  (cd "$ROOT" && cargo build -q --locked -p treaty-cli)
  local target_dir
  target_dir="$(cd "$ROOT" && cargo metadata -q --format-version 1 --no-deps --locked |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
  TREATY="$target_dir/debug/treaty"
  export TREATY
  [ -x "$TREATY" ] || { echo "error: no treaty binary at $TREATY" >&2; return 2; }
}

# python_env REQUIREMENTS...: the venv at tests/consumers/.venv, with these pinned packages.
python_env() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  local args=()
  for requirements in "$@"; do args+=(-r "$requirements"); done
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${args[@]}"
}
