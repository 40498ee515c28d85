#!/usr/bin/env python3
"""Grows a Broadsheet database into a large archive, fast, for the scale benches: a SQLite data folder or a
PostgreSQL database.

    python3 bench/archive.py DATA_DIR N [COMMENTS_PER_ARTICLE] [VIEW_DAYS] [VIEW_LIFE]
    python3 bench/archive.py postgres:DBNAME N [COMMENTS_PER_ARTICLE] [VIEW_DAYS] [VIEW_LIFE]

DATA_DIR holds a broadsheet.db, or DBNAME is a PostgreSQL database, that the app has migrated and seeded with its
demo publication (start it once with Broadsheet__DemoArticles=200; for PostgreSQL the recipe is below). The demo's articles are
the templates: each new article copies one's lead, body and rendered HTML under a new title and slug, so pages
render what real articles do. N articles are added, newest first from the demo's oldest, about 300 a day (a
national site's pace), each with its rubric, 1-4 tags and 1-2 authors (the demo's own), ViewTotals,
COMMENTS_PER_ARTICLE published comments on average (default 3) and, for the articles of the last VIEW_DAYS days
(default 365: a year of daily counts), a daily view count for each of the first VIEW_LIFE days after publication
(default 30, a news story's reading life) up to today. Both databases get the same rows from the same seed, and a
smaller archive's articles are the first of a larger one's, so two sizes differ only in the archive behind them.

SQLite: plain batched INSERTs in one transaction with the journal off: this is a bench file, not a newsroom's.
The app's indexes and triggers are in place (the app migrated the file), so SitemapMonths is kept by the triggers
as the rows go in. At 1,000,000 articles (3 million comments, 3.3 million daily counts) see docs/PERFORMANCE.md
for the time it takes. The Lucene index is not touched; the app rebuilds it when it finds it behind.

PostgreSQL: the rows are streamed into `psql` as COPY (text format), all in one transaction, so a failure leaves
the database as it was. PGHOST, PGPORT and PGUSER default to the test servers of tests/services/start.sh
(127.0.0.1, 55432, postgres). The generated columns ("SearchVector", "SearchMonth") are the server's to compute,
so search needs no rebuild; the "SitemapMonths_Follow" trigger and the foreign keys run as the rows go in, as
they do for the app's own writes. Afterwards the identity sequences of "Articles" and "Comment" are moved past
the ids written (or the app's next article would collide with one), and the tables are VACUUM ANALYZEd: the
planner gets statistics for the archive's size, and autovacuum does not pick the fresh tables up while a bench
is measuring. The CPU figure printed is this script's; most of the work is the server's.

A PostgreSQL archive, from nothing (run from the repository; the Release build exists):

    export PGHOST=127.0.0.1 PGPORT=55432 PGUSER=postgres
    # 1. The demo publication: the app creates, migrates and seeds the database on its first start (the SeedDemo
    #    and DemoArticles settings, Features/Demo). Keep it up until its AVIF job has written a twin of each demo
    #    picture (36, under a minute), or the bench's first round pays for them; then stop it (it drains for 5 s).
    (cd src/Broadsheet && ASPNETCORE_ENVIRONMENT=Production Broadsheet__Database=postgres \
      ConnectionStrings__Broadsheet="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=bench_demo" \
      Broadsheet__DataDirectory=/tmp/bench_demo Broadsheet__SeedDemo=true Broadsheet__DemoArticles=200 \
      exec dotnet bin/Release/net10.0/Broadsheet.dll --urls http://127.0.0.1:5291) > /tmp/bench_demo.log 2>&1 & app=$!
    until curl -fs -o /dev/null http://127.0.0.1:5291/; do sleep 1; done
    pictures=/tmp/bench_demo/media/demo
    until [ "$(ls $pictures/*.avif 2>/dev/null | wc -l)" -ge "$(ls $pictures/figure-*w.jpg | wc -l)" ]; do sleep 2; done
    kill $app; wait $app
    # 2. Each size a copy of that demo (the database, and the data folder: keys, demo pictures), then grown, so the
    #    sizes share the demo and the first 9,800 archive articles. bench/scale.sh finds the data folder of
    #    postgres:NAME at /tmp/NAME (PG_DATA_ROOT). A million should take 10-15 minutes (an estimate: a 30,000-article
    #    run added 1,200-1,650 articles/s on the shared 2-core machine, the server's one backend the busiest part).
    for size in k10:9800 m1:999800; do name=${size%%:*}
      psql -c "CREATE DATABASE $name TEMPLATE bench_demo" && cp -a /tmp/bench_demo /tmp/$name &&
        python3 bench/archive.py postgres:$name ${size#*:}
    done
    bench/scale.sh postgres:k10 postgres:m1
"""
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone

BATCH = 20_000

# What is written, table by table, in the order the foreign keys need; the same columns on both databases.
# Not written: "Articles"."Live" and the nullable columns take their defaults, and PostgreSQL computes its generated ones.
COLUMNS = {
    "Articles": ("Id", "Slug", "Title", "Lead", "Body", "BodyHtml", "Kind", "Status", "Language", "DatelineCity",
                 "CoverImage", "CoverCaption", "PublishedAt", "UpdatedAt", "CreatedAt", "Prominence",
                 "CommentsEnabled", "ViewCount", "Version"),
    "ArticleRubrics": ("ArticleId", "RubricId"),
    "ArticleTags": ("ArticleId", "TagId"),
    "ArticleAuthors": ("ArticleId", "AuthorId", "Position"),
    "ViewTotals": ("ArticleId", "Views"),
    "Comment": ("Id", "ArticleId", "Text", "Status", "CreatedAt", "FlagCount", "Address"),
    "DailyViews": ("Day", "ArticleId", "Views"),
}


def quoted(names):
    return ", ".join(f'"{name}"' for name in names)


class Sqlite:
    """The data folder's broadsheet.db, written with the journal off (a bench file) and left in WAL, as the app keeps it."""
    stamp = "%Y-%m-%d %H:%M:%S"

    def __init__(self, folder):
        self.db = sqlite3.connect(f"{folder}/broadsheet.db", isolation_level=None)

    def rows(self, sql):
        return self.db.execute(sql).fetchall()

    def begin(self):
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA cache_size=-400000")
        self.db.execute("BEGIN")

    def write(self, table, rows):
        columns = COLUMNS[table]
        self.db.executemany(f'INSERT INTO "{table}" ({quoted(columns)}) VALUES ({",".join("?" * len(columns))})', rows)

    def commit(self):
        self.db.execute("COMMIT")
        self.db.execute("PRAGMA journal_mode=WAL")

    def tidy(self):
        pass


# COPY's text format: a tab between columns, \N for NULL, and these four escaped inside a value.
ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))


def copy_text(value):
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, str):
        for char, escaped in ESCAPES:
            if char in value:
                value = value.replace(char, escaped)
        return value
    return str(value)


class Postgres:
    """A database on the server PGHOST/PGPORT/PGUSER name, through psql (no driver is installed)."""
    stamp = "%Y-%m-%d %H:%M:%S+00"

    def __init__(self, name):
        self.name = name
        # Timestamps are read back in UTC whatever the server's time zone.
        self.env = {**os.environ, "PGHOST": os.environ.get("PGHOST", "127.0.0.1"),
                    "PGPORT": os.environ.get("PGPORT", "55432"), "PGUSER": os.environ.get("PGUSER", "postgres"), "PGTZ": "UTC"}
        self.loader = None

    def psql(self, *args):
        return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.name, *args]

    def rows(self, sql):
        """The rows as tuples, in the query's column order (the column names must differ), through one json_agg."""
        out = subprocess.run(self.psql("-At", "-c", f"SELECT coalesce(json_agg(q), '[]') FROM ({sql}) q"),
                             env=self.env, check=True, capture_output=True, text=True).stdout
        return [tuple(row.values()) for row in json.loads(out)]

    def begin(self):
        # One psql for the whole load: each COPY's rows follow it on psql's stdin, ended by "\.".
        self.loader = subprocess.Popen(self.psql(), env=self.env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                       text=True, encoding="utf-8")
        self.send("BEGIN;\n")

    def send(self, text):
        try:
            self.loader.stdin.write(text)
        except BrokenPipeError:
            sys.exit(f"psql stopped (exit code {self.loader.wait()}); its error is above. Nothing was committed.")

    def write(self, table, rows):
        if not rows:
            return
        self.send(f'COPY "{table}" ({quoted(COLUMNS[table])}) FROM STDIN;\n')
        # A thousand rows at a time: a whole batch of articles as one string would be a few hundred MB.
        for at in range(0, len(rows), 1000):
            self.send("".join("\t".join(map(copy_text, row)) + "\n" for row in rows[at:at + 1000]))
        self.send("\\.\n")

    def commit(self):
        self.send("""
            SELECT setval(pg_get_serial_sequence('"Articles"', 'Id'), max("Id")) FROM "Articles";
            SELECT setval(pg_get_serial_sequence('"Comment"', 'Id'), max("Id")) FROM "Comment";
            COMMIT;
            """)
        try:
            self.loader.stdin.close()
        except BrokenPipeError:
            pass
        if self.loader.wait() != 0:
            sys.exit(f"psql failed (exit code {self.loader.returncode}); its error is above. Nothing was committed.")

    def tidy(self):
        started = time.monotonic()
        # SitemapMonths is rewritten too: the trigger updated each month's row once per article in one transaction,
        # and the versions left behind (about 50 bytes an article) would have the sitemap index scan megabytes for
        # a hundred rows, which a site that publishes day by day never has.
        subprocess.run(self.psql("-c", f'VACUUM (ANALYZE) {quoted(COLUMNS)}', "-c", 'VACUUM (FULL, ANALYZE) "SitemapMonths"'),
                       env=self.env, check=True)
        print(f"VACUUM ANALYZE in {time.monotonic() - started:.0f} s", flush=True)


def open_database(target):
    """postgres:DBNAME, or a SQLite data folder; bench/scale.sh reads its pages through the same."""
    return Postgres(target.removeprefix("postgres:")) if target.startswith("postgres:") else Sqlite(target)


def main():
    target, n = sys.argv[1], int(sys.argv[2])
    comments_per = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
    view_days = int(sys.argv[4]) if len(sys.argv) > 4 else 365
    view_life = int(sys.argv[5]) if len(sys.argv) > 5 else 30
    db = open_database(target)
    started = time.monotonic()
    rnd = random.Random(20)

    # Ordered as SQLite's indexes gave them when nothing was asked: both databases, and the archives grown before
    # PostgreSQL was added, draw the same rows from the seed.
    templates = db.rows(
        'SELECT "Title", "Lead", "Body", "BodyHtml", "Language", "CoverImage", "CoverCaption", "DatelineCity" '
        'FROM "Articles" WHERE "Status" = \'Published\' ORDER BY "PublishedAt", "Id"')
    rubrics = [r[0] for r in db.rows('SELECT "Id" FROM "Rubrics" ORDER BY "Slug"')]
    tags = [r[0] for r in db.rows('SELECT "Id" FROM "Tags" ORDER BY "Slug"')]
    authors = [r[0] for r in db.rows('SELECT "Id" FROM "Authors" ORDER BY "Id"')]
    oldest = db.rows('SELECT MIN("PublishedAt") AS "Oldest" FROM "Articles"')[0][0]
    first_id = db.rows('SELECT COALESCE(MAX("Id"), 0) AS "Last" FROM "Articles"')[0][0] + 1
    first_comment = db.rows('SELECT COALESCE(MAX("Id"), 0) AS "Last" FROM "Comment"')[0][0] + 1
    if not templates or not rubrics:
        sys.exit(f"No demo articles to copy: start the app once on {target} with Broadsheet__DemoArticles=200")
    start = datetime.fromisoformat(oldest[:19]).replace(tzinfo=timezone.utc)
    today = datetime.now(timezone.utc)

    db.begin()
    batch = {table: [] for table in COLUMNS}
    articles, comments, views = batch["Articles"], batch["Comment"], batch["DailyViews"]
    comment_id = first_comment
    view_rows = 0

    def flush():
        for table, rows in batch.items():
            db.write(table, rows)
            rows.clear()

    epoch_day = datetime(1, 1, 1, tzinfo=timezone.utc)
    for i in range(n):
        aid = first_id + i
        # 300 a day, going back in time from the demo's oldest article.
        at = start - timedelta(seconds=(i + 1) * 288 + rnd.randrange(200))
        title, lead, body, html, language, cover, caption, city = templates[rnd.randrange(len(templates))]
        stamp = at.strftime(db.stamp)
        articles.append((aid, f"archive-{aid}", f"{title} ({aid})", lead, body, html, "News", "Published", language,
                         city, cover, caption, stamp, None, stamp, 0, True, 0, str(uuid.uuid4()).upper()))
        batch["ArticleRubrics"].append((aid, rubrics[rnd.randrange(len(rubrics))]))
        for t in rnd.sample(tags, min(len(tags), 1 + rnd.randrange(4))):
            batch["ArticleTags"].append((aid, t))
        for p, a in enumerate(rnd.sample(authors, 1 if rnd.randrange(6) else 2)):
            batch["ArticleAuthors"].append((aid, a, p))
        total = int(200 + 40000 * rnd.random() ** 4)
        batch["ViewTotals"].append((aid, total))
        for _ in range(int(comments_per * 2 * rnd.random() + 0.5)):
            comments.append((comment_id, aid, "A reader's comment on the story, long enough to be a real one.", "Published",
                             (at + timedelta(minutes=5 + rnd.randrange(600))).strftime(db.stamp), 0, ""))
            comment_id += 1
        if (today - at).days < view_days:
            for d in range(min((today - at).days + 1, view_life)):
                day = (at + timedelta(days=d)) - epoch_day
                views.append((day.days, aid, 1 + total // 7 // (d + 1)))
                view_rows += 1
        if len(articles) >= BATCH:
            flush()
            if (i + 1) % 100_000 == 0:
                print(f"{i + 1:,} articles, {time.monotonic() - started:.0f} s", flush=True)
    flush()
    db.commit()
    print(f"Added {n:,} articles, {comment_id - first_comment:,} comments and {view_rows:,} daily view counts "
          f"in {time.monotonic() - started:.0f} s ({time.process_time():.0f} s of this process's CPU)", flush=True)
    db.tidy()


if __name__ == "__main__":
    main()
