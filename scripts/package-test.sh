#!/usr/bin/env bash
# Builds the Debian package from the Release tree (build/, after scripts/test.sh), installs it with
# apt-get as a user would, renders the default dataset with the installed /usr/bin/sitmap from an
# empty directory (so the data must come from /usr/share/sitmap), checks the PNG, the man page
# and the desktop entry, then removes the package again. Run as root (CI) or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }

cmake --build "$dir" -j "$(nproc)"
rm -f "$dir"/sitmap_*.deb
(cd "$dir" && cpack -G DEB > cpack.log) || { cat "$dir/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$dir"/sitmap_*.deb)
echo "package-test: built $deb ($(stat -c %s "$deb") bytes)"
dpkg-deb --field "$deb" Depends

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q -o DPkg::Lock::Timeout=300 "$(realpath "$deb")" > "$dir/apt-install.log" ||
  { cat "$dir/apt-install.log" >&2; fail "apt-get install $deb"; }
trap '$SUDO apt-get remove -y -q -o DPkg::Lock::Timeout=300 sitmap > /dev/null || true' EXIT

for f in /usr/bin/sitmap /usr/share/sitmap/geodata/gazetteer.csv /usr/share/sitmap/assets/fonts/DejaVuSans.ttf \
         /usr/share/applications/sitmap.desktop /usr/share/icons/hicolor/scalable/apps/sitmap.svg \
         /usr/share/man/man1/sitmap.1.gz; do
  [ -f "$f" ] || fail "$f not installed"
done
# The menu entry as the freedesktop.org validator sees it: errors, warnings and hints all fail.
validate=$(desktop-file-validate /usr/share/applications/sitmap.desktop 2>&1) ||
  fail "desktop-file-validate: $validate"
[ -z "$validate" ] || fail "desktop-file-validate: $validate"
echo "package-test: desktop-file-validate accepts /usr/share/applications/sitmap.desktop"
zcat /usr/share/man/man1/sitmap.1.gz | grep -q '^\.SS "sitmap render"' || fail "man page lacks the render verb"

work=$(mktemp -d)
(cd "$work" && env -u SITMAP_DATA_DIR -u SITMAP_SHADER_DIR /usr/bin/sitmap render --size 800x600 -o map.png) ||
  fail "installed sitmap render exited $?"
png="$work/map.png"
[ -f "$png" ] || fail "no PNG written"
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$png is not a PNG"
size=$(stat -c %s "$png")
[ "$size" -gt 40000 ] || fail "$png is only $size bytes: not a map"
# Non-trivial: the red band of a drawn map varies (a blank or single-colour image has std dev 0).
sd=$(gdalinfo -stats "$png" | sed -n 's/.*STATISTICS_STDDEV=\([0-9.]*\).*/\1/p' | head -1)
awk -v sd="$sd" 'BEGIN { exit !(sd > 10) }' || fail "$png looks blank (red std dev ${sd:-?})"
echo "package-test: /usr/bin/sitmap rendered $png ($size bytes, red std dev $sd)"
# Video export links FFmpeg's libraries: the package's dependencies must bring them.
(cd "$work" && env -u SITMAP_DATA_DIR -u SITMAP_SHADER_DIR /usr/bin/sitmap render -q --size 320x200 \
  --from 2020-10-01 --to 2020-10-03 --fps 5 -o war.mp4) || fail "installed sitmap render -o war.mp4 exited $?"
[ "$(head -c 8 "$work/war.mp4" | tail -c 4)" = "ftyp" ] || fail "$work/war.mp4 is not an MP4"
echo "package-test: /usr/bin/sitmap wrote $work/war.mp4 ($(stat -c %s "$work/war.mp4") bytes)"
rm -rf "$work"
