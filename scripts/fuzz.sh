#!/usr/bin/env bash
# Builds the libFuzzer harnesses (scripts/build-sanitized.sh) and runs each for SECONDS (default
# 60) from its seeds in fuzz/corpus/<harness>/. New inputs the fuzzer finds go to a scratch corpus
# in the build tree (the committed seeds are not touched). An input that crashes, leaks, times out
# (10 s) or runs out of memory (2 GiB) is kept in $SITMAP_FUZZ_ARTIFACTS (default
# fuzz-artifacts/)<harness>/ and named on stderr; the script then goes on with the other harnesses
# and exits 1. Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   (e.g. scripts/fuzz.sh 300 fuzz_dates)
# Reproduce a kept input: build-san/fuzz/<harness> fuzz-artifacts/<harness>/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  harnesses=(fuzz_document fuzz_dates fuzz_events_csv fuzz_events_geojson fuzz_events_gpkg fuzz_briefing fuzz_journal)
fi
dir="${SITMAP_SAN_BUILD_DIR:-build-san}"
artifacts="$(realpath -m "${SITMAP_FUZZ_ARTIFACTS:-fuzz-artifacts}")"

bash scripts/build-sanitized.sh "${harnesses[@]}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failed=()
for h in "${harnesses[@]}"; do
  mkdir -p "$artifacts/$h" "$dir/fuzz/corpus/$h"
  echo "fuzz: $h for ${seconds} s"
  touch "$scratch/$h.start"
  status=0
  TMPDIR="$scratch" timeout --kill-after=10 $((seconds + 120)) "$dir/fuzz/$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$h/" "$dir/fuzz/corpus/$h" "fuzz/corpus/$h" \
    > "$scratch/$h.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    failed+=("$h")
    tail -n 60 "$scratch/$h.log" >&2
    find "$artifacts/$h" -type f -newer "$scratch/$h.start" | while read -r input; do
      echo "fuzz: $h: input kept in $input ($(stat -c %s "$input") bytes), base64:" >&2
      head -c 4096 "$input" | base64 -w 120 >&2
    done
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$scratch/$h.log" | tr '\n' ' ' || true
    echo
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs kept in $artifacts/)" >&2
  exit 1
fi
echo "fuzz: ${#harnesses[@]} harnesses ran ${seconds} s each without a finding"
