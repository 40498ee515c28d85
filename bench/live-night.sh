#!/usr/bin/env bash
# "Holds the night": thousands of readers keep a running live article open while an editor posts an entry
# every few seconds and ordinary (cached) page traffic goes on. Not a test: it measures and prints.
#
#   bench/live-night.sh                      one node (SQLite), then two nodes (PostgreSQL + Redis)
#   READERS=1000 DURATION=30 NODES=one bench/live-night.sh     a quicker look
#
# Settings: READERS (5000), DURATION of the posting (60 s), EVERY (5 s between posts), LIFETIME of one
# stream (empty: the app's 10 minutes), CONNECTIONS and THREADS of wrk's page traffic (32, 2), NODES (one,
# two or both), RESUME_READERS (1000; 0 skips the resume check), PORT of the first node (5301; the second
# takes the next), REDIS_DB (11) and PG_DATABASE (bench_live_night) for the two-node run.
#
# The resume check, last: one node whose streams last RESUME_LIFETIME (15 s), far shorter than the run, so
# each reader's stream ends four times or more and comes back with Last-Event-ID; no page traffic. It counts
# what a resumed reader missed or got twice.
#
# For each setup: wrk against an ordinary article page (page cache on) for DURATION with no streams open;
# then READERS streams are opened (bench/livereaders.py, round-robin over the nodes), the app's RSS read,
# and while the editor posts through the newsroom desk's form (signed in) wrk runs again for DURATION; the
# streams close and wrk runs a third time. Reported: entries every reader should have had and did not,
# delivery latency from the post (p50, p99, max; per entry, the first reader and the fan-out to the last), errors,
# resumes, the reader client's own CPU (near a whole core it cannot keep up and its latencies mean nothing), RSS per
# open stream, and page throughput with the streams against the mean of the runs before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
READERS=${READERS:-5000}
DURATION=${DURATION:-60}
EVERY=${EVERY:-5}
LIFETIME=${LIFETIME:-}
RESUME_READERS=${RESUME_READERS:-1000}
RESUME_LIFETIME=${RESUME_LIFETIME:-00:00:15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
NODES=${NODES:-both}
PROCS=${PROCS:-2}
# Seconds each client process waits after opening 100 streams: 0.5 is 400 arrivals a second with two processes.
RAMP=${RAMP:-0.5}
PORT=${PORT:-5301}
PORT2=$((PORT + 1))
REDIS_DB=${REDIS_DB:-11}
PG_DATABASE=${PG_DATABASE:-bench_live_night}
PASSWORD="a long enough bench password"
PG="Host=127.0.0.1;Port=55432;Username=postgres"
REDIS="127.0.0.1:56379,defaultDatabase=$REDIS_DB,allowAdmin=true"
out="$root/bench/results/live-night-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((READERS + 1000)) ] || { echo "ulimit -n is $(ulimit -n): too few for $READERS readers"; exit 1; }

dll="$root/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll"
if [ -z "${NO_BUILD:-}" ]; then
  echo "== building src/Broadsheet (Release)"
  dotnet build src/Broadsheet -c Release -warnaserror 2>&1 | tail -n 2
fi

pids=()
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_nodes EXIT

# node PORT LOG [ENV...]: the app, Production, page cache on, answering before this returns.
node() {
  local port=$1 log=$2; shift 2
  (cd "$root/src/Broadsheet" && exec env ASPNETCORE_ENVIRONMENT=Production ${LIFETIME:+Broadsheet__Live__StreamLifetime=$LIFETIME} "$@" \
    dotnet "$dll" --urls "http://127.0.0.1:$port") > "$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$port/" && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "node on $port exited:"; tail -n 30 "$log"; exit 1; }
    sleep 0.5
  done
  echo "node on $port did not start"; tail -n 20 "$log"; exit 1
}
cpu_seconds() { local t=0; for p in "${pids[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t / $(getconf CLK_TCK)" | bc -l; }
rss_kb() { local total=0; for p in "${pids[@]}"; do total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$p/status"))); done; echo "$total"; }

# traffic LABEL PATH PORTS...: wrk split over the nodes for DURATION; prints the summed req/s.
traffic() {
  local label=$1 path=$2; shift 2
  local per=$((CONNECTIONS / $#)) waits=() total=0
  for port in "$@"; do
    wrk -t"$THREADS" -c"$per" -d"${DURATION}s" --latency "http://127.0.0.1:$port$path" > "$out/$label-$port.txt" &
    waits+=($!)
  done
  wait "${waits[@]}"
  for port in "$@"; do total=$(awk -v a="$total" '/Requests\/sec/ {print a + $2}' "$out/$label-$port.txt"); done
  echo "$total"
}

# night SETUP SQL PORTS...: the whole measurement over nodes already started; SQL runs a query on their database.
night() {
  local setup=$1 sql=$2; shift 2
  local ports=("$@") origins="" live after article
  for port in "${ports[@]}"; do origins+="${origins:+,}http://127.0.0.1:$port"; done
  live=$($sql 'SELECT "Id" FROM "Articles" WHERE "Live" = 1 ORDER BY "Id" DESC LIMIT 1')
  [ -n "$live" ] || { echo "no running live article in the demo"; exit 1; }
  after=$($sql "SELECT COALESCE(MAX(\"Change\"), 0) FROM \"LiveEntries\" WHERE \"ArticleId\" = $live")
  live_slug=$($sql "SELECT \"Slug\" FROM \"Articles\" WHERE \"Id\" = $live")
  article=$(curl -fs "http://127.0.0.1:${ports[0]}/" | grep -o 'href="/20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[^"]*"' | cut -d'"' -f2 | grep -v "/$live_slug\$" | sed -n '1p')
  echo "   live article $live (from change $after), page traffic on $article"
  wrk -t1 -c8 -d5s "http://127.0.0.1:${ports[0]}$article" > /dev/null
  sleep 2
  local idle_kb; idle_kb=$(rss_kb)
  local before; before=$(traffic "$setup-before" "$article" "${ports[@]}")
  echo "   page traffic without streams: $before req/s ($(uptime | sed 's/.*load average: //'))"
  local cpu_idle; cpu_idle=$(cpu_seconds)

  python3 bench/livereaders.py --origins "$origins" --editor-origin "http://127.0.0.1:${ports[0]}" \
    --password "$PASSWORD" --article "$live" --after "$after" --readers "$READERS" --procs "$PROCS" --ramp "$RAMP" \
    --every "$EVERY" --duration "$DURATION" --settle 5 --out "$out/$setup-readers.json" &
  local client=$!
  while [ ! -e "$out/$setup-readers.json.ready" ]; do
    kill -0 "$client" 2>/dev/null || { echo "the reader client ended early"; exit 1; }
    sleep 1
  done
  local cpu_open; cpu_open=$(cpu_seconds)
  sleep 2
  local open_kb; open_kb=$(rss_kb)
  local load_during; load_during=$(uptime | sed 's/.*load average: //')
  local with; with=$(traffic "$setup-with" "$article" "${ports[@]}")
  echo "   page traffic with $READERS streams and posts: $with req/s ($load_during)"
  wait "$client"
  sleep 3
  local closed_kb; closed_kb=$(rss_kb)
  local after_rps; after_rps=$(traffic "$setup-after" "$article" "${ports[@]}")
  echo "   page traffic after the streams closed: $after_rps req/s"
  local errors_wrk=0
  for f in "$out/$setup"-*-*.txt; do errors_wrk=$((errors_wrk + $(awk '/Non-2xx/ {n = $NF} END {print n + 0}' "$f"))); done
  python3 - "$out/$setup-readers.json" "$idle_kb" "$open_kb" "$before" "$with" "$after_rps" "$errors_wrk" "$setup" "$load_during" "$closed_kb" "$(echo "$cpu_open - $cpu_idle" | bc -l)" <<'PY' | tee -a "$out/summary.txt"
import json, sys
r = json.load(open(sys.argv[1]))
idle, opened, before, with_, after, wrk_errors, setup, load = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), sys.argv[8], sys.argv[9]
closed, connect_cpu = int(sys.argv[10]), float(sys.argv[11])
without = (before + after) / 2
print(f"== {setup}: {r['readers']} readers on {r['nodes']} node(s), load average during the run {load}")
print(f"   entries posted {r['posted']} (failed {r['post_failures']}, desk post p50 {r['post_p50_ms']} ms); deliveries {r['delivered']} of {r['expected_deliveries']}: missing {r['missing']} ({r['readers_missing_some']} readers short), duplicates {r['duplicates']}")
print(f"   delivery from the post, on open streams: p50 {r['latency_p50_ms']} ms, p99 {r['latency_p99_ms']} ms, max {r['latency_max_ms']} ms")
print(f"   per entry (medians): first reader {r['first_reader_p50_ms']} ms after the post, last reader {r['fan_out_p50_ms']} ms after the first (the fan-out)")
print(f"   posted while the reader was reconnecting, delivered by the resume's catch-up: {r['delivered_on_resume']} (p99 {r['resume_latency_p99_ms']} ms from the post)")
print(f"   reader client's CPU while posting, per process (1.0 = a whole core: it could not keep up): {r['client_cpu_share']}")
print(f"   stream errors {r['errors']} {r['error_kinds'] or ''}; streams ended by their lifetime {r['streams_ended_by_server']}, resumed {r['resumes']}; all connected in {r['connect_seconds']} s, {1000 * connect_cpu / r['readers']:.2f} ms of the app's CPU per stream opened")
base = (idle + closed) / 2
print(f"   RSS {idle / 1024:.0f} MB before the streams, {opened / 1024:.0f} MB with them open, {closed / 1024:.0f} MB after they closed: {(opened - idle) / r['readers']:.1f} KB per reader over before ({(opened - base) / r['readers']:.1f} over the mean of before and after; the GC moves RSS by as much)")
print(f"   cached page {without:.0f} req/s without streams (before {before:.0f}, after {after:.0f}), {with_:.0f} with: {with_ / without:.2f}; wrk non-2xx {wrk_errors}")
PY
}

if [ "$NODES" = one ] || [ "$NODES" = both ]; then
  echo "== one node (SQLite)"
  data="$out/data-sqlite"
  node $PORT "$out/one-node.log" Broadsheet__DataDirectory="$data"
  link=$(grep -o 'can set one at [^ ]* (valid' "$out/one-node.log" | head -n 1 | awk '{print $5}')
  python3 bench/newsroom.py setup http://127.0.0.1:$PORT "$link" "$PASSWORD"
  db=$(find "$data" -name broadsheet.db | head -n 1)
  night one-node "sqlite3 $db" $PORT
  stop_nodes
fi

if [ "$NODES" = two ] || [ "$NODES" = both ]; then
  echo "== two nodes (PostgreSQL + Redis)"
  name=$PG_DATABASE
  psql "postgresql://postgres@127.0.0.1:55432/postgres" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
  redis-cli -p 56379 -n "$REDIS_DB" flushdb >/dev/null
  for port in $PORT $PORT2; do
    node "$port" "$out/node-$port.log" Broadsheet__Database=postgres Broadsheet__Redis="$REDIS" \
      ConnectionStrings__Broadsheet="$PG;Database=$name;Maximum Pool Size=64" Broadsheet__DataDirectory="$out/data-$port"
  done
  link=$(grep -o 'can set one at [^ ]* (valid' "$out/node-$PORT.log" | head -n 1 | awk '{print $5}')
  python3 bench/newsroom.py setup http://127.0.0.1:$PORT "$link" "$PASSWORD"
  night two-nodes "psql postgresql://postgres@127.0.0.1:55432/$name -Atc" $PORT $PORT2
  stop_nodes
fi
if [ "$RESUME_READERS" -gt 0 ]; then
  echo "== resume check: one node (SQLite), streams of $RESUME_LIFETIME"
  data="$out/data-resume"
  LIFETIME=$RESUME_LIFETIME node $PORT "$out/resume.log" Broadsheet__DataDirectory="$data"
  link=$(grep -o 'can set one at [^ ]* (valid' "$out/resume.log" | head -n 1 | awk '{print $5}')
  python3 bench/newsroom.py setup http://127.0.0.1:$PORT "$link" "$PASSWORD"
  db=$(find "$data" -name broadsheet.db | head -n 1)
  live=$(sqlite3 "$db" 'SELECT "Id" FROM "Articles" WHERE "Live" = 1 ORDER BY "Id" DESC LIMIT 1')
  after=$(sqlite3 "$db" "SELECT COALESCE(MAX(\"Change\"), 0) FROM \"LiveEntries\" WHERE \"ArticleId\" = $live")
  python3 bench/livereaders.py --origins http://127.0.0.1:$PORT --editor-origin http://127.0.0.1:$PORT --password "$PASSWORD" \
    --article "$live" --after "$after" --readers "$RESUME_READERS" --procs "$PROCS" --every "$EVERY" --duration "$DURATION" \
    --settle 1 --out "$out/resume-readers.json" > /dev/null
  python3 - "$out/resume-readers.json" "$RESUME_LIFETIME" <<'PY' | tee -a "$out/summary.txt"
import json, sys
r = json.load(open(sys.argv[1]))
print(f"== resume check: {r['readers']} readers, streams of {sys.argv[2]}: {r['streams_ended_by_server']} streams ended by the server and resumed with Last-Event-ID")
print(f"   entries posted {r['posted']}; deliveries {r['delivered']} of {r['expected_deliveries']}: missing {r['missing']}, duplicates {r['duplicates']}, stream errors {r['errors']} {r['error_kinds'] or ''}")
print(f"   delivery on open streams p99 {r['latency_p99_ms']} ms; {r['delivered_on_resume']} caught up on a resume, p99 {r['resume_latency_p99_ms']} ms from the post")
PY
  stop_nodes
fi
echo "raw results in $out"
