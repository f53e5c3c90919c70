#!/usr/bin/env bash
# Installs the Debian 12 packages sitmap needs to build, run and test.
# Idempotent and non-interactive: when every package is present it does nothing
# (no apt-get update, no network). Run as root or with sudo available.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config
  # window, UI, GL (GLVND + Mesa software rendering for headless/CI)
  libglfw3-dev libimgui-dev libstb-dev libglm-dev
  libgl-dev libopengl-dev libegl-dev libegl-mesa0 libgl1-mesa-dri mesa-utils
  # geodata: GDAL (brings PROJ + GEOS), command-line tools for scripts/
  libgdal-dev gdal-bin
  # CRC-32 of recovery journal records; PNG export (both also come with GDAL)
  zlib1g-dev libpng-dev
  # video export (MP4 H.264 and GIF, in process: io/video.cpp): Debian's FFmpeg libraries
  libavcodec-dev libavformat-dev libswscale-dev libavutil-dev
  # the shared event store (sitmap extract -o PG:...): libpq to build; the server and PostGIS for the
  # PG tests (CI and the ctest fixture start a throwaway cluster with scripts/pg-cluster.sh)
  libpq-dev postgresql postgis postgresql-postgis
  # text: ICU for Unicode folding / sentence breaks, fmt, JSON, CLI parsing (dates use C++20 <chrono>)
  libicu-dev libfmt-dev nlohmann-json3-dev libcli11-dev
  # tests (clang-format: the "format" test checks every C++ file against .clang-format)
  catch2 xvfb xauth clang-format
  # sanitizer job and fuzzers (scripts/sanitize.sh, scripts/fuzz.sh): clang 16, because clang 14's
  # std::source_location does not compile with g++ 12's headers; libFuzzer and the sanitizer runtimes
  clang-16 libclang-rt-16-dev
  # the Debian package (scripts/package-test.sh): dpkg-shlibdeps for CPack's dependencies, the man page,
  # desktop-file-validate for the menu entry
  dpkg-dev help2man desktop-file-utils
  # fonts with Azerbaijani Latin, Armenian and Cyrillic (a copy also ships in assets/fonts)
  fonts-dejavu-core
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
