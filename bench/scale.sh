#!/usr/bin/env bash
# The archive at two sizes, page by page, uncached: is each page's p50 at the large size within 1.5x
# of the small one's? Not a test: it measures and prints. Rounds alternate the sizes so that the
# machine's load (shared, often busy) falls on both alike; the figures are medians over the rounds.
#
#   bench/scale.sh SMALL_DIR LARGE_DIR     data folders grown by bench/archive.py
#
# Build each folder's search index first (`dotnet Broadsheet.dll reindex` with its Broadsheet__DataDirectory), or
# keep the app's indexer out of it (hold DIR/search-index.lock, e.g. `flock DIR/search-index.lock sleep 3600`):
# otherwise the app catches up with every article the generator added while the pages are being measured.
#
# Settings (environment): R rounds (3), DURATION (5s), WARMUP (2s), CONNECTIONS (8), PORT (5192), DLL (the
# Release build in src/; a copy elsewhere lets a build run meanwhile).
set -euo pipefail
cd "$(dirname "$0")/.."
R=${R:-3}; DURATION=${DURATION:-5s}; WARMUP=${WARMUP:-2s}; CONNECTIONS=${CONNECTIONS:-8}; PORT=${PORT:-5192}
dll="${DLL:-$PWD/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll}"
origin="http://127.0.0.1:$PORT"
out="bench/results/scale-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$out"
app_pid=""
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
trap stop_app EXIT

# pages DIR: the paths measured, found in the folder's own database. "Deep" is 1,000 pages of 20 in (keyset
# links, as a reader following "older" reaches them), or the listing's last page when it is shorter than that.
# The month archive, its 15th day and its sitemap are a month that bench/archive.py filled (300 articles a day).
pages() {
  python3 - "$1/broadsheet.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def key(row): return row[0][:19].replace("-", "").replace(":", "").replace(" ", "T") + "-" + str(row[1])
slug, at = db.execute("SELECT Slug, PublishedAt FROM Articles WHERE Status='Published' ORDER BY PublishedAt DESC LIMIT 1 OFFSET 5").fetchone()
print("article", f"/{at[:4]}/{at[5:7]}/{at[8:10]}/{slug}")
print("home", "/")
def deep(kind, table, column, sid):
    n = db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (sid,)).fetchone()[0]
    return db.execute(f"SELECT a.PublishedAt, a.Id FROM Articles a JOIN {table} x ON x.ArticleId = a.Id WHERE x.{column} = ? "
                      "AND a.Status='Published' ORDER BY a.PublishedAt DESC, a.Id DESC LIMIT 1 OFFSET ?", (sid, min(20000, n - 21))).fetchone()
rid, rslug = db.execute("SELECT r.Id, r.Slug FROM Rubrics r JOIN ArticleRubrics x ON x.RubricId = r.Id GROUP BY r.Id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
print("rubric", f"/rubric/{rslug}")
print("rubric-deep", f"/rubric/{rslug}?before={key(deep('rubric', 'ArticleRubrics', 'RubricId', rid))}")
tid, tslug = db.execute("SELECT t.Id, t.Slug FROM Tags t JOIN ArticleTags x ON x.TagId = t.Id GROUP BY t.Id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
print("tag", f"/tag/{tslug}")
print("tag-deep", f"/tag/{tslug}?before={key(deep('tag', 'ArticleTags', 'TagId', tid))}")
# A month of the generated archive: 5,000 articles back is about 17 days before the demo's oldest, at either size.
month_at, = db.execute("SELECT PublishedAt FROM Articles WHERE Status='Published' ORDER BY PublishedAt DESC LIMIT 1 OFFSET 5000").fetchone()
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

printf "round\tsize\tpage\trps\tp50_ms\tp99_ms\tnon2xx\tload\tcpu_ms\n" > "$out/results.tsv"
printf "round\tsize\tfirst_page_s\tfirst_page_cpu_s\trss_mb\tload\n" > "$out/process.tsv"
# The app's CPU time so far (user + system, clock ticks): per request, a figure the machine's load inflates far less than latency.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for round in $(seq 1 "$R"); do
  for dir in "$@"; do
    size=$(sqlite3 "$dir/broadsheet.db" "SELECT COUNT(*) FROM Articles")
    (cd src/Broadsheet && ASPNETCORE_ENVIRONMENT=Production Broadsheet__DataDirectory="$dir" Broadsheet__PageCache=false \
      exec dotnet "$dll" --urls "$origin") > "$out/app-$round-$size.log" 2>&1 &
    app_pid=$!
    started=$(date +%s.%N)
    # A long timeout: a first page cut off and asked again would start its cold loads over and over.
    until curl -fs -o /dev/null --max-time 120 "$origin/"; do sleep 0.2; done
    first_page=$(echo "$(date +%s.%N) - $started" | bc)
    first_page_cpu=$(echo "scale=2; $(cpu_ticks "$app_pid") / $(getconf CLK_TCK)" | bc)
    echo "round $round, $size articles: first page after $first_page s, load $(cut -d' ' -f1 /proc/loadavg)"
    pages "$dir" > "$out/pages-$size.txt"
    # Each page once before any is measured: the first request of each pays for its JIT and cold loads.
    while read -r name path; do curl -fs -o /dev/null --max-time 120 "$origin$path" || echo "   $name: $path failed"; done < "$out/pages-$size.txt"
    while read -r name path; do
      wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$origin$path" > /dev/null
      before=$(cpu_ticks "$app_pid")
      wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 20s --latency "$origin$path" > "$out/wrk-$round-$size-$name.txt"
      ticks=$(( $(cpu_ticks "$app_pid") - before ))
      awk -v r="$round" -v s="$size" -v n="$name" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec:/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF } / requests in / { reqs = $1 }
        END { printf "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%d\t%s\t%.3f\n", r, s, n, rps, p50, p99, bad, load, reqs ? ticks * 1000 / hz / reqs : 0 }' "$out/wrk-$round-$size-$name.txt" | tee -a "$out/results.tsv"
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
print("| page | " + " | ".join(f"p50 ms at {s:,}" for s in sizes) + f" | × ({sizes[-1]:,} / {sizes[0]:,}) | "
      + " | ".join(f"CPU ms/req at {s:,}" for s in sizes) + " | × CPU |")
print("|---|" + "---:|" * (2 * len(sizes) + 2))
for p in pages:
    print(f"| {p} | " + " | ".join(f"{med(s, p, 'p50_ms'):.2f}" for s in sizes)
          + f" | {med(sizes[-1], p, 'p50_ms') / max(med(sizes[0], p, 'p50_ms'), 0.001):.2f} | "
          + " | ".join(f"{med(s, p, 'cpu_ms'):.2f}" for s in sizes)
          + f" | {med(sizes[-1], p, 'cpu_ms') / max(med(sizes[0], p, 'cpu_ms'), 0.001):.2f} |")
loads = sorted(float(r["load"]) for r in rows)
print(f"load average while measuring: {loads[0]:.1f}-{loads[-1]:.1f} (median {statistics.median(loads):.1f})")
for s in sizes:
    mine = [r for r in process if int(r["size"]) == s]
    print(f"{s:,} articles: first page after " + ", ".join(f"{float(r['first_page_s']):.2f}" for r in mine)
          + " s (app CPU by then " + ", ".join(r["first_page_cpu_s"] for r in mine) + " s); RSS after the run " + ", ".join(r["rss_mb"] for r in mine) + " MB (rounds; load " + ", ".join(r["load"] for r in mine) + ")")
PY
echo "raw results in $out"
