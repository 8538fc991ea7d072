#!/usr/bin/env bash
# ui.sh: how long the desktop app's UI goroutine keeps work waiting in a scripted
# session on a large data file, in the real window under Xvfb (1366x768).
#   bench/ui.sh [DATA_FILE [RUNS]]   (default bench/out/gen-100000.db, made with
#                                     `sepakat-cli gen --n 100000 --seed 1` if missing;
#                                     3 runs)
# A build with the `probe` tag (cmd/sepakat/probe.go) logs each freeze: a time
# over 20 ms in which the window's loop neither read input nor drew. The table
# gives, per phase, the median over the runs of the longest freeze and the worst;
# and the longest an empty func posted to the UI goroutine waited (it may wait
# out frames the loop draws first). With SEPAKAT_PROBE_STACKS=1 and
# UI_BENCH_KEEP=1 the log also holds the UI goroutine's stacks while it is busy.
# Phases: start is from the launch until xdotool finds the window (its first
# frames; at 100 000 agreements the Beranda's content, read in about 100 ms,
# can arrive and be drawn here already); first-paint is the next half second;
# loading the next 2.5 s, while the Beranda's lists arrive. Xvfb draws with Mesa's software GL, so a repaint
# costs more here than with a graphics driver: the repaint-only phase (the
# pointer on and off a tab button) shows what a frame costs.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-bench/out/gen-100000.db}
runs=${2:-3}
bash .ci/ensure-packages.sh xvfb xdotool x11-utils imagemagick
if [[ ! -f $db ]]; then
  CGO_ENABLED=0 go build -o bin/sepakat-cli ./cmd/sepakat-cli
  mkdir -p "$(dirname "$db")"
  bin/sepakat-cli --db "$db" gen --n 100000 --seed 1
fi
# UI_BENCH_BIN runs another probe build (say, main's) for a before/after.
probe=${UI_BENCH_BIN:-bin/sepakat-probe}
[[ -n ${UI_BENCH_BIN:-} ]] || go build -tags probe -o bin/sepakat-probe ./cmd/sepakat
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

# session RUN: one scripted session; writes RUN/marks, RUN/waits and RUN/rss.
session() {
  local dir=$tmp/$1 home=$tmp/$1/home
  mkdir -p "$home"
  mark() { echo "$(date +%s%3N) $1" >>"$dir/marks"; }
  mark start
  HOME="$home" LANG=C SEPAKAT_PROBE="$dir/waits" "$probe" --db "$db" >"$dir/app.log" 2>&1 &
  app=$!
  timeout 30 xdotool search --sync --onlyvisible --name '^Sepakat' >/dev/null
  mark first-paint; sleep 0.5
  mark loading; sleep 2.5
  mark repaint-only
  for _ in $(seq 8); do xdotool mousemove 360 46 ; sleep 0.12; xdotool mousemove 700 500; sleep 0.12; done
  # Keys go to the window under the pointer (Xvfb runs no window manager). The
  # main window (1280x680 at 0,0) has its menu bar on top and the tabs below it;
  # the tabs are switched with their menu shortcuts (Tampilan: Ctrl+1..6) and the
  # search box is reached with Ctrl+F, so a tab's or the menu's width does not
  # move a click.
  mark register-first-shown; xdotool key ctrl+2; sleep 1.5
  xdotool key ctrl+f; sleep 0.3
  mark typing; xdotool type --delay 120 'sampah banjar'; sleep 1
  mark select-row; xdotool mousemove 400 201 click 1; sleep 1 # the first hit
  mark save-dialog; xdotool key ctrl+p; sleep 1.5
  # Enter in the save dialog's name field saves, as its Simpan button does.
  mark pdf-export; xdotool key Return
  for _ in $(seq 50); do [[ -s $(ls "$home"/*.pdf 2>/dev/null | head -1) ]] && break; sleep 0.1; done
  sleep 1.5
  if [[ -z $(ls "$home"/*.pdf 2>/dev/null) ]]; then
    echo "ui.sh: the PDF export did not write a file; the screen is in $dir/failed.png" >&2
    import -window root "$dir/failed.png" 2>/dev/null || true
    UI_BENCH_KEEP=1
    cat "$dir/app.log" >&2
    exit 1
  fi
  xdotool mousemove 406 372 click 1; sleep 0.5 # Tutup in "PDF tersimpan" (560 px wide, centred)
  mark open-editor; xdotool mousemove 980 86 click 1; sleep 1.5 # Buka
  for tab in 125:parties 215:naskah 316:jangka 424:persetujuan 544:signing 656:lampiran 743:monitoring 826:riwayat 43:identitas; do
    mark "editor-tab-${tab#*:}"; xdotool mousemove "${tab%:*}" 70 click 1; sleep 0.8
  done
  mark close-editor; xdotool mousemove 500 400 key ctrl+w; sleep 1
  mark registries-tab; xdotool key ctrl+3; sleep 1.5
  mark settings-tab; xdotool key ctrl+4; sleep 1.5
  awk '/VmRSS|RssAnon|RssFile/{sub(":", "", $1); printf "%s%s %.0f MB", sep, $1, $2/1024; sep=", "}' "/proc/$app/status" >"$dir/rss"
  mark end
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
  # phase, longest freeze, freezes over 100 ms, longest wait
  awk 'FNR==NR { t[NR]=$1; name[NR]=$2; n=NR; next }
       /^[fw] / { at = $2 + ($1 == "f" ? $3 : 0) # a freeze counts where it ends
                  for (i = n; i >= 1; i--) if (at >= t[i]) { p=name[i]
                    if ($1 == "f") { if ($3 > fmax[p]) fmax[p]=$3; if ($3 > 100) over[p]++ }
                    else if ($3 > wmax[p]) wmax[p]=$3
                    break } }
       END { printf "window %.2f 0 0\n", (t[2]-t[1])/1000
             for (i = 1; i < n; i++) { p=name[i]; if (seen[p]++) continue; printf "%s %.1f %d %.1f\n", p, fmax[p]+0, over[p]+0, wmax[p]+0 } }' \
    "$dir/marks" "$dir/waits" >"$dir/phases"
}

for i in $(seq "$runs"); do session "$i"; done
echo "UI goroutine waits by phase on $db, $runs runs of $probe"
echo "RSS at the end of each run: $(for i in $(seq "$runs"); do printf '[%s] ' "$(cat "$tmp/$i/rss")"; done)"
cat "$tmp"/*/phases | awk '
  function median(p, col,   i, j, m, x, s) {
    m=c[p]; for (i = 1; i <= m; i++) s[i]=v[p, col, i]
    for (i = 1; i <= m; i++) for (j = i+1; j <= m; j++) if (s[j] < s[i]) { x=s[i]; s[i]=s[j]; s[j]=x }
    worst[p, col]=s[m]
    return (m % 2) ? s[(m+1)/2] : (s[m/2]+s[m/2+1])/2
  }
  { if (!($1 in idx)) { idx[$1]=++n; order[n]=$1 } k=++c[$1]; v[$1, 1, k]=$2; v[$1, 2, k]=$4; over[$1]+=$3 }
  END {
    printf "  %-22s %23s %14s %22s\n", "phase", "longest freeze", "freezes", "longest wait for"
    printf "  %-22s %11s %11s %14s %22s\n", "", "median", "worst", "over 100 ms", "handed-back work"
    for (k = 1; k <= n; k++) {
      p=order[k]; f=median(p, 1); w=median(p, 2)
      if (p == "window") printf "  %-22s %10.2fs %10.2fs\n", "start to window", f, worst[p, 1]
      else printf "  %-22s %8.1f ms %8.1f ms %14d %19.1f ms\n", p, f, worst[p, 1], over[p], w
    }
  }'
