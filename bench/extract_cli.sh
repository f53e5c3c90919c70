#!/usr/bin/env bash
# End-to-end extraction through the CLI, as a user runs it: builds a corpus of COPIES copies of the
# evaluation corpus's development and test documents (each copy its own file) under /tmp, then times
# `sitmap extract DIR -o events.csv` with one thread and with one thread per processor, and prints
# wall seconds, CPU seconds, MB/s of CPU and of wall, and peak memory (GNU time's maximum RSS).
#   bench/extract_cli.sh [SITMAP_BINARY] [COPIES]     e.g. bench/extract_cli.sh build/sitmap 60
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/sitmap}
copies=${2:-60}
dir=$(mktemp -d /tmp/sitmap-extract-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
for ((c = 0; c < copies; ++c)); do
    for f in tests/data/corpus/dev/*.txt tests/data/corpus/test/*.txt; do
        cp "$f" "$dir/c${c}_$(basename "$f")"
    done
done
bytes=$(du -sb "$dir" | cut -f1)
files=$(find "$dir" -type f | wc -l)
echo "corpus: $files files, $((bytes / 1000000)) MB ($(nproc) processors, load $(cut -d' ' -f1 /proc/loadavg))"
for jobs in 1 0; do
    out="$dir.out$jobs.csv"
    /usr/bin/time -f "%e %U %S %M" -o "$dir.time" "$bin" extract -q -j "$jobs" "$dir" -o "$out"
    read -r wall user sys rss <"$dir.time"
    cpu=$(echo "$user + $sys" | bc -l)
    echo "jobs $jobs: wall $wall s, cpu $cpu s, $(echo "$bytes / 1000000 / $cpu" | bc -l | cut -c1-5) MB/s of CPU," \
        "$(echo "$bytes / 1000000 / $wall" | bc -l | cut -c1-5) MB/s wall, peak $((rss / 1024)) MiB," \
        "$(($(wc -l <"$out") - 1)) events"
done
cmp -s "$dir.out1.csv" "$dir.out0.csv" && echo "outputs identical" || { echo "outputs differ"; exit 1; }
rm -f "$dir".out*.csv "$dir.time"
