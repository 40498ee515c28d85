#!/usr/bin/env bash
# Election night, mixed traffic, for a bounded time: READERS concurrent readers (wrk) over the home page, a hot
# article, other articles and the listings; a view beacon for the articles read (a second wrk, every request
# a different reader); COMMENTS per second from signed-in readers; an editor publishing an article every
# PUBLISH_EVERY seconds through the newsroom form; a watcher on each node reading the home page to see when each
# publication shows. Not a test: it measures and prints, then counts in the database what was acknowledged.
#
#   bench/election-night.sh                     one node (SQLite), then two nodes (PostgreSQL + Redis)
#   NODES=one DURATION=30 READERS=200 bench/election-night.sh
#
# Settings: N demo articles (500), DURATION (60 s), READERS (1000 wrk connections), BEACONS (64 wrk
# connections), THINK (0: milliseconds a reader spends on a page before the next, on average; 0 reads back to back, so
# the read latency is mostly the queue of READERS connections over the site's throughput), BEACON_THINK (0: the same
# for each beacon connection; back to back, 64 connections send several beacons for every page read), COMMENTS per second (50),
# COMMENTERS accounts (1000), PUBLISH_EVERY (10 s), WARMUP (30 s of the same traffic, not measured, before the night;
# 0 for none), NODES (one, two, both),
# DLL (the built app; default src/Broadsheet's Release build, so an older build can be run against a newer one).
#
# The clients share the machine with the app, so each one's CPU is measured (/usr/bin/time) and printed beside the
# figures, with how late the commenter's posts left against their schedule: a client that falls behind measures
# itself, not the site.
#
# Bench configuration, said here because it is not the site's default: the site sits behind a proxy on
# 127.0.0.1 (TrustedProxies), so each commenter has its own address as readers do; the commenters are
# readers the site lets post without pre-moderation (PreModerationApprovals=0, as after two approved
# comments each); comments never close by age (the demo's hot article may be older than 30 days). The per-account
# and per-address limits stay the site's (5 a minute): 1,000 readers post 3 a minute each, so the limit is not
# what is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
N=${N:-500}
DURATION=${DURATION:-60}
READERS=${READERS:-1000}
export THINK=${THINK:-0} BEACON_THINK=${BEACON_THINK:-0}
BEACONS=${BEACONS:-64}
COMMENTS=${COMMENTS:-50}
COMMENTERS=${COMMENTERS:-1000}
PUBLISH_EVERY=${PUBLISH_EVERY:-10}
WARMUP=${WARMUP:-30}
NODES=${NODES:-both}
PASSWORD="a long enough bench password"
PG="Host=127.0.0.1;Port=55432;Username=postgres"
REDIS="127.0.0.1:56379,defaultDatabase=13,allowAdmin=true"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/election-night-$stamp"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ulimit -n "$(ulimit -Hn)"

dll=${DLL:-"$root/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll"}
if [ -z "${NO_BUILD:-}" ] && [ -z "${DLL:-}" ]; then
  echo "== building src/Broadsheet (Release)"
  dotnet build src/Broadsheet -c Release -warnaserror 2>&1 | tail -n 2
fi

pids=()
# CPU seconds the app's processes have used so far (utime + stime, in clock ticks of 1/100 s).
node_cpu() { local t=0; for p in "${pids[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
# Each of the app's threads and the nanoseconds it has spent runnable but waiting for a core (schedstat): the
# machine's share, not the app's. Summed per thread as a difference (waited_since FILE), since the thread pool
# retires threads meanwhile: a plain sum then fell and once printed a negative wait. Threads that ended are not counted.
node_waits() { for p in "${pids[@]}"; do for t in /proc/"$p"/task/*; do echo "${t##*/} $(awk '{print $2}' "$t/schedstat" 2>/dev/null || echo 0)"; done; done; }
waited_since() { node_waits | awk -v before="$1" 'BEGIN { while ((getline l < before) > 0) { split(l, f, " "); b[f[1]] = f[2] } }
  { s += $2 - ($1 in b ? b[$1] : 0) } END { printf "%d", s / 1e6 }'; }
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_nodes EXIT

node() { # node PORT LOG [ENV...]
  local port=$1 log=$2; shift 2
  (cd "$root/src/Broadsheet" && exec env ASPNETCORE_ENVIRONMENT=Production Broadsheet__DemoArticles="$N" \
    Broadsheet__TrustedProxies__0=127.0.0.1 Broadsheet__Comments__PreModerationApprovals=0 \
    Broadsheet__Comments__CloseAfterDays=0 Broadsheet__ViewFlushSeconds=2 "$@" \
    dotnet "$dll" --urls "http://127.0.0.1:$port") > "$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 2400); do
    curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$port/" && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "node on $port exited:"; tail -n 30 "$log"; exit 1; }
    sleep 0.5
  done
  echo "node on $port did not start"; tail -n 20 "$log"; exit 1
}

cat > "$out/pages.lua" <<'LUA'
-- Readers over the pages given as arguments, each connection starting at a different one.
local paths, i = {}, 0
init = function(args)
  for _, p in ipairs(args) do paths[#paths + 1] = p end
  i = math.random(#paths)
end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
-- THINK ms between a reader's pages (0: back to back, each connection a reader who never stops to read).
local think = tonumber(os.getenv("THINK") or "0")
if think > 0 then delay = function() return math.random(math.floor(think / 2), math.floor(think * 3 / 2)) end end
LUA
cat > "$out/beacons.lua" <<'LUA'
-- A view for each article read: every request a different reader (the user agent carries a counter).
local ids, n, name = {}, 0, "?"
init = function(args)
  name = args[1]
  for k = 2, #args do ids[#ids + 1] = args[k] end
end
request = function()
  n = n + 1
  local path = "/api/views/" .. ids[n % #ids + 1]
  return wrk.format("POST", path, { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) election/" .. name .. "-" .. n })
end
done = function(summary) io.write(string.format("sent %d non2xx %d\n", summary.requests, summary.errors.status)) end
-- BEACON_THINK ms between a connection's beacons (0: back to back); with THINK, set it so beacons match the articles read.
local pause = tonumber(os.getenv("BEACON_THINK") or "0")
if pause > 0 then delay = function() return math.random(math.floor(pause / 2), math.floor(pause * 3 / 2)) end end
LUA

# night SETUP SQL PORTS...
night() {
  local setup=$1 sql=$2; shift 2
  local ports=("$@") origins=""
  for port in "${ports[@]}"; do origins+="${origins:+,}http://127.0.0.1:$port"; done
  local a="http://127.0.0.1:${ports[0]}"
  local home; home=$(curl -fs "$a/")
  mapfile -t articles < <(grep -o 'href="/20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[^"#]*"' <<< "$home" | cut -d'"' -f2 | awk '!seen[$0]++' | head -n 4)
  mapfile -t listings < <(grep -o 'href="/\(rubric\|rubrics\|tag\|tags\|section\)/[^"#]*"' <<< "$home" | cut -d'"' -f2 | awk '!seen[$0]++' | head -n 3)
  local ids=()
  for path in "${articles[@]}"; do
    ids+=("$(curl -fs "$a$path" | grep -o 'data-article-id="[0-9]*"' | head -n 1 | grep -o '[0-9]*')")
  done
  # The hot article twice in the rotation: half the article reads are of it.
  local pages=(/ "${articles[0]}" "${listings[@]}" "${articles[0]}" "${articles[@]:1}")
  echo "   pages: ${pages[*]}"
  echo "   beaconed articles: ${ids[*]}"
  local run="$setup$stamp"
  run=${run//-/}
  python3 bench/election.py accounts "$a" "$COMMENTERS" "$PASSWORD" "$run" > /dev/null
  $sql "UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = true WHERE \"Email\" LIKE '%-$run@bench.invalid'" > /dev/null
  echo "   commenters with an account: $($sql "SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"EmailConfirmed\" AND \"Email\" LIKE '%-$run@bench.invalid'")"
  local views_sql="SELECT COALESCE(SUM(\"Views\"), 0) FROM \"ViewTotals\" WHERE \"ArticleId\" IN ($(IFS=,; echo "${ids[*]}"))"
  local comments_sql="SELECT COUNT(*) FROM \"Comment\" WHERE \"Text\" LIKE 'Turnout looks high here. bench-comment-$run-%'"
  local per=$((READERS / ${#ports[@]})) beacons=$((BEACONS / ${#ports[@]}))

  # The same traffic for WARMUP seconds first, not measured: a node just started is still compiling the methods this
  # traffic makes hot (a fifth of its CPU went to the JIT in a 30 s night begun at once), and the night's figures are
  # a node that has been up, not one in its first minute. Its comments carry another marker, so they are not counted.
  if [ "$WARMUP" -gt 0 ]; then
    local warms=()
    python3 bench/election.py night --origins "$origins" --password "$PASSWORD" --run "$run" --tag w \
      --articles "$(IFS=,; echo "${ids[*]}")" --commenters "$COMMENTERS" --comments "$COMMENTS" \
      --publish-every "$PUBLISH_EVERY" --duration "$WARMUP" --out "$out/$setup-warmup.json" > /dev/null &
    warms+=($!)
    while [ ! -e "$out/$setup-warmup.json.ready" ]; do kill -0 "${warms[0]}" 2>/dev/null || { echo "the warm-up's writers ended early"; exit 1; }; sleep 1; done
    sleep 2
    for port in "${ports[@]}"; do
      wrk -t2 -c"$per" -d"${WARMUP}s" --timeout 10s -s "$out/pages.lua" "http://127.0.0.1:$port" -- "${pages[@]}" > /dev/null &
      warms+=($!)
      wrk -t1 -c"$beacons" -d"${WARMUP}s" --timeout 10s -s "$out/beacons.lua" "http://127.0.0.1:$port" -- "w$port" "${ids[@]}" > /dev/null &
      warms+=($!)
    done
    wait "${warms[@]}"
    sleep 5  # the warm-up's views flushed before the count the night starts from
    echo "   warmed up for ${WARMUP} s with the same traffic"
  fi
  local views_before; views_before=$($sql "$views_sql")

  python3 bench/election.py night --origins "$origins" --password "$PASSWORD" --run "$run" \
    --articles "$(IFS=,; echo "${ids[*]}")" --commenters "$COMMENTERS" --comments "$COMMENTS" \
    --publish-every "$PUBLISH_EVERY" --duration "$DURATION" --out "$out/$setup-night.json" &
  local writer=$!
  while [ ! -e "$out/$setup-night.json.ready" ]; do kill -0 "$writer" 2>/dev/null || { echo "the writers ended early"; exit 1; }; sleep 1; done
  sleep 2  # the writers' settle: wrk starts with them
  local load_before; load_before=$(uptime | sed 's/.*load average: //')
  local nodes_cpu_before; nodes_cpu_before=$(node_cpu)
  node_waits > "$out/$setup-waits-before.txt"
  local waits=()
  for port in "${ports[@]}"; do
    /usr/bin/time -f "%U %S %e" -o "$out/$setup-cpu-pages-$port.txt" wrk -t2 -c"$per" -d"${DURATION}s" --timeout 10s --latency -s "$out/pages.lua" "http://127.0.0.1:$port" -- "${pages[@]}" > "$out/$setup-pages-$port.txt" &
    waits+=($!)
    /usr/bin/time -f "%U %S %e" -o "$out/$setup-cpu-beacons-$port.txt" wrk -t1 -c"$beacons" -d"${DURATION}s" --timeout 10s -s "$out/beacons.lua" "http://127.0.0.1:$port" -- "$port" "${ids[@]}" > "$out/$setup-beacons-$port.txt" &
    waits+=($!)
  done
  sleep $((DURATION / 2))
  local load_during; load_during=$(uptime | sed 's/.*load average: //')
  wait "${waits[@]}"
  local nodes_cpu; nodes_cpu=$(( $(node_cpu) - nodes_cpu_before ))
  echo "$nodes_cpu $DURATION $(waited_since "$out/$setup-waits-before.txt")" > "$out/$setup-cpu-nodes.txt"
  wait "$writer"
  sleep 8  # two view flushes
  local views_after comments_counted
  views_after=$($sql "$views_sql")
  comments_counted=$($sql "$comments_sql")
  python3 - "$out" "$setup" "$views_before" "$views_after" "$comments_counted" "$load_during" "$BEACONS" "${ports[@]}" <<'PY' | tee -a "$out/summary.txt"
import json, re, sys
out, setup, vb, va, counted, load, beacon_conns, ports = sys.argv[1], sys.argv[2], int(sys.argv[3] or 0), int(sys.argv[4] or 0), int(sys.argv[5]), sys.argv[6], int(sys.argv[7]), sys.argv[8:]
def cpu(name):
    u, s, e = open(f"{out}/{setup}-cpu-{name}.txt").read().split()[-3:]
    return (float(u) + float(s)) / float(e)
def ms(v):
    n = float(re.match(r"[\d.]+", v).group())
    return n / 1000 if v.endswith("us") else n * 1000 if v.endswith("s") and not v.endswith("ms") else n
rps, p99s, p50s, errs, non2xx, sent = 0.0, [], [], 0, 0, 0
for port in ports:
    t = open(f"{out}/{setup}-pages-{port}.txt").read()
    rps += float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50s.append(ms(re.search(r"^\s+50%\s+(\S+)", t, re.M).group(1)))
    p99s.append(ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1)))
    e = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
    errs += sum(int(x) for x in e.groups()) if e else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    non2xx += int(m.group(1)) if m else 0
    b = open(f"{out}/{setup}-beacons-{port}.txt").read()
    sent += int(re.search(r"^sent (\d+)", b, re.M).group(1)) - int(re.search(r"non2xx (\d+)", b).group(1))
    e = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", b)
    errs += sum(int(x) for x in e.groups()) if e else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", b)
    non2xx += int(m.group(1)) if m else 0
    beacon_rps = float(re.search(r"Requests/sec:\s+([\d.]+)", b).group(1))
n = json.load(open(f"{out}/{setup}-night.json"))
ticks, seconds, waited = open(f"{out}/{setup}-cpu-nodes.txt").read().split()
readers_cpu = [cpu(f"pages-{p}") for p in ports]
beacons_cpu = [cpu(f"beacons-{p}") for p in ports]
writers_cpu = n["client_cpu_s"] / n["duration_s"]
# wrk's two reader threads each saturate at one core, python's threads share one. Posts that leave late with CPU to
# spare mean every posting thread was waiting for an answer: the site's slowness (the rate offered fell), not the client's.
kept_up = all(c < 1.6 for c in readers_cpu) and all(c < 0.9 for c in beacons_cpu) and writers_cpu < 0.8
late = n["posts_late_p99_ms"] >= 250
views = va - vb
print(f"== {setup}: load average during the run {load}")
print(f"   CPU in cores: app {int(ticks) / 100 / float(seconds):.2f} (and {int(waited) / 1000 / float(seconds):.2f} more runnable but waiting for a core); clients: readers' wrk {'+'.join(f'{c:.2f}' for c in readers_cpu)}, beacons' wrk {'+'.join(f'{c:.2f}' for c in beacons_cpu)}, commenter/editor/watcher (python) {writers_cpu:.2f}; posts left late p50 {n['posts_late_p50_ms']} ms, p99 {n['posts_late_p99_ms']} ms: {'the clients had CPU to spare' if kept_up else 'A CLIENT RAN OUT OF CPU: its latencies are not the site figures'}{'; posts left late because every posting thread was waiting for an answer (the offered rate fell with the site)' if kept_up and late else ''}")
print(f"   page reads {rps:.0f}/s, p50 {max(p50s):.1f} ms, p99 {max(p99s):.1f} ms (worst node); socket errors {errs}, non-2xx {non2xx}")
print(f"   view beacons: {sent} answered 204, the database counted {views} ({'none lost' if views >= sent else f'{sent - views} LOST'}; up to {beacon_conns} in flight at wrk's stop are counted but not seen by wrk)")
print(f"   comments: {n['comments_acknowledged']} acknowledged of {n['comments_due']} due ({n['comment_rate']}/s, p50 {n['comment_p50_ms']} ms, p99 {n['comment_p99_ms']} ms), refused {n['comments_refused']}, failed {n['comments_failed']}; in the database {counted} ({'none lost' if counted >= n['comments_acknowledged'] else 'LOST ' + str(n['comments_acknowledged'] - counted)})")
print(f"   publications {n['publications']} (failed {n['publish_failures']}): first on the home page p50 {n['first_seen_p50_ms']} ms, max {n['first_seen_max_ms']} ms after the commit; {n['never_seen']} never seen; home reads started 1 s or more after a commit that showed it: {n['shown_within_1s_share']} of {n['reads_after_1s']}")
PY
}

if [ "$NODES" = one ] || [ "$NODES" = both ]; then
  echo "== one node (SQLite), $N demo articles"
  data="$root/bench/results/election-data-$N"
  rm -rf "$data"
  node 5170 "$out/one-node.log" Broadsheet__DataDirectory="$data"
  link=$(grep -o 'can set one at [^ ]* (valid' "$out/one-node.log" | head -n 1 | awk '{print $5}')
  python3 bench/newsroom.py setup http://127.0.0.1:5170 "$link" "$PASSWORD"
  db=$(find "$data" -name broadsheet.db | head -n 1)
  night one-node "sqlite3 $db" 5170
  stop_nodes
fi

if [ "$NODES" = two ] || [ "$NODES" = both ]; then
  echo "== two nodes (PostgreSQL + Redis), $N demo articles"
  name=bench_election_night
  psql "postgresql://postgres@127.0.0.1:55432/postgres" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
  redis-cli -p 56379 -n 13 flushdb >/dev/null
  for port in 5170 5171; do
    node "$port" "$out/node-$port.log" Broadsheet__Database=postgres Broadsheet__Redis="$REDIS" \
      ConnectionStrings__Broadsheet="$PG;Database=$name;Maximum Pool Size=64" Broadsheet__DataDirectory="$out/data-$port"
  done
  link=$(grep -o 'can set one at [^ ]* (valid' "$out/node-5170.log" | head -n 1 | awk '{print $5}')
  python3 bench/newsroom.py setup http://127.0.0.1:5170 "$link" "$PASSWORD"
  night two-nodes "psql postgresql://postgres@127.0.0.1:55432/$name -Atc" 5170 5171
  stop_nodes
fi
echo "raw results in $out"
