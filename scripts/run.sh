#!/usr/bin/env bash
# Installs what is missing, builds the app and opens the map window on the default dataset.
# Extra arguments go to sitmap (e.g. --view karabakh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)" --target sitmap
exec ./build/sitmap "$@"
