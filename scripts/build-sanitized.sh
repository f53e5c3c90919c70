#!/usr/bin/env bash
# Configures and builds the sanitized tree (build-san/, or $SITMAP_SAN_BUILD_DIR): clang 16 from
# Debian, ASan + UBSan (UBSan does not recover), libFuzzer coverage in every target, -O1 -g, no GL
# tests and no benchmarks. Shared by scripts/sanitize.sh (core, io and cli tests) and
# scripts/fuzz.sh (the harnesses in fuzz/). Usage: scripts/build-sanitized.sh TARGET...
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${SITMAP_SAN_BUILD_DIR:-build-san}"
cxx="${SITMAP_SAN_CXX:-clang++-16}"
if ! command -v "$cxx" > /dev/null; then
  echo "build-sanitized: $cxx not found (Debian: apt-get install clang-16 libclang-rt-16-dev)" >&2
  exit 1
fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DSITMAP_FUZZ=ON -DSITMAP_BUILD_GL_TESTS=OFF \
  -DSITMAP_BUILD_BENCH=OFF > /dev/null
cmake --build "$dir" -j "$(nproc)" --target "$@"
