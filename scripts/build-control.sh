#!/bin/sh
# Rebuilds geodata/control.gpkg (dated control areas) from ../shared/geodata-sources and
# geodata/control_inputs/. Usage: scripts/build-control.sh [SOURCES_DIR] [BUILD_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
sources=${1:-$root/../shared/geodata-sources}
build=${2:-$root/build-control}
[ -d "$sources" ] || { echo "build-control.sh: no sources directory '$sources'" >&2; exit 1; }
[ -f "$build/build.ninja" ] || [ -f "$build/Makefile" ] || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" --target sitmap_build_control
"$build/sitmap_build_control" --sources "$sources" --inputs "$root/geodata/control_inputs" -o "$root/geodata/control.gpkg"
