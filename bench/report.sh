#!/usr/bin/env bash
# report.sh: the Laporan's and the Beranda charts' targets on a 100 000-agreement
# register: a year's report under 3 s, both report files under 500 MB of memory,
# no Beranda frame over 100 ms.
#   bench/report.sh [DATA_FILE [RUNS]]   (default bench/out/gen-100000.db, made
#                                         with `sepakat-cli gen --n 100000 --seed 1`
#                                         if missing; 3 runs)
#   BASE=OLD_SEPAKAT_CLI bench/report.sh …  also times OLD_SEPAKAT_CLI (say, one
#                                         built from main) on the same copy, its
#                                         runs between ours, and gives the ratios
# Everything runs on a copy of DATA_FILE in a temporary folder (a file of an
# older schema is migrated there, once, before the timings), removed at the end.
# The figures are wall and processor time: on a machine shared with other work
# the wall clock also counts the waits for a core (the load is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-bench/out/gen-100000.db}
runs=${2:-3}
CGO_ENABLED=0 go build -o bin/sepakat-cli ./cmd/sepakat-cli
if [[ ! -f $db ]]; then
  mkdir -p "$(dirname "$db")"
  bin/sepakat-cli --db "$db.tmp" gen --n 100000 --seed 1
  mv "$db.tmp" "$db"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$db" "$tmp/r.db"
bin/sepakat-cli --db "$tmp/r.db" list --year 1900 >/dev/null 2>&1 || true # migrate and make the day's copy outside the timings
rm -rf "$tmp/cadangan"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# The command a person runs, per format: wall, processor time, peak RSS; with
# BASE, the old command's runs between ours.
for ext in pdf xlsx; do
  : >"$tmp/times"
  : >"$tmp/base"
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" \
      bin/sepakat-cli --db "$tmp/r.db" laporan --from 2025-01-01 --to 2025-12-31 -o "$tmp/X.$ext" 2>/dev/null
    cat "$tmp/time" >>"$tmp/times"
    if [[ -n ${BASE:-} ]]; then
      /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" \
        "$BASE" --db "$tmp/r.db" laporan --from 2025-01-01 --to 2025-12-31 -o "$tmp/B.$ext" 2>/dev/null
      cat "$tmp/time" >>"$tmp/base"
    fi
  done
  sum='{ wall[NR] = $1; cpu[NR] = $2 + $3; if ($4 > rss) rss = $4 }'
  med='function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }; return a[int((n + 1) / 2)] }'
  awk -v ext="$ext" -v size="$(stat -c %s "$tmp/X.$ext")" "$med $sum"'
    END { printf "sepakat-cli laporan 2025 -o X.%s (%d runs): median %.2f s wall, %.2f s cpu; peak RSS %d MB (target 500); file %.1f MB\n",
          ext, NR, med(wall, NR), med(cpu, NR), rss / 1024, size / 1048576 }' "$tmp/times"
  if [[ -n ${BASE:-} ]]; then
    paste -d' ' "$tmp/times" "$tmp/base" | awk "$med"'
      { w[NR] = $1; c[NR] = $2 + $3; if ($4 > r) r = $4; bw[NR] = $5; bc[NR] = $6 + $7; if ($8 > br) br = $8 }
      END { mw = med(w, NR); mc = med(c, NR); bmw = med(bw, NR); bmc = med(bc, NR)
            printf "  BASE, same runs: median %.2f s wall, %.2f s cpu, peak RSS %d MB; ours %.2f× its wall, %.2f× its cpu\n",
              bmw, bmc, br / 1024, mw / bmw, mc / bmc }'
    if [[ $ext == pdf ]]; then
      # The same pages: the two files differ only in their creation dates.
      if [[ $(cmp -l "$tmp/X.pdf" "$tmp/B.pdf" | wc -l) -le 8 ]] && [[ $(stat -c %s "$tmp/X.pdf") == $(stat -c %s "$tmp/B.pdf") ]]; then
        echo "  the PDFs are the same bytes but for their dates"
      else
        echo "  the PDFs differ: compare their pages (../shared/tools/pdfpages.sh)"
      fi
    fi
  fi
done

# The report built in memory against the store reading the same facts (the
# baseline in the same run), then each file written from it, with allocations.
SEPAKAT_BENCH_DB="$tmp/r.db" go test ./internal/report -run '^$' -bench 'YearReport|Write' \
  -benchtime "${runs}x" -benchmem -count 1 | tee "$tmp/report.txt" | grep '^Benchmark' || true
awk '/^BenchmarkYearReport/ { for (i = 1; i < NF; i++) v[$(i + 1)] = $i
  printf "year report: built in %.2f s (%.2f s cpu; target 3 s), %.2f× the store'"'"'s bare read of the same facts (%.2f s)\n", v["build-s/op"], v["build-cpu-s/op"], v["build-x-read"], v["read-s/op"] }' "$tmp/report.txt"

# The Beranda with its charts in a 1366×768 window: each frame (the handed-back
# work and the software painter's picture of the window), against the same
# frames without the charts.
SEPAKAT_BENCH_DB="$tmp/r.db" go test ./internal/ui -run '^$' -bench 'BerandaCharts' \
  -benchtime "$((runs * 3))x" -count 1 2>/dev/null | tee "$tmp/ui.txt" | grep '^Benchmark' || true
awk '/^BenchmarkBerandaCharts/ { for (i = 1; i < NF; i++) v[$(i + 1)] = $i
  printf "Beranda frame with charts: p50 %.0f ms, worst %.0f ms wall (%.0f / %.0f ms cpu; target 100 ms); without charts %.0f / %.0f ms wall (%.0f / %.0f ms cpu); worst cpu frame %.2f× without\n",
    v["frame-p50-ms"], v["frame-max-ms"], v["frame-cpu-p50-ms"], v["frame-cpu-max-ms"],
    v["frame-no-charts-p50-ms"], v["frame-no-charts-max-ms"], v["frame-cpu-no-charts-p50-ms"], v["frame-cpu-no-charts-max-ms"], v["frame-cpu-max-x-no-charts"]
  printf "  of which the Beranda'"'"'s own work: p50 %.1f ms, worst %.1f ms; the painter: p50 %.0f ms, worst %.0f ms\n",
    v["work-p50-ms"], v["work-max-ms"], v["paint-p50-ms"], v["paint-max-ms"] }' "$tmp/ui.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
