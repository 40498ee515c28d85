#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of POSTS posts with COMMENTS comments in all, streaming, for the
import benchmark (bench/import.sh). Posts mix block-editor and classic HTML, Russian and English, categories
with a parent, tags, threaded comments (approved and pending). No pictures: image intake is measured apart
(bench/pictures.sh).   usage: wordpress-export.py POSTS COMMENTS > export.xml"""
import random, sys
from urllib.parse import quote

posts, comments = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(20261202)
out = sys.stdout
w = out.write
ru = "Избирательная комиссия опубликовала предварительные итоги голосования. Явка составила 41 процент. Депутаты обсудили бюджет".split()
en = "The electoral commission published preliminary results. Turnout was forty one percent. Deputies discussed the budget".split()
cats = [(1, "politika", "", "Политика"), (2, "vybory", "politika", "Выборы"), (3, "ekonomika", "", "Экономика"), (4, "world", "", "World")]
tags = [(10 + i, t) for i, t in enumerate(["выборы", "бюджет", "Москва", "явка", "elections", "results"])]

def cdata(s): return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"
def words(bank, n): return " ".join(rnd.choice(bank) for _ in range(n)).capitalize() + "."

w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
  'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
  '<title>Bench</title><link>http://old.example</link><language>ru-RU</language><wp:wxr_version>1.2</wp:wxr_version>\n')
for aid, (login, name) in enumerate((("olga", "Ольга Смирнова"), ("mark", "Mark Ellis")), start=2):
    w(f"<wp:author><wp:author_id>{aid}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
      f"<wp:author_email>{login}@example.org</wp:author_email><wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n")
for i, slug, parent, name in cats:
    w(f"<wp:category><wp:term_id>{i}</wp:term_id><wp:category_nicename>{slug}</wp:category_nicename>"
      f"<wp:category_parent>{parent}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n")
for i, t in tags:
    w(f"<wp:tag><wp:term_id>{i}</wp:term_id><wp:tag_slug>{quote(t.lower()).lower()}</wp:tag_slug><wp:tag_name>{cdata(t)}</wp:tag_name></wp:tag>\n")
comment_id = 1
per_post = comments / max(posts, 1)
owed = 0.0
for n in range(posts):
    pid = 1000 + n
    russian = n % 2 == 0
    bank = ru if russian else en
    title = words(bank, 6)[:-1] + f" {n}"
    slug = quote(title.lower().replace(" ", "-")).lower()
    day = f"20{15 + n % 10:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    if n % 2:
        body = "\n\n".join(words(bank, 40) for _ in range(5)) + "\n\n<h2>" + words(bank, 3) + "</h2>\n\n" + words(bank, 30)
    else:
        body = "".join(f"<!-- wp:paragraph -->\n<p>{words(bank, 40)}</p>\n<!-- /wp:paragraph -->\n\n" for _ in range(5))
        body += f"<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>{words(bank, 12)}</p><cite>{words(bank, 2)}</cite></blockquote>\n<!-- /wp:quote -->\n"
        body += "<!-- wp:list -->\n<ul><li>" + "</li><li>".join(words(bank, 4) for _ in range(3)) + "</li></ul>\n<!-- /wp:list -->"
    cat = rnd.choice(cats)
    w(f"<item><title>{cdata(title)}</title><link>http://old.example/{day.replace('-', '/')}/{slug}/</link>"
      f"<dc:creator>{'olga' if russian else 'mark'}</dc:creator><content:encoded>{cdata(body)}</content:encoded>"
      f"<excerpt:encoded>{cdata(words(bank, 20))}</excerpt:encoded><wp:post_id>{pid}</wp:post_id>"
      f"<wp:post_date>{day} 12:00:00</wp:post_date><wp:post_date_gmt>{day} 09:00:00</wp:post_date_gmt>"
      f"<wp:comment_status>open</wp:comment_status><wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
      f"<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
      f"<category domain=\"category\" nicename=\"{cat[1]}\">{cdata(cat[3])}</category>")
    for _, t in rnd.sample(tags, 2):
        w(f"<category domain=\"post_tag\" nicename=\"{quote(t.lower()).lower()}\">{cdata(t)}</category>")
    owed += per_post
    first = comment_id
    while owed >= 1:
        owed -= 1
        parent = rnd.randrange(first, comment_id) if comment_id > first and rnd.random() < 0.4 else 0
        w(f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author>{cdata('Reader ' + str(comment_id % 500))}</wp:comment_author>"
          f"<wp:comment_author_email>reader{comment_id % 500}@example.org</wp:comment_author_email>"
          f"<wp:comment_date_gmt>{day} 1{comment_id % 10}:00:00</wp:comment_date_gmt><wp:comment_content>{cdata(words(bank, 15))}</wp:comment_content>"
          f"<wp:comment_approved>{'0' if comment_id % 10 == 0 else '1'}</wp:comment_approved><wp:comment_type>comment</wp:comment_type>"
          f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>")
        comment_id += 1
    w("</item>\n")
w("</channel>\n</rss>\n")
