#!/usr/bin/env bash
# The archive at two sizes, page by page, uncached: is each page's p50 at the large size within 1.5x
# of the small one's? Not a test: it measures and prints. Rounds alternate the sizes so that the
# machine's load (shared, often busy) falls on both alike; the figures are medians over the rounds.
#
#   bench/scale.sh SMALL_DIR LARGE_DIR     data folders grown by bench/archive.py
#
# Settings (environment): R rounds (3), DURATION (5s), WARMUP (2s), CONNECTIONS (8), PORT (5192).
set -euo pipefail
cd "$(dirname "$0")/.."
R=${R:-3}; DURATION=${DURATION:-5s}; WARMUP=${WARMUP:-2s}; CONNECTIONS=${CONNECTIONS:-8}; PORT=${PORT:-5192}
dll="$PWD/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll"
origin="http://127.0.0.1:$PORT"
out="bench/results/scale-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
app_pid=""
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
trap stop_app EXIT

# pages DIR: the paths measured, found in the folder's own database.
pages() {
  python3 - "$1/broadsheet.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def key(row): return row[0][:19].replace("-", "").replace(":", "").replace(" ", "T") + "-" + str(row[1])
slug, at = db.execute("SELECT Slug, PublishedAt FROM Articles WHERE Status='Published' ORDER BY PublishedAt DESC LIMIT 1 OFFSET 5").fetchone()
print("article", f"/{at[:4]}/{at[5:7]}/{at[8:10]}/{slug}")
print("home", "/")
rid, rslug = db.execute("SELECT r.Id, r.Slug FROM Rubrics r JOIN ArticleRubrics x ON x.RubricId = r.Id GROUP BY r.Id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
n = db.execute("SELECT COUNT(*) FROM ArticleRubrics WHERE RubricId = ?", (rid,)).fetchone()[0]
print("rubric", f"/rubric/{rslug}")
deep = db.execute("SELECT a.PublishedAt, a.Id FROM Articles a JOIN ArticleRubrics x ON x.ArticleId = a.Id WHERE x.RubricId = ? AND a.Status='Published' "
                  "ORDER BY a.PublishedAt DESC, a.Id DESC LIMIT 1 OFFSET ?", (rid, min(20000, n - 21))).fetchone()
print("rubric-deep", f"/rubric/{rslug}?before={key(deep)}")
tslug, = db.execute("SELECT t.Slug FROM Tags t JOIN ArticleTags x ON x.TagId = t.Id GROUP BY t.Id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
print("tag", f"/tag/{tslug}")
print("month", f"/{at[:4]}/{at[5:7]}")
print("day", f"/{at[:4]}/{at[5:7]}/{at[8:10]}")
print("sitemap-index", "/sitemap.xml")
print("sitemap-month", f"/sitemaps/articles-{at[:4]}-{at[5:7]}-1.xml")
print("rss", "/feed")
PY
}

printf "round\tsize\tpage\trps\tp50_ms\tp99_ms\tnon2xx\n" > "$out/results.tsv"
for round in $(seq 1 "$R"); do
  for dir in "$@"; do
    size=$(sqlite3 "$dir/broadsheet.db" "SELECT COUNT(*) FROM Articles")
    (cd src/Broadsheet && ASPNETCORE_ENVIRONMENT=Production Broadsheet__DataDirectory="$dir" Broadsheet__PageCache=false \
      exec dotnet "$dll" --urls "$origin") > "$out/app-$round-$size.log" 2>&1 &
    app_pid=$!
    started=$(date +%s.%N)
    until curl -fs -o /dev/null --max-time 5 "$origin/"; do sleep 0.2; done
    echo "round $round, $size articles: first page after $(echo "$(date +%s.%N) - $started" | bc) s, load $(cut -d' ' -f1 /proc/loadavg)"
    while read -r name path; do
      wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$origin$path" > /dev/null
      wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$origin$path" > "$out/wrk-$round-$size-$name.txt"
      awk -v r="$round" -v s="$size" -v n="$name" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec:/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF }
        END { printf "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%d\n", r, s, n, rps, p50, p99, bad }' "$out/wrk-$round-$size-$name.txt" | tee -a "$out/results.tsv"
    done < <(pages "$dir")
    echo "   RSS $(awk '/^VmRSS:/ {print $2}' /proc/$app_pid/status) kB" | tee -a "$out/memory.txt"
    stop_app
  done
done
python3 - "$out/results.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
sizes = sorted({int(r["size"]) for r in rows})
pages = list(dict.fromkeys(r["page"] for r in rows))
med = lambda size, page, col: statistics.median(float(r[col]) for r in rows if int(r["size"]) == size and r["page"] == page)
print("| page | " + " | ".join(f"p50 ms at {s:,}" for s in sizes) + f" | × ({sizes[-1]:,} / {sizes[0]:,}) | req/s at {sizes[-1]:,} |")
print("|---|" + "---:|" * (len(sizes) + 2))
for p in pages:
    print(f"| {p} | " + " | ".join(f"{med(s, p, 'p50_ms'):.2f}" for s in sizes)
          + f" | {med(sizes[-1], p, 'p50_ms') / med(sizes[0], p, 'p50_ms'):.2f} | {med(sizes[-1], p, 'rps'):,.0f} |")
PY
echo "raw results in $out"
