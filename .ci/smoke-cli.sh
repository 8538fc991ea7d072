#!/usr/bin/env bash
# smoke-cli.sh: the headless tool end to end on fresh files: demo, list,
# export-json, import-json into a fresh file, and an identical export back.
set -euo pipefail
cli=${1:?usage: smoke-cli.sh PATH/TO/sepakat-cli}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$cli" --db "$dir/a.db" demo
"$cli" --db "$dir/a.db" list | tee "$dir/list.txt"
grep -q "Berbagi Informasi dan Inovasi Daerah" "$dir/list.txt"
"$cli" --db "$dir/a.db" list --json >/dev/null
"$cli" --db "$dir/a.db" show 3 >/dev/null
"$cli" --db "$dir/a.db" export-json "$dir/a.json"
"$cli" --db "$dir/b.db" import-json "$dir/a.json"
"$cli" --db "$dir/b.db" export-json "$dir/b.json"
"$cli" --db "$dir/b.db" check
if ! diff <(grep -v '"exported_at"' "$dir/a.json") <(grep -v '"exported_at"' "$dir/b.json") >/dev/null; then
  echo "smoke: export after import differs" >&2
  exit 1
fi
set +e
"$cli" --db "$dir/b.db" show abc 2>/dev/null; code=$?
set -e
[[ $code == 2 ]] || { echo "smoke: misuse exit code $code, want 2" >&2; exit 1; }
echo "smoke: sepakat-cli ok"
