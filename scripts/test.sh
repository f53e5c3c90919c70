#!/usr/bin/env bash
# Installs what is missing, builds everything (Release, warnings as errors) and runs every test:
# core, io, cli and the OpenGL golden-image tests (headless, Mesa EGL surfaceless).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSITMAP_WERROR=ON
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure --no-tests=error -j 2
