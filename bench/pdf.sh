#!/usr/bin/env bash
# pdf.sh: time `sepakat-cli pdf` against LibreOffice converting the equivalent
# .odt to PDF (what staff do today from Word/Writer), in the same run.
#   bench/pdf.sh [RUNS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
bash .ci/ensure-packages.sh libreoffice-writer-nogui
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
CGO_ENABLED=0 go build -o bin/sepakat-cli ./cmd/sepakat-cli
go build -o "$out/odt" ./bench/odt
bin/sepakat-cli --db "$out/a.db" demo 2>/dev/null
"$out/odt" --db "$out/a.db" --id 3 -o "$out/pks.odt"
profile="file://$out/lo-profile"
# One warm-up conversion creates LibreOffice's profile outside the timing.
libreoffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out/lo" "$out/pks.odt" >/dev/null 2>&1
ms() { date +%s%N; }
t0=$(ms)
for i in $(seq "$runs"); do bin/sepakat-cli --db "$out/a.db" pdf 3 -o "$out/s.pdf" 2>/dev/null; done
t1=$(ms)
for i in $(seq "$runs"); do
  libreoffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out/lo" "$out/pks.odt" >/dev/null 2>&1
done
t2=$(ms)
s=$(( (t1 - t0) / runs / 1000000 )); l=$(( (t2 - t1) / runs / 1000000 ))
echo "PKS (14 pasal), $runs runs each: sepakat-cli pdf ${s} ms, libreoffice --convert-to pdf ${l} ms; LibreOffice takes $(awk "BEGIN{printf \"%.1f\", $l/$s}")× as long"
echo "pages: sepakat $(pdfinfo "$out/s.pdf" | awk '/^Pages/{print $2}'), libreoffice $(pdfinfo "$out/lo/pks.pdf" | awk '/^Pages/{print $2}')"
