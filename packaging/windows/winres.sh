#!/usr/bin/env bash
# winres.sh NAME ORIGNAME DESC VERSION BUILD OUT.syso: compile the icon, manifest and
# version information of one Windows program into a .syso that `go build` links
# (the file name ends in _windows_amd64.syso, so other targets ignore it).
set -euo pipefail
name=$1 orig=$2 desc=$3 version=$4 build=$5 out=$6
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
IFS=. read -r ma mi pa <<<"$version"
v4="${ma:-0}.${mi:-0}.${pa:-0}.${build:-0}"
vc="${ma:-0},${mi:-0},${pa:-0},${build:-0}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/resources/icons/sepakat.ico" "$work/"
fill() {
  sed -e "s|@NAME@|$name|g" -e "s|@ORIGNAME@|$orig|g" -e "s|@DESC@|$desc|g" \
    -e "s|@VERSION@|$version|g" -e "s|@VERSION4@|$v4|g" -e "s|@VERSIONC@|$vc|g" \
    -e "s|@INTERNAL@|${orig%.exe}|g" -e "s|@YEAR@|$(date -u +%Y)|g" \
    -e "s|@MANIFEST@|sepakat.manifest|g" "$1"
}
fill "$here/sepakat.manifest" >"$work/sepakat.manifest"
fill "$here/sepakat.rc.in" >"$work/sepakat.rc"
(cd "$work" && x86_64-w64-mingw32-windres -c 65001 -O coff -i sepakat.rc -o out.syso)
mv "$work/out.syso" "$out"
