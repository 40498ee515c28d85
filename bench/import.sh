#!/usr/bin/env bash
# WordPress import benchmark. Generates an export of POSTS posts (default 100,000) with COMMENTS comments
# (default three a post), imports it into a fresh SQLite database, imports it again (the second run must change
# nothing), then imports the fixture export (../shared/fixtures/wordpress) into another fresh database.
# For each run: wall time, CPU time, posts/s and comments/s, the import's own time before the search index
# rebuild, and the peak RSS (GNU time). Does not build: build Release first. Run with nice on a shared machine.
#   bench/import.sh [posts] [comments]          BENCH_EXPORT=/tmp/x.xml reuses (or keeps) the generated export
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS="${1:-100000}"
COMMENTS="${2:-$((POSTS * 3))}"
FIXTURE="$(realpath -m "${BENCH_FIXTURE:-../shared/fixtures/wordpress}")"
WORK="$(mktemp -d /tmp/broadsheet-import-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
EXPORT="${BENCH_EXPORT:-$WORK/export.xml}"
[ -s "$EXPORT" ] || python3 bench/wordpress-export.py "$POSTS" "$COMMENTS" > "$EXPORT"
EXPORT="$(realpath "$EXPORT")"
ls -l "$EXPORT"
# Run where appsettings.json is, as an operator would: from the repository root the app would log every SQL statement.
cd src/Broadsheet

run() { # label data-folder export [options]
  local label=$1 data=$2 export=$3; shift 3
  Broadsheet__DataDirectory="$data" /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" \
    dotnet bin/Release/net10.0/Broadsheet.dll import-wordpress "$export" "$@" > "$WORK/out" 2> "$WORK/err" || echo "exit code $?"
  python3 - "$label" "$WORK/time" "$WORK/out" "$WORK/err" <<'EOF'
import re, sys
label, timing, out, err = sys.argv[1:]
wall, user, system, rss = open(timing).read().split()[-4:]
wall, cpu = float(wall), float(user) + float(system)
report = open(out).read()
def count(kind):
    return sum(int(n.replace(",", "")) for line in report.splitlines() if re.match(r"(Imported|Updated|Unchanged)", line)
               for n in re.findall(r"([\d,]+) " + kind, line))
posts, comments = count("posts"), count("comments")
own = re.findall(r"entries in ([\d.,]+) s", open(err).read())
print(f"{label}: {posts:,} posts, {comments:,} comments; wall {wall:.1f} s (import {own[-1] if own else '?'} s, then index and caches), "
      f"CPU {cpu:.1f} s; {posts / wall:,.0f} posts/s, {comments / wall:,.0f} comments/s; "
      f"{posts / max(cpu, 0.01):,.0f} posts per CPU-second; peak RSS {int(rss) // 1024} MB")
for line in report.splitlines():
    if line.startswith(("Nothing changed", "Failed", "Imported", "Unchanged")): print("   ", line)
EOF
}

run "first run" "$WORK/data" "$EXPORT"
run "second run (same file)" "$WORK/data" "$EXPORT"
if [ -f "$FIXTURE/vecherniy-vestnik.wordpress.xml" ]; then
  run "fixture" "$WORK/fixture-data" "$FIXTURE/vecherniy-vestnik.wordpress.xml" --uploads "$FIXTURE/uploads"
fi
