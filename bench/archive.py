#!/usr/bin/env python3
"""Grows a Broadsheet SQLite data folder into a large archive, fast, for the scale benches.

    python3 bench/archive.py DATA_DIR N [COMMENTS_PER_ARTICLE] [VIEW_DAYS] [VIEW_LIFE]

DATA_DIR holds a broadsheet.db that the app has migrated and seeded with its demo publication
(start it once with Broadsheet__DemoArticles=200). The demo's articles are the templates: each new
article copies one's lead, body and rendered HTML under a new title and slug, so pages render what
real articles do. N articles are added, newest first from the demo's oldest, about 300 a day (a
national site's pace), each with its rubric, 1-4 tags and 1-2 authors (the demo's own), ViewTotals,
COMMENTS_PER_ARTICLE published comments on average (default 3) and, for the articles of the last
VIEW_DAYS days (default 365: a year of daily counts), a daily view count for each of the first
VIEW_LIFE days after publication (default 30, a news story's reading life) up to today. Written with
plain batched INSERTs in one transaction with the journal off: this is a bench file, not a
newsroom's. The app's indexes and triggers are in place (the app migrated the file), so
SitemapMonths is kept by the triggers as the rows go in. At 1,000,000 articles (3 million comments,
3.3 million daily counts) see docs/PERFORMANCE.md for the time it takes.
The Lucene index is not touched; the app rebuilds it when it finds it behind.
"""
import random
import sqlite3
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone

BATCH = 20_000


def main():
    data, n = sys.argv[1], int(sys.argv[2])
    comments_per = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
    view_days = int(sys.argv[4]) if len(sys.argv) > 4 else 365
    view_life = int(sys.argv[5]) if len(sys.argv) > 5 else 30
    db = sqlite3.connect(f"{data}/broadsheet.db", isolation_level=None)
    # The journal off while writing (a bench file); WAL again afterwards, as the app keeps it.
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-400000")
    started = time.monotonic()
    rnd = random.Random(20)

    templates = db.execute(
        'SELECT "Title", "Lead", "Body", "BodyHtml", "Language", "CoverImage", "CoverCaption", "DatelineCity" '
        'FROM "Articles" WHERE "Status" = \'Published\'').fetchall()
    rubrics = [r[0] for r in db.execute('SELECT "Id" FROM "Rubrics"')]
    tags = [r[0] for r in db.execute('SELECT "Id" FROM "Tags"')]
    authors = [r[0] for r in db.execute('SELECT "Id" FROM "Authors"')]
    oldest = db.execute('SELECT MIN("PublishedAt") FROM "Articles"').fetchone()[0]
    first_id = db.execute('SELECT COALESCE(MAX("Id"), 0) FROM "Articles"').fetchone()[0] + 1
    first_comment = db.execute('SELECT COALESCE(MAX("Id"), 0) FROM "Comment"').fetchone()[0] + 1
    start = datetime.fromisoformat(oldest[:19]).replace(tzinfo=timezone.utc)
    today = datetime.now(timezone.utc)
    if not templates or not rubrics:
        sys.exit("No demo articles to copy: start the app once on this folder with Broadsheet__DemoArticles=200")

    db.execute("BEGIN")
    articles, rubric_rows, tag_rows, author_rows, totals, comments, views = [], [], [], [], [], [], []
    comment_id = first_comment
    view_rows = 0

    def flush():
        db.executemany('INSERT INTO "Articles" ("Id", "Slug", "Title", "Lead", "Body", "BodyHtml", "Kind", "Status", "Language", '
                       '"DatelineCity", "CoverImage", "CoverCaption", "PublishedAt", "UpdatedAt", "CreatedAt", "Prominence", '
                       '"CommentsEnabled", "ViewCount", "Version") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', articles)
        db.executemany('INSERT INTO "ArticleRubrics" ("ArticleId", "RubricId") VALUES (?,?)', rubric_rows)
        db.executemany('INSERT INTO "ArticleTags" ("ArticleId", "TagId") VALUES (?,?)', tag_rows)
        db.executemany('INSERT INTO "ArticleAuthors" ("ArticleId", "AuthorId", "Position") VALUES (?,?,?)', author_rows)
        db.executemany('INSERT INTO "ViewTotals" ("ArticleId", "Views") VALUES (?,?)', totals)
        db.executemany('INSERT INTO "Comment" ("Id", "ArticleId", "Text", "Status", "CreatedAt", "FlagCount", "Address") '
                       'VALUES (?,?,?,\'Published\',?,0,\'\')', comments)
        db.executemany('INSERT INTO "DailyViews" ("Day", "ArticleId", "Views") VALUES (?,?,?)', views)
        for rows in (articles, rubric_rows, tag_rows, author_rows, totals, comments, views):
            rows.clear()

    epoch_day = datetime(1, 1, 1, tzinfo=timezone.utc)
    for i in range(n):
        aid = first_id + i
        # 300 a day, going back in time from the demo's oldest article.
        at = start - timedelta(seconds=(i + 1) * 288 + rnd.randrange(200))
        title, lead, body, html, language, cover, caption, city = templates[rnd.randrange(len(templates))]
        stamp = at.strftime("%Y-%m-%d %H:%M:%S")
        articles.append((aid, f"archive-{aid}", f"{title} ({aid})", lead, body, html, "News", "Published", language,
                         city, cover, caption, stamp, None, stamp, 0, 1, 0, str(uuid.uuid4()).upper()))
        rubric_rows.append((aid, rubrics[rnd.randrange(len(rubrics))]))
        for t in rnd.sample(tags, min(len(tags), 1 + rnd.randrange(4))):
            tag_rows.append((aid, t))
        for p, a in enumerate(rnd.sample(authors, 1 if rnd.randrange(6) else 2)):
            author_rows.append((aid, a, p))
        total = int(200 + 40000 * rnd.random() ** 4)
        totals.append((aid, total))
        for _ in range(int(comments_per * 2 * rnd.random() + 0.5)):
            comments.append((comment_id, aid, "A reader's comment on the story, long enough to be a real one.",
                             (at + timedelta(minutes=5 + rnd.randrange(600))).strftime("%Y-%m-%d %H:%M:%S")))
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
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode=WAL")
    print(f"Added {n:,} articles, {comment_id - first_comment:,} comments and {view_rows:,} daily view counts "
          f"in {time.monotonic() - started:.0f} s ({time.process_time():.0f} s of this process's CPU)")


if __name__ == "__main__":
    main()
