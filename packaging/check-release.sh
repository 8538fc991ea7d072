#!/usr/bin/env bash
# check-release.sh DIST VERSION BUILD: what `make release` promises, read back from
# the artefacts: PE subsystems, the manifest, icon and version resources, the version
# stamped into the programs, the MSI's shortcut and app ID, the .deb's and .tar.xz's
# files and desktop entry, and SHA256SUMS.
set -euo pipefail
dist=${1:?usage: check-release.sh DIST VERSION BUILD} version=${2:?} build=${3:?}
fail() { echo "check-release: $*" >&2; exit 1; }
cd "$dist"
exe=Sepakat.exe cli=sepakat-cli.exe
msi=Sepakat-$version-x64.msi setup=Sepakat-$version-setup.exe
deb=sepakat_${version}_amd64.deb txz=sepakat-$version-linux-amd64.tar.xz

# (outputs are read whole first: grep -q closing a pipe early would fail it under pipefail)
pe_exe=$(x86_64-w64-mingw32-objdump -p "$exe") pe_cli=$(x86_64-w64-mingw32-objdump -p "$cli")
grep -q 'Subsystem.*(Windows GUI)' <<<"$pe_exe" || fail "$exe is not a GUI-subsystem program"
grep -q 'Subsystem.*(Windows CUI)' <<<"$pe_cli" || fail "$cli is not a console program"
grep -aq 'PerMonitorV2' "$exe" || fail "$exe has no DPI-awareness manifest"
grep -aq '8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a' "$exe" || fail "$exe does not declare Windows 10"
# Version strings are UTF-16 in the resource section.
for f in "$exe" "$cli"; do
  python3 -c 'import sys; sys.exit(sys.argv[2].encode("utf-16-le") not in open(sys.argv[1], "rb").read())' \
    "$f" "$version.$build" || fail "$f has no version resource $version.$build"
done
# The icon group lists every size from 16 to 256 px (GRPICONDIRENTRY widths; 0 = 256).
n=$(python3 - "$exe" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
# PE: find .rsrc, walk to RT_GROUP_ICON (14), read its entries' widths.
pe = struct.unpack_from("<I", d, 0x3c)[0]
nsec = struct.unpack_from("<H", d, pe + 6)[0]
opt = struct.unpack_from("<H", d, pe + 20)[0]
sec = pe + 24 + opt
for i in range(nsec):
    name, vsize, va, rsize, raw = struct.unpack_from("<8sIIII", d, sec + 40 * i)
    if name.rstrip(b"\0") == b".rsrc":
        break
def entries(off):
    n = sum(struct.unpack_from("<HH", d, raw + off + 12))
    return [struct.unpack_from("<II", d, raw + off + 16 + 8 * k) for k in range(n)]
for ident, off in entries(0):
    if ident == 14:
        sub = entries(off & 0x7fffffff)[0][1] & 0x7fffffff
        leaf = entries(sub)[0][1]
        rva, size = struct.unpack_from("<II", d, raw + leaf)
        g = raw + rva - va
        count = struct.unpack_from("<H", d, g + 4)[0]
        print(" ".join(str(d[g + 6 + 14 * k] or 256) for k in range(count)))
PY
)
for s in 16 24 32 48 64 128 256; do [[ " $n " == *" $s "* ]] || fail "$exe icon lacks $s px (has: $n)"; done

grep -q 'StartMenuShortcut' <<<"$(msiinfo export "$msi" Shortcut)" || fail "$msi has no Start-menu shortcut"
grep -q '9F4C2855-9F79-4B39-A8D0-E1D42DE1D5F3} 5' <<<"$(msiinfo export "$msi" MsiShortcutProperty)" || fail "$msi shortcut has no app ID"
grep -q "ProductVersion.$version" <<<"$(msiinfo export "$msi" Property)" || fail "$msi is not version $version"
[[ $(head -c2 "$setup") == MZ ]] || fail "$setup is not a program"

dpkg-deb -f "$deb" Version | grep -qx "$version" || fail "$deb is not version $version"
contents=$(dpkg-deb -c "$deb")
for p in ./usr/bin/sepakat ./usr/bin/sepakat-cli ./usr/share/applications/sepakat.desktop \
  ./usr/share/icons/hicolor/16x16/apps/sepakat.png ./usr/share/icons/hicolor/256x256/apps/sepakat.png \
  ./usr/share/doc/sepakat/LICENSE-Liberation.txt; do
  grep -q " $p\$" <<<"$contents" || fail "$deb lacks $p"
done
files=$(tar -tJf "$txz")
grep -qx "sepakat-$version/bin/sepakat" <<<"$files" || fail "$txz lacks bin/sepakat"
grep -qx "sepakat-$version/share/applications/sepakat.desktop" <<<"$files" || fail "$txz lacks the desktop entry"
if command -v desktop-file-validate >/dev/null; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  tar -xJf "$txz" -C "$tmp" "sepakat-$version/share/applications/sepakat.desktop"
  desktop-file-validate "$tmp/sepakat-$version/share/applications/sepakat.desktop" || fail "desktop entry does not validate"
fi
sha256sum -c --quiet SHA256SUMS || fail "SHA256SUMS does not match"
[[ $(wc -l <SHA256SUMS) == 6 ]] || fail "SHA256SUMS does not list the 6 artefacts"
echo "check-release: $exe (GUI, icon $n px, manifest, $version.$build), $cli, $msi, $setup, $deb, $txz, SHA256SUMS: ok"
