#!/usr/bin/env bash
# smoke-desktop.sh BIN_DIR: start the real desktop app under Xvfb on a temporary data
# file with the examples, wait for its window, check the screen is drawn and not
# blank, move and resize it, check Ctrl+W keeps it open, quit with Ctrl+Q (a clean exit), start again and
# expect the window back where it was.
set -euo pipefail
bin=${1:?usage: smoke-desktop.sh BIN_DIR}
tmp=$(mktemp -d)
app_pid="" xvfb_pid=""
cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"$bin/sepakat-cli" --db "$tmp/sepakat.db" demo >/dev/null 2>&1

display=""
for n in $(seq 90 130); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=":$n"; break; fi
done
[[ -n $display ]] || { echo "smoke-desktop: no free X display" >&2; exit 1; }
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

start=$(date +%s.%N)
HOME="$tmp" LANG=C "$bin/sepakat" --db "$tmp/sepakat.db" >"$tmp/app.log" 2>&1 &
app_pid=$!
if ! wid=$(timeout 30 xdotool search --sync --onlyvisible --name '^Sepakat' | head -1) || [[ -z $wid ]]; then
  echo "smoke-desktop: no window within 30 s" >&2; cat "$tmp/app.log" >&2; exit 1
fi
shown=$(date +%s.%N)
sleep 2 # let the first frames and the Beranda load draw
import -window root "$tmp/screen.png"
colours=$(convert "$tmp/screen.png" -format '%k' info:)
spread=$(convert "$tmp/screen.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
if (( colours < 16 )) || awk "BEGIN{exit !($spread < 0.02)}"; then
  echo "smoke-desktop: the window looks blank ($colours colours, deviation $spread)" >&2; exit 1
fi

# Keys go to the window under the pointer (Xvfb runs no window manager).
# Ctrl+W closes editors only: the main window stays; Ctrl+Q quits.
quit_app() {
  xdotool mousemove 640 400
  sleep 0.3
  xdotool key ctrl+w
  sleep 1
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "smoke-desktop: Ctrl+W closed the main window" >&2; cat "$tmp/app.log" >&2; exit 1
  fi
  xdotool key ctrl+q
  for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$app_pid" 2>/dev/null; then
    # What it was doing: the focus, the pointer, and every goroutine (SIGQUIT).
    echo "smoke-desktop: Ctrl+Q did not quit within 10 s (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    echo "focus $(xdotool getwindowfocus 2>&1), window $wid, $(xdotool getmouselocation 2>&1)" >&2
    kill -QUIT "$app_pid" 2>/dev/null; sleep 1
    cat "$tmp/app.log" >&2; exit 1
  fi
  code=0; wait "$app_pid" || code=$?
  app_pid=""
  if (( code != 0 )) || grep -q 'panic' "$tmp/app.log"; then
    echo "smoke-desktop: exit $code" >&2; cat "$tmp/app.log" >&2; exit 1
  fi
}

# Move and resize the window, quit, start again: it comes back where it was.
xdotool windowmove "$wid" 37 23 windowsize "$wid" 1100 650
placed() { # true once the window sits at 37,23 with 1100x650
  geometry=$(xdotool getwindowgeometry "$wid" | tr -s ' ' | tr '\n' ' ')
  [[ $geometry == *"Position: 37,23 "* && $geometry == *"Geometry: 1100x650"* ]]
}
for _ in $(seq 100); do placed && break; sleep 0.1; done
sleep 1
quit_app
HOME="$tmp" LANG=C "$bin/sepakat" --db "$tmp/sepakat.db" >"$tmp/app.log" 2>&1 &
app_pid=$!
if ! wid=$(timeout 30 xdotool search --sync --onlyvisible --name '^Sepakat' | head -1) || [[ -z $wid ]]; then
  echo "smoke-desktop: no window on the second start" >&2; cat "$tmp/app.log" >&2; exit 1
fi
# The app places its window once it shows (Place, at OnStarted): wait for it.
for _ in $(seq 100); do placed && break; sleep 0.1; done
if ! placed; then
  echo "smoke-desktop: the window did not come back where it was within 10 s: $geometry (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  cat "$tmp/app.log" >&2; exit 1
fi
sleep 1
quit_app
awk -v a="$start" -v b="$shown" -v c="$colours" 'BEGIN{printf "smoke: desktop window in %.1f s, %s colours, its place and size kept, quit cleanly\n", b-a, c}'
