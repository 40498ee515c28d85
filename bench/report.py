#!/usr/bin/env python3
"""Turns a bench/run.sh run folder into the medians table, printed and written to docs/PERFORMANCE.md."""
import csv
import os
import platform
import statistics
import subprocess
import sys
from datetime import datetime, timezone

(out, n, r, article, deep, depth, weight, article_raw, wrk_line, report) = sys.argv[1:11]
n, r, depth, weight, article_raw = int(n), int(r), int(depth), int(weight), int(article_raw)

rows = list(csv.DictReader(open(os.path.join(out, "results.tsv")), delimiter="\t"))
memory = list(csv.DictReader(open(os.path.join(out, "memory.tsv")), delimiter="\t"))
pages = ["ceiling", "article", "home", "tag"]
labels = {"ceiling": "static ceiling (article HTML as a file)", "article": "article", "home": "home",
          "tag": f"tag, {depth} pages deep"}


def get(rep, mode, page):
    return next(x for x in rows if x["rep"] == rep and x["mode"] == mode and x["page"] == page)


def median(values):
    return statistics.median(values) if values else float("nan")


reps = sorted({x["rep"] for x in rows})
table = {}
for mode in ["cached", "uncached"]:
    for page in pages:
        rps, p50, p99, to_ceiling, to_article, bad = [], [], [], [], [], 0
        for rep in reps:
            x, c, a = get(rep, mode, page), get(rep, mode, "ceiling"), get(rep, mode, "article")
            rps.append(float(x["rps"]))
            p50.append(float(x["p50_ms"]))
            p99.append(float(x["p99_ms"]))
            to_ceiling.append(float(x["rps"]) / float(c["rps"]))
            to_article.append(float(x["p50_ms"]) / float(a["p50_ms"]))
            bad += int(x["non2xx"])
        table[(mode, page)] = dict(rps=median(rps), p50=median(p50), p99=median(p99),
                                   ceiling=median(to_ceiling), article=median(to_article), bad=bad)
rss = {mode: median([int(m["rss_kb"]) / 1024 for m in memory if m["mode"] == mode]) for mode in ["cached", "uncached"]}

lines = ["| page | page cache | req/s | × ceiling req/s | p50 ms | p99 ms | p50 × article p50 |",
         "|---|---|---:|---:|---:|---:|---:|"]
for mode in ["cached", "uncached"]:
    for page in pages:
        t = table[(mode, page)]
        bad = f" ({t['bad']} non-2xx!)" if t["bad"] else ""
        lines.append(f"| {labels[page]}{bad} | {'on' if mode == 'cached' else 'off'} | {t['rps']:,.0f} | {t['ceiling']:.2f} "
                     f"| {t['p50']:.2f} | {t['p99']:.2f} | {t['article']:.2f} |")
results = "\n".join(lines)


def verdict(ok):
    return "met" if ok else "**missed**"


targets = [
    ("article, page cache on: ≥ 0.7 of the ceiling's req/s", f"{table[('cached', 'article')]['ceiling']:.2f}", table[("cached", "article")]["ceiling"] >= 0.7),
    ("article, page cache off: ≥ 0.15 of the ceiling's req/s", f"{table[('uncached', 'article')]['ceiling']:.2f}", table[("uncached", "article")]["ceiling"] >= 0.15),
]
for mode in ["cached", "uncached"]:
    for page in ["home", "tag"]:
        v = table[(mode, page)]["article"]
        targets.append((f"{labels[page]}, page cache {'on' if mode == 'cached' else 'off'}: p50 ≤ 2× the article's", f"{v:.2f}×", v <= 2))
worst_rss = max(rss.values())
targets.append((f"memory (RSS after the runs) < 300 MB at {n:,} articles", f"{rss['cached']:.0f} MB cached, {rss['uncached']:.0f} MB uncached", worst_rss < 300))
targets.append(("article page weight ≤ 60 KB compressed, images aside", f"{weight / 1024:.1f} KB ({article_raw / 1024:.1f} KB of HTML uncompressed)", weight <= 60 * 1024))
target_lines = ["| target | measured (median) | |", "|---|---|---|"] + [f"| {a} | {b} | {verdict(c)} |" for a, b, c in targets]


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return "?"


mem_gib = int(sh("awk '/MemTotal/ {print $2}' /proc/meminfo") or 0) // 1024 // 1024
wrk_version = sh("wrk --version 2>&1 | head -n1").split(" [")[0]
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
machine = (f"{cpu or platform.processor()}, {os.cpu_count()} cores, "
           f"{mem_gib} GiB; "
           f"{platform.system()} {platform.release()}; .NET SDK {sh('dotnet --version')}; {wrk_version}")

doc = f"""# Performance

Measured by `bench/run.sh` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Figures are medians of {r} repetition(s).

## Method

- The app is built in Release and started as `dotnet Broadsheet.dll` in the Production environment on
  127.0.0.1, over a SQLite data folder seeded with the demo publication of **{n:,} articles**
  (`Broadsheet__DemoArticles`; the folder is kept in `bench/results/` and reused while N stays the same).
- Load: `{wrk_line}`, on loopback, one page at a time. wrk sends no `Accept-Encoding`, so every
  response, the ceiling included, goes out uncompressed.
- Pages: the **static ceiling** is the article's own HTML saved into the media folder and served by the
  same process at `/media/bench-article.html`: the cost of sending those bytes through the same
  middleware, with no rendering. Then the **article** (`{article}`), the **home** page, and a **tag**
  listing {depth} pages deep, reached by following its "older" links (`{deep}`).
- Each repetition runs the four pages with the page (output) cache on, reads the app's RSS from
  `/proc/PID/status` (VmRSS), restarts the app with `Broadsheet__PageCache=false` and does the same.
  Ratios are taken within a repetition (page against the ceiling measured minutes before it) and then
  their median is reported.
- Page weight: the article's document, stylesheet and scripts fetched with `Accept-Encoding: br, gzip`,
  headers and bodies added up, images aside.
- The raw wrk output of this run is in `{os.path.relpath(out)}` (not committed).

## Machine

{machine}. wrk and the app share the same cores, and on the machine these figures come from other
builds were running at the same time, so absolute figures are noisy; the ratios to the ceiling, measured
minutes apart in the same conditions, are the figures to compare.

## Results

{results}

RSS after the runs: {rss['cached']:.0f} MB with the page cache on, {rss['uncached']:.0f} MB with it off.

## Targets

{chr(10).join(target_lines)}
"""

print(results)
print()
print("\n".join(target_lines))
if report:
    os.makedirs(os.path.dirname(report) or ".", exist_ok=True)
    # What people wrote about the figures (the "Findings" section and after) survives a new run.
    if os.path.exists(report):
        previous = open(report).read()
        if "\n## Findings" in previous:
            doc += previous[previous.index("\n## Findings"):]
    with open(report, "w") as f:
        f.write(doc)
    print(f"\nwritten to {report}")
