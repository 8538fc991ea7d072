#!/usr/bin/env bash
# search.sh: our full-text search against SQLite FTS5 on the same texts and queries,
# on a 100 000-agreement store: latency p50/p95 by kind of query, recall on the
# relevance set, index sizes.
#   bench/search.sh [N]   (default 100000; the corpus is kept in bench/out/ between runs)
#   ROUNDS=5 WARMUP=1     timed and untimed rounds over the query set
# The report goes to bench/out/search-bench.txt; the work files to bench/out/search-N/.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${ROUNDS:-5}
warmup=${WARMUP:-1}
out=bench/out
mkdir -p "$out"
db="$out/gen-$n.db"
work="$out/search-$n"
CGO_ENABLED=0 go build -o bin/sepakat-cli ./cmd/sepakat-cli
CGO_ENABLED=0 go build -o bin/search-bench ./bench/search
if [[ ! -f $db ]]; then
  /usr/bin/time -f "gen: %e s, %M KB max RSS" bin/sepakat-cli --db "$db.tmp" gen --n "$n" --seed 1
  mv "$db.tmp" "$db"
fi
rm -rf "$work"
mkdir -p "$work"
# Our engine runs on a copy: opening may migrate the search schema or merge pending
# index entries, and the corpus stays as generated.
cp "$db" "$work/ours.db"
# The first open of the copy pays for any index rebuild; dump records its time.
bin/search-bench dump --db "$work/ours.db" --out "$work/texts.tsv" --stats "$work/dump.json"
bin/search-bench run --db "$work/ours.db" --queries bench/search/queries.json --out "$work/ours.json" \
  --rounds "$rounds" --warmup "$warmup"
bin/search-bench sizes --db "$work/ours.db" --out "$work/sizes.json"
# Opening an older schema leaves a backup beside the copy (ours.db.vN-….bak).
rm -f "$work"/ours.db "$work"/ours.db.*.bak
python3 bench/search/fts5.py build --tsv "$work/texts.tsv" --db "$work/fts5.db" --out "$work/fts5-build.json"
python3 bench/search/fts5.py run --db "$work/fts5.db" --queries bench/search/queries.json --out "$work/fts5.json" \
  --rounds "$rounds" --warmup "$warmup"
rm -f "$work/fts5.db" "$work/texts.tsv"
# Relevance: the fixed corpus of internal/relevance, both engines, recall of the wanted agreements.
bin/search-bench relevance --out "$work/relevance"
python3 bench/search/fts5.py relevance --dir "$work/relevance"
python3 bench/search/fts5.py report --n "$n" --ours "$work/ours.json" --fts "$work/fts5.json" \
  --build "$work/fts5-build.json" --sizes "$work/sizes.json" --dump "$work/dump.json" \
  --rel-dir "$work/relevance" --out "$out/search-bench.txt"
