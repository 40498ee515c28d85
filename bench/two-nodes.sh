#!/usr/bin/env bash
# Two web nodes over one PostgreSQL and one Redis, on this machine, driven by wrk on loopback.
# Not a test: it measures and prints. Compares, in one run:
#   one node on PostgreSQL+Redis  vs  two nodes (wrk split evenly between them)
# for the article page and the home page (page cache on), and the view-beacon ingest rate, then
# checks that every beacon wrk got a 204 for was counted once in the database.
#
#   N=2000 DURATION=10s bench/two-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
N=${N:-2000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PG="Host=127.0.0.1;Port=55432;Username=postgres"
REDIS="127.0.0.1:56379,defaultDatabase=9,allowAdmin=true"
out="$root/bench/results/two-nodes-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
tests/services/start.sh >/dev/null
dotnet build src/Broadsheet -c Release 2>&1 | tail -n 1
dll="$root/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll"
db="bench_two_nodes_$N"
redis-cli -p 56379 -n 9 flushdb >/dev/null

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

node() { # node PORT LOG
  (cd "$root/src/Broadsheet" && ASPNETCORE_ENVIRONMENT=Production Broadsheet__Database=postgres \
    ConnectionStrings__Broadsheet="$PG;Database=$db;Maximum Pool Size=64" Broadsheet__Redis="$REDIS" \
    Broadsheet__DataDirectory="$out/data-$1" Broadsheet__DemoArticles="$N" Broadsheet__ViewFlushSeconds=2 \
    exec dotnet "$dll" --urls "http://127.0.0.1:$1") > "$2" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 1200); do curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$1/healthz" && return 0; sleep 0.5; done
  echo "node on $1 did not start"; tail -n 20 "$2"; exit 1
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '/ 99%/ {print $2}' "$1"; }

node 5201 "$out/node-a.log"
article=$(curl -fs http://127.0.0.1:5201/ | grep -o 'href="/20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[^"]*"' | sed -n '1p' | cut -d'"' -f2)
echo "article: $article"

run() { # LABEL PATH PORTS...
  local label=$1 path=$2; shift 2
  local per=$((CONNECTIONS / $#)) files=() waits=()
  for port in "$@"; do wrk -t1 -c"$per" -d3s "http://127.0.0.1:$port$path" >/dev/null; done
  for port in "$@"; do
    wrk -t1 -c"$per" -d"$DURATION" --latency "http://127.0.0.1:$port$path" > "$out/$label-$port.txt" &
    waits+=($!); files+=("$out/$label-$port.txt")
  done
  wait "${waits[@]}"
  local total=0
  for f in "${files[@]}"; do total=$(awk -v a="$total" -v b="$(rps "$f")" 'BEGIN {print a + b}'); done
  printf '%-28s %10.0f req/s   p99 %s\n' "$label" "$total" "$(p99 "${files[0]}")"
}

echo "== one node (PostgreSQL + Redis)"
run one-node-article "$article" 5201
run one-node-home / 5201
node 5202 "$out/node-b.log"
echo "== two nodes (PostgreSQL + Redis)"
run two-nodes-article "$article" 5201 5202
run two-nodes-home / 5201 5202

echo "== view beacons on both nodes"
id=$(curl -fs "http://127.0.0.1:5201$article" | grep -o 'data-article-id="[0-9]*"' | sed -n '1p' | grep -o '[0-9]*')
before=$(psql "postgresql://postgres@127.0.0.1:55432/$db" -Atc "SELECT \"ViewCount\" FROM \"Articles\" WHERE \"Id\" = $id")
cat > "$out/beacon.lua" <<'LUA'
-- Every request is a different reader: the user agent carries this wrk's name (its node's port) and a counter.
local n, name = 0, "?"
init = function(args) name = args[1] or "?" end
request = function()
  n = n + 1
  return wrk.format("POST", nil, { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) bench/" .. name .. "-" .. n })
end
done = function(summary) io.write(string.format("sent %d non2xx %d\n", summary.requests, summary.errors.status)) end
LUA
waits=()
for port in 5201 5202; do
  wrk -t1 -c$((CONNECTIONS / 2)) -d"$DURATION" --timeout 5s -s "$out/beacon.lua" "http://127.0.0.1:$port/api/views/$id" -- "$port" > "$out/beacons-$port.txt" &
  waits+=($!)
done
wait "${waits[@]}"
sent=0; rate=0
for port in 5201 5202; do
  sent=$((sent + $(awk '/^sent/ {print $2}' "$out/beacons-$port.txt")))
  rate=$(awk -v a="$rate" -v b="$(rps "$out/beacons-$port.txt")" 'BEGIN {print a + b}')
done
sleep 8
after=$(psql "postgresql://postgres@127.0.0.1:55432/$db" -Atc "SELECT \"ViewCount\" FROM \"Articles\" WHERE \"Id\" = $id")
# wrk stops with up to one request in flight per connection: the server answers (and counts) those, wrk does not.
counted=$((after - before))
printf 'beacons: %.0f/s on two nodes; wrk saw %d answered, the database counted %d (%s)\n' "$rate" "$sent" "$counted" \
  "$([ "$counted" -ge "$sent" ] && [ "$counted" -le $((sent + CONNECTIONS)) ] && echo "exact, within the $CONNECTIONS requests in flight at the stop" || echo MISMATCH)"
echo "raw output: $out"
