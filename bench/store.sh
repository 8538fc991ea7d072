#!/usr/bin/env bash
# store.sh: the foundation's speed and size targets on a 100 000-agreement store.
#   bench/store.sh [N]   (default 100000; the corpus is kept in bench/out/ between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
out=bench/out
mkdir -p "$out"
db="$out/gen-$n.db"
CGO_ENABLED=0 go build -o bin/sepakat-cli ./cmd/sepakat-cli
if [[ ! -f $db ]]; then
  /usr/bin/time -f "gen: %e s, %M KB max RSS" bin/sepakat-cli --db "$db.tmp" gen --n "$n" --seed 1
  mv "$db.tmp" "$db"
fi
bin/sepakat-cli --db "$db" export-json "$out/gen-$n.json"
db_size=$(stat -c %s "$db")
json_size=$(stat -c %s "$out/gen-$n.json")
echo "data file: $((db_size / 1048576)) MiB; JSON export: $((json_size / 1048576)) MiB; ratio $(awk "BEGIN{printf \"%.2f\", $db_size/$json_size}") (target ≤ 3)"
# Benchmarks run on a copy so the save benchmark leaves the corpus as it was.
cp "$db" "$out/bench.db"
SEPAKAT_BENCH_DB="$PWD/$out/bench.db" go test ./internal/store -run '^$' \
  -bench 'Open|List|SaveVsBarePut' -benchtime 2s -count 1 | tee "$out/store-bench.txt"
rm -f "$out/bench.db"
