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

# The search index's rebuild in batches (issue 17): by phase, wall and CPU time,
# peak RSS, the file's size before and after and after compaction; then the
# first start after a word-list change (open, first page, search back).
for bench in RebuildBatched FirstStartAfterWordListChange; do
  cp "$db" "$out/rebuild.db"
  SEPAKAT_BENCH_DB="$PWD/$out/rebuild.db" /usr/bin/time -f "$bench: %e s wall, %U s user, %S s system, %M KB max RSS" \
    go test ./internal/store -run '^$' -bench "^Benchmark$bench\$" -benchtime 1x -count 1 -v 2>&1 |
    grep -E 'rebuild_bench_test|max RSS|^ok|FAIL' | tee -a "$out/store-bench.txt"
done
# reindex as the CLI runs it (list indexes and search index, in batches, then compaction).
cp "$db" "$out/rebuild.db"
before=$(stat -c %s "$out/rebuild.db")
/usr/bin/time -f "reindex: %e s wall, %U s user, %S s system, %M KB max RSS" bin/sepakat-cli --db "$out/rebuild.db" reindex 2>&1 | tail -1 | tee -a "$out/store-bench.txt"
echo "reindex: file $((before / 1048576)) MiB before, $(($(stat -c %s "$out/rebuild.db") / 1048576)) MiB after" | tee -a "$out/store-bench.txt"
cp "$db" "$out/rebuild.db"
/usr/bin/time -f "compact: %e s wall, %U s user, %S s system, %M KB max RSS" bin/sepakat-cli --db "$out/rebuild.db" compact 2>&1 | tail -2 | tee -a "$out/store-bench.txt"
rm -f "$out/rebuild.db"
