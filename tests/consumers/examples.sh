#!/usr/bin/env bash
# The usage examples of docs/examples/ (Python, JavaScript, R), run as a reader would run them:
# `treaty convert datasets --to json -o treaty-bundle.json`, then each example on the bundle. Each
# output must be exactly the expected output stored beside the example
# (powers_electronic_data.expected); a difference is printed as a diff and fails.
#
# R: if Rscript (or its jsonlite package) is missing, it is installed from Debian
# (r-base-core, r-cran-jsonlite; CRAN is not needed) when running in CI (CI set) as root or
# with sudo. Outside CI a missing R is skipped with a printed line; in CI it is never skipped.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

examples="$ROOT/docs/examples"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step "build treaty"
build_treaty

step "examples: treaty convert datasets --to json -o treaty-bundle.json"
(cd "$ROOT" && "$TREATY" convert datasets --to json -o "$work/treaty-bundle.json")

have_r() {
  command -v Rscript > /dev/null && Rscript -e 'library(jsonlite)' > /dev/null 2>&1
}
install_r() {
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    r-base-core r-cran-jsonlite > /dev/null
}

status=0
check() { # check NAME COMMAND...: run an example in the bundle's directory, diff its output
  local name="$1"
  shift
  step "examples: $name"
  (cd "$work" && "$@") > "$work/$name.out"
  if diff -u "$examples/$name/powers_electronic_data.expected" "$work/$name.out"; then
    echo "$name: output as expected ($(wc -l < "$work/$name.out") lines)"
  else
    echo "error: $name: the output differs from docs/examples/$name/powers_electronic_data.expected" >&2
    status=1
  fi
}

check python python3 "$examples/python/powers_electronic_data.py" treaty-bundle.json
check js node "$examples/js/powers_electronic_data.mjs" treaty-bundle.json

# The validation snippets, with the packages and settings a newcomer takes (PyYAML's safe_load
# and jsonschema's format checker; ajv's defaults, ajv-formats and yaml): every dataset file is
# valid, and a broken one gets exactly the errors of validate.expected. The JavaScript snippet
# runs from tests/consumers/js/, where its packages are installed, as a copy.
step "examples: validation snippets (install: python/requirements.txt, npm ci in js/)"
python_env "$CONSUMERS/python/requirements.txt"
(cd "$CONSUMERS/js" && npm ci --no-audit --no-fund --loglevel=error)
js_snippet="$CONSUMERS/js/.validate-snippet.mjs"
cp "$examples/js/validate.mjs" "$js_snippet"
trap 'rm -rf "$work" "$js_snippet"' EXIT
broken=tests/fixtures/invalid/invalid-value.yaml
snippet() { # snippet NAME COMMAND...: every dataset file valid, the broken one as expected
  local name="$1" files=0 file code
  shift
  step "examples: $name validation snippet on datasets/ and on $broken"
  while IFS= read -r file; do
    files=$((files + 1))
    if ! (cd "$ROOT" && "$@" "$file") > "$work/$name.valid.out"; then
      echo "error: $name: the snippet rejects $file:" >&2
      cat "$work/$name.valid.out" >&2
      status=1
    fi
  done < <(cd "$ROOT" && find datasets -name '*.yaml' | sort)
  code=0
  (cd "$ROOT" && "$@" "$broken") > "$work/$name.broken.out" || code=$?
  if [ "$code" = 1 ] && diff -u "$examples/$name/validate.expected" "$work/$name.broken.out"; then
    echo "$name: $files dataset files valid; $broken rejected as expected"
  else
    echo "error: $name: $broken: exit $code, or output other than docs/examples/$name/validate.expected" >&2
    status=1
  fi
}
snippet python "$VENV/bin/python" "$examples/python/validate.py"
snippet js node "$js_snippet"
# A Rust program depending on treaty-model with default features off (types and serde only).
check rust cargo run -q --locked --manifest-path "$examples/rust/Cargo.toml" \
  --target-dir "$ROOT/target/examples-rust" -- treaty-bundle.json
if ! have_r && [ -n "${CI:-}" ]; then
  step "examples: installing R from Debian (r-base-core, r-cran-jsonlite)"
  install_r
fi
if have_r; then
  check r Rscript "$examples/r/powers_electronic_data.R" treaty-bundle.json
elif [ -n "${CI:-}" ]; then
  echo "error: r: Rscript with jsonlite is still missing after its installation" >&2
  status=1
else
  echo "examples: r SKIPPED: Rscript with jsonlite is not installed (CI installs it:" \
    "apt-get install r-base-core r-cran-jsonlite)"
fi

exit "$status"
