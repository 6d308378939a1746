#!/usr/bin/env bash
# Installs cargo-fuzz, at the version pinned here, for fuzz/run.sh and the fuzz smoke of .ci/run,
# and prints the folder that holds its binary (put it on PATH). It builds from crates.io with
# the lock file the release shipped (--locked), into a cache folder outside the clone
# ($CARGO_FUZZ_ROOT, default ~/.cache/treaty-cargo-fuzz/VERSION), so a machine builds it once
# (about 3 minutes on 2 cores) and later runs find it there.
#
#   PATH="$(fuzz/install-cargo-fuzz.sh):$PATH" fuzz/run.sh 20
set -euo pipefail
version=0.13.2
root=${CARGO_FUZZ_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/treaty-cargo-fuzz/$version}
if [ "$("$root/bin/cargo-fuzz" --version 2>/dev/null)" != "cargo-fuzz $version" ]; then
    echo "installing cargo-fuzz $version into $root" >&2
    # Built with nightly, which the fuzz targets need anyway; stdout is kept for the folder.
    nice -n 10 cargo +nightly install cargo-fuzz --version "$version" --locked --root "$root" \
        --quiet >&2
fi
echo "$root/bin"
