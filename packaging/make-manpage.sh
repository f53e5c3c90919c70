#!/usr/bin/env bash
# Writes sitmap's man page from its --help texts with help2man: the top-level help, then one
# subsection per verb (render, extract, query) with that verb's --help.
# Usage: packaging/make-manpage.sh SITMAP_BINARY VERSION OUT.1.gz
set -euo pipefail
bin="$1" version="$2" out="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
  echo "[VERBS]"
  for verb in render extract query; do
    echo ".SS \"sitmap $verb\""
    echo ".nf"
    # roff: escape backslashes, and lines starting with '.' or "'" that roff would read as requests
    # (and the verb's usage line names the program as it was run: the build tree's path)
    "$bin" "$verb" --help | sed -e "s|$bin|sitmap|g" -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
    echo ".fi"
  done
  echo "[FILES]"
  echo ".TP"
  echo ".I <prefix>/share/sitmap/geodata"
  echo "Geodata, gazetteer and models found from the install prefix (override with \\-\\-data or SITMAP_DATA_DIR)."
  echo ".TP"
  echo ".I <prefix>/share/sitmap/assets"
  echo "Fonts, the sample documents and the sample briefing."
} > "$work/verbs.h2m"
help2man --no-info --no-discard-stderr --version-string="$version" \
  --name="situation map of the South Caucasus from news documents" \
  --include="$work/verbs.h2m" --output="$work/sitmap.1" "$bin"
gzip -9n -c "$work/sitmap.1" > "$out"
