#!/usr/bin/env bash
# test-windows.sh DIST VERSION: the Windows packages under Wine in Xvfb (make test-windows).
# In a throwaway Wine prefix: the per-user setup (a shot of its first page, then a
# silent install), the shortcut, its app ID and the uninstall entry; the app starts, its
# window appears and the data file is made under %AppData%\Sepakat; the CLI exe loads
# the examples and prints a PDF; the uninstaller removes the program and keeps the data.
# Then the same for the per-machine MSI (msiexec /i, /x).
# Wine 8 lacks bcryptprimitives.dll!ProcessPrng, which Go programs need at start: a
# test-only stand-in built from .ci/wine/processprng.c goes into the prefix's system32
# (never shipped). Screenshots are left in DIST/test-windows/.
set -euo pipefail
dist=$(cd "${1:?usage: test-windows.sh DIST VERSION}" && pwd)
version=${2:?usage: test-windows.sh DIST VERSION}
here=$(cd "$(dirname "$0")" && pwd)
setup="$dist/Sepakat-$version-setup.exe"
msi="$dist/Sepakat-$version-x64.msi"
shots="$dist/test-windows"
tmp=$(mktemp -d)
xvfb_pid=""
export WINEPREFIX="$tmp/prefix" WINEARCH=win64 WINEDEBUG=-all
# The app is looked at in Indonesian, as the offices see it.
export LC_ALL=id_ID.UTF-8
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
cleanup() {
  wineserver -k 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "test-windows: $*" >&2; exit 1; }
step() { echo "test-windows: $*"; }
mkdir -p "$shots"

display=""
for n in $(seq 90 130); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=":$n"; break; fi
done
[[ -n $display ]] || fail "no free X display"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

step "Wine prefix"
wineboot -i >"$tmp/wineboot.log" 2>&1 || { cat "$tmp/wineboot.log" >&2; fail "wineboot failed"; }
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$here/wine/processprng.c" -ladvapi32
user=$(wine cmd /c 'echo %USERNAME%' 2>/dev/null | tr -d '\r')
users="$WINEPREFIX/drive_c/users/$user"
appdata="$users/AppData/Roaming/Sepakat"
[[ -d $users ]] || fail "no user folder $users"

# wait_gone FILE: poll up to 60 s for FILE to disappear (uninstallers run on after exit).
wait_gone() { for _ in $(seq 120); do [[ -e $1 ]] || return 0; sleep 0.5; done; fail "still there: $1"; }

# run_app EXE SHOT: start the app, wait for its window, take a shot, check the data
# file, close the app with WM_CLOSE (taskkill without /F) and wait for it to exit.
run_app() {
  local exe=$1 shot=$2 wid pid
  wine "$exe" >"$tmp/app.log" 2>&1 &
  pid=$!
  if ! wid=$(timeout 90 xdotool search --sync --onlyvisible --name '^Sepakat' | head -1) || [[ -z $wid ]]; then
    cat "$tmp/app.log" >&2; fail "no Sepakat window within 90 s ($exe)"
  fi
  step "window $(xwininfo -id "$wid" | awk '/Width:/{w=$2} /Height:/{h=$2} END{print w "x" h}') \"$(xdotool getwindowname "$wid")\""
  sleep 4
  import -window root "$shot"
  # Panduan (F1) and Tentang (Bantuan menu, last item), to be looked at.
  xdotool windowactivate --sync "$wid" key F1 2>/dev/null || xdotool key F1
  sleep 2
  import -window root "${shot%.png}-panduan.png"
  xdotool key Escape; sleep 1
  [[ -s $appdata/sepakat.db ]] || fail "no data file at %AppData%\\Sepakat\\sepakat.db"
  step "data file $(stat -c %s "$appdata/sepakat.db") bytes in %AppData%\\Sepakat"
  wine taskkill /IM Sepakat.exe >/dev/null 2>&1 || true
  for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    wine taskkill /F /IM Sepakat.exe >/dev/null 2>&1 || true
    wait "$pid" 2>/dev/null || true
  fi
}

# app_id LNK: the shortcut carries the app ID (System.AppUserModel.ID, UTF-16 in the .lnk).
app_id() {
  local want
  want=$(sed -n 's/^ *ID *= *"\(.*\)"/\1/p' "$here/../FyneApp.toml")
  if python3 -c 'import sys; sys.exit(sys.argv[2].encode("utf-16-le") not in open(sys.argv[1], "rb").read())' "$1" "$want"; then
    step "shortcut carries the app ID $want"
  else
    echo "test-windows: NOTE the shortcut $(basename "$1") has no app ID under Wine" >&2
    return 1
  fi
}

# --- per-user setup ----------------------------------------------------------
step "setup: first page"
wine "$setup" >"$tmp/setup-ui.log" 2>&1 &
ui_pid=$!
if wid=$(timeout 60 xdotool search --sync --onlyvisible --name 'Sepakat' | head -1) && [[ -n $wid ]]; then
  sleep 2
  import -window root "$shots/setup.png"
else
  fail "the setup showed no window"
fi
kill "$ui_pid" 2>/dev/null || true
wineserver -k; wineserver -w

step "setup /S (per user, no admin)"
wine "$setup" /S
wineserver -w
inst="$users/AppData/Local/Programs/Sepakat"
lnk="$users/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Sepakat.lnk"
[[ -f $inst/Sepakat.exe && -f $inst/sepakat-cli.exe && -f $inst/Uninstall.exe ]] || fail "setup installed no program in $inst"
[[ -f $lnk ]] || fail "setup made no Start-menu shortcut"
setup_appid=ok; app_id "$lnk" || setup_appid=missing
# Under Wine the setup's registry writes can reach reg.exe a moment after the
# installer has exited; ask a few times before calling the entry missing.
entry=""
for _ in $(seq 10); do
  entry=$(wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Sepakat' /v DisplayVersion 2>/dev/null | tr -d '\r') || true
  grep -q "$version" <<<"$entry" && break
  sleep 1
done
grep -q "$version" <<<"$entry" || fail "no uninstall entry for the per-user setup"
step "uninstall entry HKCU ... \\Uninstall\\Sepakat $version"

run_app "$inst/Sepakat.exe" "$shots/app-setup.png"

step "CLI exe: language, demo, list, pdf"
cli="$inst/sepakat-cli.exe"
# Wine's display language (GetUserDefaultUILanguage) follows LC_ALL; with no
# language chosen in Pengaturan, the CLI follows it as the window does.
for pair in id_ID.UTF-8:Pemakaian en_US.UTF-8:Usage; do
  usage=$(LC_ALL=${pair%%:*} wine "$cli" 2>&1 | tr -d '\r' | head -1) || true
  [[ $usage == "${pair#*:}"* ]] || fail "under ${pair%%:*} the CLI does not speak the system's language: $usage"
  wineserver -w
done
step "the CLI follows the Windows display language (Indonesian, English)"
wine "$cli" demo >"$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log" >&2; fail "sepakat-cli demo failed"; }
id=$(wine "$cli" list --json 2>/dev/null | tr -d '\r' | sed -n 's/.*"id": *"\{0,1\}\([^",]*\)"\{0,1\}.*/\1/p' | head -1)
[[ -n $id ]] || fail "sepakat-cli list --json gave no id"
wine "$cli" pdf "$id" -o 'C:\users\'"$user"'\Documents\PKS.pdf' >"$tmp/pdf.log" 2>&1 \
  || { cat "$tmp/pdf.log" >&2; fail "sepakat-cli pdf failed"; }
pdf="$users/Documents/PKS.pdf"
[[ -s $pdf ]] || fail "no PDF at Documents\\PKS.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
words=$(pdftotext "$pdf" - | wc -w)
(( pages >= 1 && words > 100 )) || fail "PDF looks empty: $pages pages, $words words"
grep -qi 'perjanjian' <(pdftotext "$pdf" -) || fail "PDF has no 'perjanjian'"
step "PDF agreement $id: $pages pages, $words words"
cp "$pdf" "$shots/PKS.pdf"
sum_before=$(sha256sum "$appdata/sepakat.db" | cut -d' ' -f1)

step "uninstall (per user)"
wine "$inst/Uninstall.exe" /S
wait_gone "$inst/Sepakat.exe"
wait_gone "$lnk"
wineserver -w
if wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Sepakat' >/dev/null 2>&1; then
  fail "the uninstall entry is still there"
fi
[[ -s $appdata/sepakat.db ]] || fail "uninstall removed the data file"
[[ $(sha256sum "$appdata/sepakat.db" | cut -d' ' -f1) == "$sum_before" ]] || fail "uninstall changed the data file"
step "program removed, data kept"

# --- per-machine MSI ---------------------------------------------------------
mv "$appdata" "$appdata.setup"
step "msiexec /i (per machine)"
wine msiexec /i "$(winepath -w "$msi")" /qn
wineserver -w
pinst="$WINEPREFIX/drive_c/Program Files/Sepakat"
# Windows puts a per-machine shortcut in ProgramData; Wine's msi resolves
# ProgramMenuFolder to the user's Start menu even with ALLUSERS=1: accept either.
plnk="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Sepakat.lnk"
[[ -f $plnk ]] || plnk=$lnk
[[ -f $pinst/Sepakat.exe && -f $pinst/sepakat-cli.exe ]] || fail "the MSI installed no program in $pinst"
[[ -f $plnk ]] || fail "the MSI made no Start-menu shortcut"
step "MSI shortcut: ${plnk#"$WINEPREFIX/drive_c/"}"
msi_appid=ok; app_id "$plnk" || msi_appid=missing
wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null \
  | tr -d '\r' | grep -q 'DisplayName.*Sepakat' || fail "no uninstall entry for the MSI"
step "uninstall entry HKLM ... \\Uninstall\\{product code} Sepakat"

run_app "$pinst/Sepakat.exe" "$shots/app-msi.png"
wine "$pinst/sepakat-cli.exe" demo >/dev/null 2>&1 || fail "sepakat-cli demo (MSI) failed"
sum_before=$(sha256sum "$appdata/sepakat.db" | cut -d' ' -f1)

step "msiexec /x"
wine msiexec /x "$(winepath -w "$msi")" /qn
wineserver -w
[[ ! -e $pinst/Sepakat.exe ]] || fail "msiexec /x left Sepakat.exe"
[[ ! -e $plnk ]] || fail "msiexec /x left the shortcut"
[[ $(sha256sum "$appdata/sepakat.db" | cut -d' ' -f1) == "$sum_before" ]] || fail "msiexec /x changed or removed the data"
step "program removed, data kept"

step "app ID on the shortcut under Wine: setup $setup_appid, MSI $msi_appid"
echo "test-windows: all checks passed; screenshots in $shots"
