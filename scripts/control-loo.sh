#!/bin/bash
# Leave-one-out estimate of the settlement-cell control model (geodata/SOURCES.md, control section): for each located
# 2020-front settlement (role capture, districts Fuzuli, Jabrayil, Zangilan, Qubadli, Khojavend), rebuild control.gpkg
# without it (sitmap_build_control --without NAME) and ask `sitmap query` for its point 3 days before and 3 days after its
# announced day; prints the misses and "leave-one-out 2020 front: RIGHT/TOTAL".
# Usage: scripts/control-loo.sh [INPUTS_DIR] [BUILD_DIR]   (defaults: geodata/control_inputs, build; run from the repo root)
set -euo pipefail
inputs=${1:-geodata/control_inputs}
build=${2:-build}
sources=${SITMAP_GEODATA_SOURCES:-../shared/geodata-sources}
for exe in "$build/sitmap_build_control" "$build/sitmap"; do
  [ -x "$exe" ] || { echo "control-loo: $exe not built" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data/geodata"
python3 - "$inputs/settlements.csv" > "$work/list.txt" <<'P'
import csv, sys
rows = csv.DictReader(l for l in open(sys.argv[1], encoding='utf-8') if not l.startswith('#'))
for r in rows:
    if r['role'] == 'capture' and r['lat'] and r['district'] in ('Fuzuli', 'Jabrayil', 'Zangilan', 'Qubadli', 'Khojavend'):
        print(f"{r['name']}|{r['lat']}|{r['lon']}|{r['date']}")
P
ok=0
n=0
controller() { sed -n 's/.*"controller":"\([a-z]*\)".*/\1/p'; }
while IFS='|' read -r name lat lon date; do
  "$build/sitmap_build_control" --sources "$sources" --inputs "$inputs" -o "$work/data/geodata/control.gpkg" \
    --without "$name" > /dev/null 2>&1
  before=$(date -d "$date -3 day" +%F)
  after=$(date -d "$date +3 day" +%F)
  cb=$("$build/sitmap" query --data "$work/data" --date "$before" --at "$lat,$lon" | controller)
  ca=$("$build/sitmap" query --data "$work/data" --date "$after" --at "$lat,$lon" | controller)
  n=$((n + 2))
  miss=""
  if [ "$cb" = armenian ]; then ok=$((ok + 1)); else miss="$miss before:$cb"; fi
  if [ "$ca" = azerbaijan ]; then ok=$((ok + 1)); else miss="$miss after:$ca"; fi
  [ -z "$miss" ] || echo "  $name $date$miss"
done < "$work/list.txt"
echo "leave-one-out 2020 front: $ok/$n"
