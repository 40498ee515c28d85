#!/usr/bin/env bash
# WordPress import benchmark: generates an export of POSTS posts (default 10,000) and 3 comments a post,
# imports it into a fresh SQLite database, and reports entries/s (the command's own last line) and the
# process's peak RSS (GNU time). Run with nice on a shared machine.   bench/import.sh [posts]
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS="${1:-10000}"
WORK="$(mktemp -d /tmp/broadsheet-import-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 bench/wordpress-export.py "$POSTS" $((POSTS * 3)) > "$WORK/export.xml"
ls -l "$WORK/export.xml"
dotnet build -c Release src/Broadsheet -v q -nologo
Broadsheet__DataDirectory="$WORK/data" /usr/bin/time -v dotnet src/Broadsheet/bin/Release/net10.0/Broadsheet.dll \
  import-wordpress "$WORK/export.xml" 2> >(grep -E "entries in|Maximum resident" >&2) | grep -E "Imported|Skipped|Failed"
