#!/usr/bin/env bash
# search.sh: our full-text search against SQLite FTS5 on the same texts and queries:
# latency p50/p95/p99 by category (1-3 words, filters, prefixes, broad common words,
# the staff queries of the scale cases), relevance, index sizes.
#   bench/search.sh [N]   (default 100000)
#   ROUNDS=5 WARMUP=1     timed and untimed rounds over the query set
#   REL_SMALL=0           skip the relevance set at 2000 (relevance.json + scale.json)
# The corpus is the built-in examples and N generated agreements
# (relevance.BuildCorpusN), kept in bench/out/corpus-N/ between runs: delete it
# after a change to gen or the examples. The scale cases
# (internal/relevance/scale.json) run on it; the report goes to
# bench/out/search-bench-N.txt, the work files to bench/out/search-N/.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${ROUNDS:-5}
warmup=${WARMUP:-1}
out=bench/out
mkdir -p "$out"
corpus="$out/corpus-$n"
work="$out/search-$n"
CGO_ENABLED=0 go build -o bin/search-bench ./bench/search
rm -rf "$work"
mkdir -p "$work"
# The corpus, and our hits for the scale cases on it (built once, then reused).
/usr/bin/time -f "corpus and cases: %e s, %M KB max RSS" \
  bin/search-bench relevance --out "$corpus" --n "$n" --reuse --tsv=false
# Our engine runs on a copy: opening may rebuild the index (new word lists) or
# merge pending index entries, and the corpus stays as built.
cp "$corpus/relevance-$n.db" "$work/ours.db"
# The first open of the copy pays for any index rebuild; dump records its time.
bin/search-bench dump --db "$work/ours.db" --out "$work/texts.tsv" --stats "$work/dump.json"
# The query set: bench/search/queries.json and the scale cases' queries.
python3 - "$work/queries.json" <<'EOF'
import json, sys
qs = json.load(open("bench/search/queries.json"))
qs += [{"cat": "cases", "text": c["q"]} for c in json.load(open("internal/relevance/scale.json"))["cases"]]
json.dump(qs, open(sys.argv[1], "w"), indent=1)
EOF
bin/search-bench run --db "$work/ours.db" --queries "$work/queries.json" --out "$work/ours.json" \
  --rounds "$rounds" --warmup "$warmup"
bin/search-bench sizes --db "$work/ours.db" --out "$work/sizes.json"
# Opening an older schema leaves a backup beside the copy (ours.db.vN-….bak).
rm -f "$work"/ours.db "$work"/ours.db.*.bak
python3 bench/search/fts5.py build --tsv "$work/texts.tsv" --db "$work/fts5.db" --out "$work/fts5-build.json"
python3 bench/search/fts5.py run --db "$work/fts5.db" --queries "$work/queries.json" --out "$work/fts5.json" \
  --rounds "$rounds" --warmup "$warmup"
# FTS5 on the scale cases, over the same texts.
python3 bench/search/fts5.py relevance --dir "$corpus" --db "$work/fts5.db"
rm -f "$work/fts5.db" "$work/texts.tsv"
rel=(--rel-dir "$corpus")
if [[ ${REL_SMALL:-1} != 0 && $n != 2000 ]]; then
  # Both case sets on the small corpus make test uses.
  bin/search-bench relevance --out "$work/relevance-2000" --n 2000
  python3 bench/search/fts5.py relevance --dir "$work/relevance-2000"
  rel+=(--rel-dir "$work/relevance-2000")
fi
python3 bench/search/fts5.py report --n "$n" --ours "$work/ours.json" --fts "$work/fts5.json" \
  --build "$work/fts5-build.json" --sizes "$work/sizes.json" --dump "$work/dump.json" \
  "${rel[@]}" --out "$out/search-bench-$n.txt"
