#!/usr/bin/env bash
# ui.sh: how long the desktop app's UI goroutine is kept busy in a scripted
# session on a large data file, in the real window under Xvfb (1366x768).
#   bench/ui.sh [DATA_FILE]   (default bench/out/gen-100000.db; made with
#                              `sepakat-cli gen --n 100000 --seed 1` if missing)
# A build with the `probe` tag posts an empty func to the UI goroutine every
# 2 ms and logs each wait over 5 ms (with SEPAKAT_PROBE_STACKS=1 and
# UI_BENCH_KEEP=1, also the stacks of the UI goroutine while it is busy); the longest wait in a phase is the longest
# freeze a person would have seen. Xvfb renders with Mesa's software GL, so each
# repaint costs more here than on an office PC with a graphics driver; the
# repaint-only phase (hover on and off a button) shows what a frame costs.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-bench/out/gen-100000.db}
bash .ci/ensure-packages.sh xvfb xdotool x11-utils
if [[ ! -f $db ]]; then
  CGO_ENABLED=0 go build -o bin/sepakat-cli ./cmd/sepakat-cli
  mkdir -p "$(dirname "$db")"
  bin/sepakat-cli --db "$db" gen --n 100000 --seed 1
fi
go build -tags probe -o bin/sepakat-probe ./cmd/sepakat
tmp=$(mktemp -d)
app="" xvfb=""
cleanup() {
  if [[ -n $app ]]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null || true
  if [[ -n ${UI_BENCH_KEEP:-} ]]; then echo "kept in $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
display=""
for n in $(seq 90 130); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

mark() { echo "$(date +%s%3N) $1" >>"$tmp/marks"; }
mark start
HOME="$tmp" LANG=C SEPAKAT_PROBE="$tmp/waits" bin/sepakat-probe --db "$db" >"$tmp/app.log" 2>&1 &
app=$!
timeout 30 xdotool search --sync --onlyvisible --name '^Sepakat' >/dev/null
mark loading; sleep 3
# A baseline: repaints only, as the pointer passes over a tab button and off it.
mark repaint-only
for _ in $(seq 8); do xdotool mousemove 360 22; sleep 0.12; xdotool mousemove 700 500; sleep 0.12; done
# Keys go to the window under the pointer (Xvfb runs no window manager).
mark register-first-shown; xdotool mousemove 190 22 click 1; sleep 1.5
xdotool mousemove 600 62 click 1; sleep 0.3
mark typing; xdotool type --delay 120 'sampah banjar'; sleep 1
mark select-row; xdotool mousemove 400 183 click 1; sleep 1
mark save-dialog; xdotool key ctrl+p; sleep 1.5
mark pdf-export; xdotool mousemove 855 526 click 1
for _ in $(seq 50); do [[ -s $(ls "$tmp"/*.pdf 2>/dev/null | head -1) ]] && break; sleep 0.1; done
sleep 1.5
pdf=$(ls "$tmp"/*.pdf 2>/dev/null | head -1)
xdotool mousemove 408 395 click 1; sleep 0.5
mark open-editor; xdotool mousemove 965 62 click 1; sleep 1.5
for tab in 198:parties 356:naskah 513:jangka 699:signing 817:lampiran 910:monitoring 998:riwayat 43:identitas; do
  mark "editor-tab-${tab#*:}"; xdotool mousemove "${tab%:*}" 70 click 1; sleep 0.8
done
mark close-editor; xdotool mousemove 500 400 key ctrl+w; sleep 1
rss=$(awk '/VmRSS|RssAnon|RssFile/{sub(":", "", $1); printf "%s%s %.0f MB", sep, $1, $2/1024; sep=", "}' "/proc/$app/status")
mark end
[[ -n $pdf ]] || { echo "ui.sh: the PDF export did not write a file" >&2; cat "$tmp/app.log" >&2; exit 1; }

echo "UI goroutine waits by phase on $db (at the end: ${rss})"
awk 'FNR==NR { t[NR]=$1; name[NR]=$2; n=NR; next }
     { for (i = n; i >= 1; i--) if ($1 >= t[i]) { p=name[i]; if ($2 > max[p]) max[p]=$2; if ($2 > 100) over[p]++; break } }
     END { for (i = 2; i < n; i++) { p=name[i]; if (seen[p]++) continue
             if (p == "loading") printf "  %-22s window after %.2f s\n", "start", (t[i]-t[1])/1000
             printf "  %-22s longest %6.1f ms   over 100 ms: %d\n", p, max[p], over[p] } }' "$tmp/marks" "$tmp/waits"
