#!/usr/bin/env bash
# The `treaty-validate` hook of .pre-commit-hooks.yaml, used the way a dataset repository uses
# it: a sample git repository (a copy of datasets/ and schemas/) whose .pre-commit-config.yaml
# points at this repository by local path and commit; `pre-commit run --all-files` must pass,
# then fail on a broken file with the diagnostic in its output, and skip when no dataset file
# is among the files.
#
# pre-commit builds the hook with `cargo install` in a fresh PRE_COMMIT_HOME, so the first run
# takes minutes; its time is printed. Set PRE_COMMIT_HOME to reuse a cache between runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "pre-commit: install (pre-commit/requirements.txt into tests/consumers/.venv)"
python_env "$CONSUMERS/pre-commit/requirements.txt"
PRE_COMMIT="$VENV/bin/pre-commit"

# `cargo install` builds with the release profile (thin LTO): 5 to 8 minutes on two cores. This
# test is about the installation and the hook's behaviour, not the optimiser, so unless
# TREATY_HOOK_RELEASE_BUILD=1 the release profile is made unoptimised through cargo's
# environment overrides, which pre-commit passes on to cargo: about 2 minutes.
if [ "${TREATY_HOOK_RELEASE_BUILD:-0}" != 1 ]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 CARGO_PROFILE_RELEASE_DEBUG=false
  echo "(building the hook unoptimised; TREATY_HOOK_RELEASE_BUILD=1 for the real release build)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$work/cache}"
export GIT_AUTHOR_NAME=consumer-check GIT_AUTHOR_EMAIL=consumer-check@example.invalid
export GIT_COMMITTER_NAME=consumer-check GIT_COMMITTER_EMAIL=consumer-check@example.invalid
# Commits in the throw-away repositories must not depend on the user's git configuration, and
# a checkout owned by another user (CI running as root) must not be refused as "dubious".
export GIT_CONFIG_COUNT=2 GIT_CONFIG_KEY_0=commit.gpgsign GIT_CONFIG_VALUE_0=false \
  GIT_CONFIG_KEY_1=safe.directory GIT_CONFIG_VALUE_1="$ROOT"

# The hook repository. pre-commit clones `repo` at `rev`, so it must be a git repository that
# has the commit: a clone of this checkout's HEAD. When the checkout has uncommitted changes
# (a local run), they are copied into the clone and committed there, so that what is tested
# is what is on disk; in CI the checkout is clean and the clone is HEAD itself. A checkout
# without git history (an exported tree) becomes a new repository with one commit.
step "pre-commit: hook repository (a clone of $ROOT)"
hook_repo="$work/hook-repo"
if ! git -C "$ROOT" rev-parse --verify -q HEAD > /dev/null; then
  mkdir "$hook_repo"
  (cd "$ROOT" && tar --exclude=./target --exclude=./fuzz/target --exclude=./.git \
    --exclude=./tests/consumers/.venv --exclude=./tests/consumers/js/node_modules -cf - .) |
    tar -xf - -C "$hook_repo"
  git -C "$hook_repo" init -q
  git -C "$hook_repo" add -A
  git -C "$hook_repo" commit -q -m "the tree under test"
  echo "($ROOT is not a git checkout: testing its files as a new repository)"
else
  git clone -q --no-hardlinks "$ROOT" "$hook_repo"
fi
if git -C "$ROOT" rev-parse --verify -q HEAD > /dev/null &&
  [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=all)" ]; then
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard) |
    while IFS= read -r -d '' file; do
      if [ -e "$ROOT/$file" ] || [ -L "$ROOT/$file" ]; then
        mkdir -p "$hook_repo/$(dirname "$file")"
        rm -rf "$hook_repo/$file"
        cp -a "$ROOT/$file" "$hook_repo/$file"
      else
        rm -f "$hook_repo/$file"
      fi
    done
  git -C "$hook_repo" add -A
  git -C "$hook_repo" commit -q -m "uncommitted changes of the checkout under test"
  echo "(the checkout has uncommitted changes: testing them, as a commit of the clone)"
fi
rev="$(git -C "$hook_repo" rev-parse HEAD)"

step "pre-commit: sample dataset repository"
sample="$work/sample"
mkdir "$sample"
cp -R "$ROOT/datasets" "$ROOT/schemas" "$sample/"
cat > "$sample/README.md" <<'MD'
A dataset repository that validates its files with the treaty-validate pre-commit hook.
MD
cat > "$sample/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: treaty-validate
YAML
git -C "$sample" init -q
git -C "$sample" add -A
git -C "$sample" commit -q -m "sample dataset"

run() { # run EXPECTED_STATUS ARGS...: pre-commit in the sample repository; output in $work/out
  local expected="$1" status=0
  shift
  (cd "$sample" && "$PRE_COMMIT" run --color never "$@") > "$work/out" 2>&1 || status=$?
  sed 's/^/    /' "$work/out"
  if [ "$status" != "$expected" ]; then
    echo "error: \`pre-commit run $*\` exited $status, expected $expected" >&2
    [ -f "$PRE_COMMIT_HOME/pre-commit.log" ] && sed 's/^/    log: /' "$PRE_COMMIT_HOME/pre-commit.log" >&2
    exit 1
  fi
}

step "pre-commit: run --all-files on the valid dataset (installs the hook: cargo install)"
start=$(date +%s)
run 0 --all-files
grep -q '^treaty validate\.*Passed' "$work/out" || { echo "error: the hook did not pass" >&2; exit 1; }
echo "(first run, with the hook's installation: $(( $(date +%s) - start )) s)"

step "pre-commit: one changed file is checked against the whole dataset, and passes"
run 0 --files datasets/powers/cross-border.yaml
grep -q '^treaty validate\.*Passed' "$work/out" || { echo "error: the hook did not pass on one file" >&2; exit 1; }

step "pre-commit: a typo in a safeguard status must fail, with the diagnostic"
file=datasets/powers/domestic.yaml
grep -q 'status: discretionary$' "$sample/$file"
sed -i '0,/status: discretionary$/s//status: discretionnary/' "$sample/$file"
git -C "$sample" add "$file"
run 1 --all-files
for expected in '^treaty validate\.*Failed' 'error\[invalid-value\]: `discretionnary` is not one of the allowed values' "--> $file:[0-9]+:[0-9]+" 'did you mean `discretionary`'; do
  grep -Eq -- "$expected" "$work/out" || { echo "error: no line matching /$expected/ in the hook's output" >&2; exit 1; }
done

step "pre-commit: no dataset file among the files: the hook is skipped"
run 0 --files README.md
grep -q '^treaty validate\.*(no files to check)Skipped' "$work/out" || { echo "error: the hook was not skipped" >&2; exit 1; }

echo "pre-commit: the treaty-validate hook passed, failed and skipped as expected"
