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
