#!/usr/bin/env bash
# Load benchmark of the reader pages, on loopback, with wrk. Not a test: it measures and reports.
#
#   bench/run.sh            N=10000 articles, R=3 repetitions, medians written to docs/PERFORMANCE.md
#   N=2000 R=1 bench/run.sh a quicker look
#
# Settings (environment): N articles, R repetitions, PORT, THREADS, CONNECTIONS, DURATION, WARMUP,
# DEPTH (pages to follow into the tag listing), REPORT (where the table goes; empty for none).
#
# Each repetition starts the app in Production with the page cache on, runs wrk against the static
# ceiling, an article, the home page and a tag page DEPTH pages deep, reads the app's RSS, then does
# the same with Broadsheet__PageCache=false. The ceiling is the article's own HTML saved as a static
# file and served by the same process, so the ratio says what rendering costs over sending bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

N=${N:-10000}
R=${R:-3}
PORT=${PORT:-5104}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
DEPTH=${DEPTH:-25}
REPORT=${REPORT-docs/PERFORMANCE.md}

origin="http://127.0.0.1:$PORT"
data="$root/bench/results/data-$N"
out="$root/bench/results/run-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$data" "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== building src/Broadsheet (Release)"
dotnet build src/Broadsheet -c Release -warnaserror 2>&1 | tail -n 2
dll="$root/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll"

app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
trap stop_app EXIT

# start_app CACHE LOG: the app over the bench data folder; the first start seeds N articles, which takes a while.
start_app() {
  (cd "$root/src/Broadsheet" && ASPNETCORE_ENVIRONMENT=Production \
    Broadsheet__DataDirectory="$data" Broadsheet__DemoArticles="$N" Broadsheet__PageCache="$1" \
    exec dotnet "$dll" --urls "$origin") > "$2" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 2400); do
    if curl -fs -o /dev/null --max-time 5 "$origin/" 2>/dev/null; then return 0; fi
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited:"; tail -n 30 "$2"; exit 1; }
    sleep 0.5
  done
  echo "the app did not answer within 20 minutes"; exit 1
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$app_pid/status"; }

# measure REP MODE NAME PATH: one wrk run after a warmup, appended to results.tsv as ms and req/s.
measure() {
  local url="$origin$4"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url" > "$out/wrk-$1-$2-$3.txt"
  awk -v rep="$1" -v mode="$2" -v name="$3" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    END { printf "%s\t%s\t%s\t%s\t%.3f\t%.3f\t%d\n", rep, mode, name, rps, p50, p99, bad }' \
    "$out/wrk-$1-$2-$3.txt" | tee -a "$out/results.tsv"
}

echo "== first start over $data (seeds $N articles if the folder is new)"
started=$(date +%s)
start_app true "$out/app-seed.log"
echo "   answering after $(( $(date +%s) - started )) s"

home=$(curl -fsS "$origin/")
article=$(python3 bench/pagelinks.py first-article <<< "$home")
article_html=$(curl -fsS "$origin$article")
tag=$(python3 bench/pagelinks.py first-tag <<< "$article_html")
deep="$tag"
depth=0
while [ "$depth" -lt "$DEPTH" ]; do
  older=$(curl -fsS "$origin$deep" | python3 bench/pagelinks.py older)
  [ -n "$older" ] || break
  deep="$tag$older"
  depth=$((depth + 1))
done
curl -fsS -o "$data/media/bench-article.html" "$origin$article"
ceiling=/media/bench-article.html
echo "   article $article"
echo "   tag     $deep ($depth pages deep)"

# Page weight as a reader's browser gets it: the document and its css and js, compressed; images aside.
weight=0
for path in "$article" $(python3 bench/pagelinks.py assets <<< "$article_html"); do
  size=$(curl -fsS --compressed -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download} %{size_header}' "$origin$path" | awk '{print $1 + $2}')
  echo "   weight  $path $size B"
  weight=$((weight + size))
done
article_raw=$(wc -c < "$data/media/bench-article.html")
stop_app

printf "rep\tmode\tpage\trps\tp50_ms\tp99_ms\tnon2xx\n" > "$out/results.tsv"
printf "rep\tmode\trss_kb\n" > "$out/memory.tsv"
for rep in $(seq 1 "$R"); do
  for mode in cached uncached; do
    echo "== repetition $rep of $R, page cache $mode"
    start_app "$([ "$mode" = cached ] && echo true || echo false)" "$out/app-$rep-$mode.log"
    measure "$rep" "$mode" ceiling "$ceiling"
    measure "$rep" "$mode" article "$article"
    measure "$rep" "$mode" home /
    measure "$rep" "$mode" tag "$deep"
    printf "%s\t%s\t%s\n" "$rep" "$mode" "$(rss_kb)" | tee -a "$out/memory.tsv"
    stop_app
  done
done

python3 bench/report.py "$out" "$N" "$R" "$article" "$deep" "$depth" "$weight" "$article_raw" \
  "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warmup)" "${REPORT:-}"
echo "raw results in $out"
