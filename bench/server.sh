#!/usr/bin/env bash
# server.sh: the register on PostgreSQL beside the same register in a bbolt data
# file (issue 18), in one run:
#   - server push of the data file: time, peak RSS and its anonymous part (the
#     rest is the data file's pages that bbolt maps, which the system can drop);
#   - BenchmarkBackends on both: first register page, search p50/p95/p99 (the
#     relevance set, and the typo cases apart), save, Beranda, number
#     reservation under 4 seats.
#   bench/server.sh [N]   (default 100000)
#   GEN_DB=FILE           start from this data file (copied first, never used in
#                         place) instead of the one sepakat-cli gen makes
# The generated file is kept in bench/out/gen-N.db (as bench/store.sh keeps it);
# the work files and the report go to bench/out/server-N/. A throwaway
# PostgreSQL cluster (Debian's postgresql-15: initdb, pg_ctl) runs in a
# temporary directory on a Unix socket only, with the server's own defaults
# for durability (fsync, synchronous commit), and is stopped at the end.
# SQLite FTS5 (bench/search/fts5.py) runs the same queries over the same texts.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
out=bench/out
work=$out/server-$n
report=$work/report.txt
mkdir -p "$work"
: >"$report"
say() { echo "$*" | tee -a "$report"; }

CGO_ENABLED=0 go build -o bin/sepakat-cli ./cmd/sepakat-cli
db=$work/bolt.db
if [[ -n ${GEN_DB:-} ]]; then
  cp "$GEN_DB" "$db"
else
  if [[ ! -f $out/gen-$n.db ]]; then
    bin/sepakat-cli --db "$out/gen-$n.db.tmp" gen --n "$n" --seed 1
    mv "$out/gen-$n.db.tmp" "$out/gen-$n.db"
  fi
  cp "$out/gen-$n.db" "$db"
fi
# Opening an older data file migrates it: done here, before anything is timed.
bin/sepakat-cli --db "$db" list --limit 1 >/dev/null
# The texts of the same register for SQLite FTS5 (bench/search), before the
# benchmark changes the register.
CGO_ENABLED=0 go build -o bin/search-bench ./bench/search
bin/search-bench dump --db "$db" --out "$work/texts.tsv"

pgbin=
for v in 15 16 17 14; do
  if [[ -x /usr/lib/postgresql/$v/bin/initdb ]]; then pgbin=/usr/lib/postgresql/$v/bin; break; fi
done
if [[ -z $pgbin ]]; then
  echo "server.sh: PostgreSQL's initdb not found: install the Debian package postgresql-15" >&2
  exit 1
fi
pg=$(mktemp -d /tmp/sepakat-bench-pg-XXXXXX)
as=()
if [[ $(id -u) == 0 ]]; then
  chown postgres "$pg"
  as=(runuser -u postgres --)
fi
"${as[@]}" "$pgbin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
printf "\nlisten_addresses = ''\nunix_socket_directories = '%s'\nshared_buffers = 512MB\nmax_connections = 50\n" "$pg" >>"$pg/data/postgresql.conf"
"${as[@]}" "$pgbin/pg_ctl" -D "$pg/data" -l "$pg/log" -w start >/dev/null
stop() {
  "${as[@]}" "$pgbin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null || true
  rm -rf "$pg"
}
trap stop EXIT
conn="host=$pg user=postgres dbname=postgres"
bin/sepakat-cli --server "$conn" server init >/dev/null

# peaks CMD...: runs CMD, sampling its resident memory every 0.2 s; prints
# the peaks of all of it, of its anonymous part and of the mapped files.
peaks() {
  "$@" &
  local pid=$! ma=0 mf=0 mr=0 a f r
  while kill -0 "$pid" 2>/dev/null; do
    if read -r a f r < <(awk '/^RssAnon/{a=$2} /^RssFile/{f=$2} /^VmRSS/{r=$2} END{print a+0, f+0, r+0}' "/proc/$pid/status" 2>/dev/null); then
      ((a > ma)) && ma=$a
      ((f > mf)) && mf=$f
      ((r > mr)) && mr=$r
    fi
    sleep 0.2
  done
  wait "$pid"
  echo "peak RSS $((mr / 1024)) MB: anonymous $((ma / 1024)) MB, mapped files $((mf / 1024)) MB"
}
start=$(date +%s.%N)
mem=$(peaks bin/sepakat-cli --server "$conn" server push "$db" 2>&1 | tee "$work/push.txt" | tail -1)
took=$(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}")
say "server push of $n agreements: ${took} s, $mem"
say "$(grep -E 'perjanjian, .* sama|agreements, .* agree' "$work/push.txt" || true)"

SEPAKAT_BENCH_DB="$PWD/$db" SEPAKAT_BENCH_PG="$conn" \
  go test ./internal/pgstore -run '^$' -bench '^BenchmarkBackends$' -benchtime 1x -count 1 -v 2>&1 |
  grep -E 'agreements: first page|^ok|FAIL|Error' | sed 's/^ *bench_test.go:[0-9]*: //' | tee -a "$report"

# SQLite FTS5 over the same texts and queries (bench/search/fts5.py: bm25 with
# the high fields weighing 3x, no stemming, synonyms or typo tolerance).
python3 - "$work/queries.json" <<'EOF'
import json, sys
qs = [{"cat": "cases", "text": c["q"]} for c in json.load(open("internal/relevance/relevance.json"))["cases"]]
qs += [{"cat": "typo", "text": c["q"]} for c in json.load(open("internal/relevance/typos.json"))["cases"]]
json.dump(qs, open(sys.argv[1], "w"))
EOF
python3 bench/search/fts5.py build --tsv "$work/texts.tsv" --db "$work/fts5.db" --out "$work/fts5-build.json" 2>/dev/null
python3 bench/search/fts5.py run --db "$work/fts5.db" --queries "$work/queries.json" --out "$work/fts5.json" --rounds 3 --warmup 1
python3 - "$work/fts5.json" "$n" <<'EOF' | tee -a "$report"
import json, sys
runs = [r for r in json.load(open(sys.argv[1]))["queries"] if r["mode"] == "exact"]
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(len(v) * p))]
out = []
for cat, name in (("cases", "search"), ("typo", "typo search")):
    lat = [x for r in runs if r["cat"] == cat for x in r["lat_ms"]]
    found = sum(1 for r in runs if r["cat"] == cat and r["ids"])
    out.append("%s p50 %.2fms p95 %.2fms p99 %.2fms (%d of %d queries find anything)" % (
        name, pct(lat, .5), pct(lat, .95), pct(lat, .99), found, sum(1 for r in runs if r["cat"] == cat)))
print("fts5     %s agreements: %s" % (sys.argv[2], "; ".join(out)))
EOF
rm -f "$db" "$db".*.bak "$work/fts5.db" "$work/texts.tsv"
echo "report: $report"
