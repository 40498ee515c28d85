#!/usr/bin/env bash
# The archive at two sizes, page by page, uncached: is each page's p50 at the large size within 1.5x
# of the small one's? Not a test: it measures and prints. Rounds alternate the sizes so that the
# machine's load (shared, often busy) falls on both alike; the figures are medians over the rounds.
#
#   bench/scale.sh SMALL_DIR LARGE_DIR                 SQLite data folders grown by bench/archive.py
#   bench/scale.sh postgres:SMALL postgres:LARGE       PostgreSQL databases grown by bench/archive.py
#
# SQLite: build each folder's search index first (`dotnet Broadsheet.dll reindex` with its Broadsheet__DataDirectory),
# or keep the app's indexer out of it (hold DIR/search-index.lock, e.g. `flock DIR/search-index.lock sleep 3600`):
# otherwise the app catches up with every article the generator added while the pages are being measured.
#
# PostgreSQL: the app runs with Broadsheet__Database=postgres on the server PGHOST/PGPORT/PGUSER name (default
# 127.0.0.1:55432, postgres: tests/services/start.sh) and, as its data folder (keys, the demo pictures),
# PG_DATA_ROOT/NAME (default /tmp/NAME), the folder the database was seeded with. The recipe (bench/archive.py's
# header says why each step):
#
#   export PGHOST=127.0.0.1 PGPORT=55432 PGUSER=postgres
#   (cd src/Broadsheet && ASPNETCORE_ENVIRONMENT=Production Broadsheet__Database=postgres \
#     ConnectionStrings__Broadsheet="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=bench_demo" \
#     Broadsheet__DataDirectory=/tmp/bench_demo Broadsheet__SeedDemo=true Broadsheet__DemoArticles=200 \
#     exec dotnet bin/Release/net10.0/Broadsheet.dll --urls http://127.0.0.1:5291) > /tmp/bench_demo.log 2>&1 & app=$!
#   until curl -fs -o /dev/null http://127.0.0.1:5291/; do sleep 1; done
#   pictures=/tmp/bench_demo/media/demo
#   until [ "$(ls $pictures/*.avif 2>/dev/null | wc -l)" -ge "$(ls $pictures/figure-*w.jpg | wc -l)" ]; do sleep 2; done
#   kill $app; wait $app
#   for size in k10:9800 m1:999800; do name=${size%%:*}
#     psql -c "CREATE DATABASE $name TEMPLATE bench_demo" && cp -a /tmp/bench_demo /tmp/$name &&
#       python3 bench/archive.py postgres:$name ${size#*:}
#   done
#   bench/scale.sh postgres:k10 postgres:m1
#
# Nothing at start catches up with the archive there: search is the database's own (no Lucene
# index, no indexer), the spelling words are read only by a search, and bench/archive.py leaves the tables
# vacuumed and analysed, so autovacuum has nothing to do while pages are measured. The database's work is done in
# its server's processes, not the app's: db_cpu_ms is the CPU of the backends serving NAME over the same run
# (read from /proc, so only for a server on this machine); the app's cpu_ms alone is not comparable with SQLite's.
# The server is shared: a bench on another of its databases takes its cores too.
#
# Settings (environment): R rounds (3), DURATION (5s), WARMUP (2s), CONNECTIONS (8), PORT (5192), DLL (the
# Release build in src/; a copy elsewhere lets a build run meanwhile), PG_DATA_ROOT (/tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
R=${R:-3}; DURATION=${DURATION:-5s}; WARMUP=${WARMUP:-2s}; CONNECTIONS=${CONNECTIONS:-8}; PORT=${PORT:-5192}
dll="${DLL:-$PWD/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll}"
origin="http://127.0.0.1:$PORT"
out="bench/results/scale-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
app_pid=""
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
trap stop_app EXIT
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
PG_DATA_ROOT=${PG_DATA_ROOT:-/tmp}
for target in "$@"; do
  case $target in
    postgres:*) [ -d "$PG_DATA_ROOT/${target#postgres:}" ] || { echo "No data folder $PG_DATA_ROOT/${target#postgres:} for $target (the seeding run's Broadsheet__DataDirectory; see bench/archive.py)" >&2; exit 1; } ;;
    *) [ -f "$target/broadsheet.db" ] || { echo "No $target/broadsheet.db" >&2; exit 1; } ;;
  esac
done
articles() {
  case $1 in
    postgres:*) psql -X -At -d "${1#postgres:}" -c 'SELECT COUNT(*) FROM "Articles"' ;;
    *) sqlite3 "$1/broadsheet.db" 'SELECT COUNT(*) FROM "Articles"' ;;
  esac
}

# pages TARGET: the paths measured, found in the target's own database (through bench/archive.py's reader, the same
# SQL on both: timestamps come back as UTC text from either). "Deep" is 1,000 pages of 20 in (keyset links, as a
# reader following "older" reaches them), or the listing's last page when it is shorter than that. The month
# archive, its 15th day and its sitemap are a month that bench/archive.py filled (300 articles a day).
pages() {
  python3 - "$1" <<'PY'
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
sys.path.insert(0, "bench")
from archive import open_database
db = open_database(sys.argv[1])
def one(sql): return db.rows(sql)[0]
def key(row): return row[0][:19].replace("-", "").replace(":", "").replace(" ", "T") + "-" + str(row[1])
slug, at = one("""SELECT "Slug", "PublishedAt" FROM "Articles" WHERE "Status" = 'Published' ORDER BY "PublishedAt" DESC LIMIT 1 OFFSET 5""")
# Dated in the site's time zone, as ArticleUrl does: the UTC date of an evening article is answered with a redirect.
try: zone = ZoneInfo(one("""SELECT "TimeZoneId" FROM "SiteSettings" ORDER BY "Id" LIMIT 1""")[0])
except Exception: zone = timezone.utc
local = datetime.fromisoformat(at[:19]).replace(tzinfo=timezone.utc).astimezone(zone)
print("article", f"/{local:%Y/%m/%d}/{slug}")
print("home", "/")
def deep(table, column, sid):
    n, = one(f"""SELECT COUNT(*) AS "N" FROM "{table}" WHERE "{column}" = {int(sid)}""")
    return one(f"""SELECT a."PublishedAt", a."Id" FROM "Articles" a JOIN "{table}" x ON x."ArticleId" = a."Id" WHERE x."{column}" = {int(sid)}
                   AND a."Status" = 'Published' ORDER BY a."PublishedAt" DESC, a."Id" DESC LIMIT 1 OFFSET {max(0, min(20000, n - 21))}""")
def busiest(table, join):
    return one(f"""SELECT t."Id", t."Slug" FROM "{table}" t JOIN "Article{table}" x ON x."{join}" = t."Id" GROUP BY t."Id"
                   ORDER BY COUNT(*) DESC, t."Id" LIMIT 1""")
rid, rslug = busiest("Rubrics", "RubricId")
print("rubric", f"/rubric/{rslug}")
print("rubric-deep", f"/rubric/{rslug}?before={key(deep('ArticleRubrics', 'RubricId', rid))}")
tid, tslug = busiest("Tags", "TagId")
print("tag", f"/tag/{tslug}")
print("tag-deep", f"/tag/{tslug}?before={key(deep('ArticleTags', 'TagId', tid))}")
# A month of the generated archive: 5,000 articles back is about 17 days before the demo's oldest, at either size.
month_at, = one("""SELECT "PublishedAt" FROM "Articles" WHERE "Status" = 'Published' ORDER BY "PublishedAt" DESC LIMIT 1 OFFSET 5000""")
y, m = int(month_at[:4]), int(month_at[5:7])
print("month", f"/{y}/{m:02d}")
print("day", f"/{y}/{m:02d}/15")
print("rss", "/feed")
print("atom", "/feed/atom")
print("rubric-rss", f"/rubric/{rslug}/feed")
print("sitemap-index", "/sitemap.xml")
print("sitemap-month", f"/sitemaps/articles-{y}-{m:02d}-1.xml")
print("sitemap-news", "/sitemap-news.xml")
PY
}

printf "round\tsize\tpage\trps\tp50_ms\tp99_ms\tnon2xx\tload\tcpu_ms\tdb_cpu_ms\n" > "$out/results.tsv"
printf "round\tsize\tfirst_page_s\tfirst_page_cpu_s\trss_mb\tload\n" > "$out/process.tsv"
# The app's CPU time so far (user + system, clock ticks): per request, a figure the machine's load inflates far less than latency.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# "pid ticks" of each PostgreSQL backend serving the target's database (none for SQLite). Per backend, so that one
# the app's pool opens during a run counts from nothing rather than upsetting a total.
backend_ticks() {
  case $1 in
    postgres:*) psql -X -At -d "${1#postgres:}" -c "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()" |
      while read -r pid; do [ -r "/proc/$pid/stat" ] && echo "$pid $(cpu_ticks "$pid")"; done || true ;;
  esac
}
for round in $(seq 1 "$R"); do
  for target in "$@"; do
    size=$(articles "$target")
    if [[ $target == postgres:* ]]; then
      settings=(Broadsheet__Database=postgres "ConnectionStrings__Broadsheet=Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=${target#postgres:}"
        Broadsheet__DataDirectory="$PG_DATA_ROOT/${target#postgres:}")
    else
      settings=(Broadsheet__DataDirectory="$(realpath "$target")")
    fi
    (cd src/Broadsheet && exec env ASPNETCORE_ENVIRONMENT=Production Broadsheet__PageCache=false "${settings[@]}" \
      dotnet "$dll" --urls "$origin") > "$out/app-$round-$size.log" 2>&1 &
    app_pid=$!
    started=$(date +%s.%N)
    # A long timeout: a first page cut off and asked again would start its cold loads over and over.
    until curl -fs -o /dev/null --max-time 120 "$origin/"; do sleep 0.2; done
    first_page=$(echo "$(date +%s.%N) - $started" | bc)
    first_page_cpu=$(echo "scale=2; $(cpu_ticks "$app_pid") / $(getconf CLK_TCK)" | bc)
    echo "round $round, $size articles: first page after $first_page s, load $(cut -d' ' -f1 /proc/loadavg)"
    pages "$target" > "$out/pages-$size.txt"
    # Each page once before any is measured: the first request of each pays for its JIT and cold loads.
    # Anything but a 200 is a failure: wrk counts a redirect as a success, and would measure the redirect.
    while read -r name path; do
      status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 120 "$origin$path" || true)
      [ "$status" = 200 ] || echo "   $name: $path failed ($status)"
    done < "$out/pages-$size.txt"
    while read -r name path; do
      wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$origin$path" > /dev/null
      before=$(cpu_ticks "$app_pid"); db_before=$(backend_ticks "$target")
      wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 20s --latency "$origin$path" > "$out/wrk-$round-$size-$name.txt"
      ticks=$(( $(cpu_ticks "$app_pid") - before ))
      db_ticks=$(awk 'NR == FNR { before[$1] = $2; next } { sum += $2 - before[$1] } END { print sum + 0 }' \
        <(echo "$db_before") <(backend_ticks "$target"))
      awk -v r="$round" -v s="$size" -v n="$name" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v ticks="$ticks" -v db_ticks="$db_ticks" -v hz="$(getconf CLK_TCK)" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec:/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF } / requests in / { reqs = $1 }
        END { printf "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%d\t%s\t%.3f\t%.3f\n", r, s, n, rps, p50, p99, bad, load,
              reqs ? ticks * 1000 / hz / reqs : 0, reqs ? db_ticks * 1000 / hz / reqs : 0 }' "$out/wrk-$round-$size-$name.txt" | tee -a "$out/results.tsv"
    done < "$out/pages-$size.txt"
    rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' /proc/$app_pid/status)
    echo "   RSS $rss MB" 
    printf "%s\t%s\t%s\t%s\t%s\t%s\n" "$round" "$size" "$first_page" "$first_page_cpu" "$rss" "$(cut -d' ' -f1 /proc/loadavg)" >> "$out/process.tsv"
    stop_app
  done
done
python3 - "$out/results.tsv" "$out/process.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
process = list(csv.DictReader(open(sys.argv[2]), delimiter="\t"))
sizes = sorted({int(r["size"]) for r in rows})
pages = list(dict.fromkeys(r["page"] for r in rows))
med = lambda size, page, col: statistics.median(float(r[col]) for r in rows if int(r["size"]) == size and r["page"] == page)
columns = ["p50_ms", "cpu_ms"] + (["db_cpu_ms"] if any(float(r["db_cpu_ms"]) for r in rows) else [])
title = {"p50_ms": "p50 ms", "cpu_ms": "CPU ms/req", "db_cpu_ms": "DB CPU ms/req"}
print("| page | " + " | ".join(" | ".join(f"{title[c]} at {s:,}" for s in sizes) + f" | × ({sizes[-1]:,} / {sizes[0]:,})"
                               for c in columns) + " |")
print("|---|" + "---:|" * (len(columns) * (len(sizes) + 1)))
for p in pages:
    print(f"| {p} | " + " | ".join(" | ".join(f"{med(s, p, c):.2f}" for s in sizes)
                                   + f" | {med(sizes[-1], p, c) / max(med(sizes[0], p, c), 0.001):.2f}" for c in columns) + " |")
loads = sorted(float(r["load"]) for r in rows)
print(f"load average while measuring: {loads[0]:.1f}-{loads[-1]:.1f} (median {statistics.median(loads):.1f})")
for s in sizes:
    mine = [r for r in process if int(r["size"]) == s]
    print(f"{s:,} articles: first page after " + ", ".join(f"{float(r['first_page_s']):.2f}" for r in mine)
          + " s (app CPU by then " + ", ".join(r["first_page_cpu_s"] for r in mine) + " s); RSS after the run " + ", ".join(r["rss_mb"] for r in mine) + " MB (rounds; load " + ", ".join(r["load"] for r in mine) + ")")
PY
echo "raw results in $out"
