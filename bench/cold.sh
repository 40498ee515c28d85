#!/usr/bin/env bash
# CPU per request of cold renders. Not a test: it measures and prints.
#
#   bench/cold.sh DATA_DIR      a data folder the app has seeded (and bench/archive.py may have grown)
#
# Three states, each page under wrk:
#   first render   every request a different article, never read since the start: its own memo (ArticleMemo)
#                  and its comments' are empty, the shared ones (rubrics, latest, most read) kept, as for an
#                  article read for the first time after a publication emptied the memos
#   memos off      Broadsheet__Memos=false: the article or the home page drawn wholly from the database, every
#                  shared block too (what the very first page after a publication costs)
#   from memos     the same page again and again, from the memos (what "page cache off" measured in PERFORMANCE.md)
# The page cache is off throughout. The figure is the app's own CPU time (utime + stime, /proc/PID/stat) over a
# wrk round divided by the requests wrk counted, less what the idle app spent in the same time: steadier than req/s
# on a shared machine, where other processes take wall time but not this process's CPU time.
# Settings (environment): R rounds (3), DURATION (10s), WARMUP (30s: a shorter one leaves the tiered JIT compiling
# in the background during the round), CONNECTIONS (16), PORT (5193), DLL (another build of the app, e.g. a copy of
# an earlier bin/, to compare before and after), IDLE (5: seconds the idle app is watched before each round; longer
# is steadier on a loaded machine), STATES (only the states whose names contain one of these words, e.g. "memos-off").
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(realpath "$1")
R=${R:-3}; IDLE=${IDLE:-5}; STATES=${STATES:-}; DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-30s}; CONNECTIONS=${CONNECTIONS:-16}; PORT=${PORT:-5193}
dll=${DLL:-"$PWD/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll"}
origin="http://127.0.0.1:$PORT"
out="$PWD/bench/results/cold-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
tick=$(getconf CLK_TCK)
app_pid=""
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
trap stop_app EXIT

# Published articles with a tag (so "related" is asked for), newest first: the first is the warm page, the rest
# are read once each.
sqlite3 "$data/broadsheet.db" "SELECT printf('/%s/%s/%s/%s', substr(PublishedAt,1,4), substr(PublishedAt,6,2), substr(PublishedAt,9,2), Slug)
  FROM Articles WHERE Status='Published' AND EXISTS (SELECT 1 FROM ArticleTags t WHERE t.ArticleId = Articles.Id)
  ORDER BY PublishedAt DESC LIMIT 30000 OFFSET 5" > "$out/articles.txt"
article=$(head -1 "$out/articles.txt")
total=$(wc -l < "$out/articles.txt")
# Each request takes the next path; the warm-up starts half-way down the list, so the measured round reads only
# articles nobody has read since the app started.
cat > "$out/distinct.lua" <<LUA
local paths, i = {}, 0
for line in io.lines("$out/articles.txt") do paths[#paths + 1] = line end
function init(args) i = tonumber(args[1] or "1") end
function request() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
# measure NAME PATH [LUA START]: one wrk round after a warm-up, CPU ms per request on stdout (and in the tsv).
measure() {
  local name=$1 path=$2 script=() warm=() ; shift 2
  if [ -n "$STATES" ] && ! grep -qE "$(echo "$STATES" | tr ' ' '|')" <<< "$name"; then return; fi
  if [ $# -gt 0 ]; then script=(-s "$1" -- 1); warm=(-s "$1" -- $((total / 2))); fi
  wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$origin$path" "${warm[@]}" > /dev/null
  local i0 i1 s idle c0 c1 wall n ms
  i0=$(cpu_ticks); s=$(date +%s.%N); sleep "$IDLE"; i1=$(cpu_ticks); idle=$(echo "($i1 - $i0) / ($(date +%s.%N) - $s)" | bc -l)
  c0=$(cpu_ticks); s=$(date +%s.%N)
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" "$origin$path" "${script[@]}" > "$out/wrk-$round-$name.txt"
  c1=$(cpu_ticks); wall=$(echo "$(date +%s.%N) - $s" | bc -l)
  n=$(awk '/requests in/ {print $1}' "$out/wrk-$round-$name.txt")
  if grep -q Non-2xx "$out/wrk-$round-$name.txt"; then echo "warning: non-2xx answers in $name" >&2; fi
  ms=$(echo "(($c1 - $c0) - $idle * $wall) * 1000 / $tick / $n" | bc -l)
  printf "%s\t%s\t%s\t%.3f\t%s\n" "$round" "$name" "$n" "$ms" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/results.tsv"
}
start_app() {
  (cd src/Broadsheet && ASPNETCORE_ENVIRONMENT=Production Broadsheet__DataDirectory="$data" Broadsheet__PageCache=false \
    Broadsheet__Memos=$1 exec dotnet "$dll" --urls "$origin") > "$out/app-$round-$1.log" 2>&1 &
  app_pid=$!
  until curl -fs -o /dev/null --max-time 5 "$origin/"; do sleep 0.2; done
}

printf "round\tstate\trequests\tcpu_ms_per_request\tload\n" > "$out/results.tsv"
for round in $(seq 1 "$R"); do
  start_app true
  measure article-first-render / "$out/distinct.lua"
  measure article-from-memos "$article"
  measure home-from-memos /
  stop_app
  start_app false
  measure article-memos-off "$article"
  measure home-memos-off /
  stop_app
done
python3 - "$out/results.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print("| page, state | CPU ms/request (median) | rounds | requests a round |")
print("|---|---:|---|---:|")
for state in dict.fromkeys(r["state"] for r in rows):
    mine = [r for r in rows if r["state"] == state]
    ms = [float(r["cpu_ms_per_request"]) for r in mine]
    print(f"| {state} | {statistics.median(ms):.3f} | {' / '.join(f'{m:.3f}' for m in ms)} | {statistics.median(int(r['requests']) for r in mine):,.0f} |")
PY
echo "warm article: $article; $total distinct articles; load average $(cut -d' ' -f1-3 /proc/loadavg); raw results in $out"
