#!/usr/bin/env python3
"""Reads a Broadsheet page from stdin and prints one of its links, found with an HTML parser.

  first-article   the first teaser's headline link
  older           the pager's link to older articles (empty when there is none)
  first-tag       the first tag link of an article page
  assets          the page's stylesheets and scripts, one a line
"""
import sys
from html.parser import HTMLParser


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_teaser_title = False
        self.in_tags = False
        self.first_article = None
        self.older = None
        self.tags = []
        self.assets = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "h3" and "teaser__title" in classes:
            self.in_teaser_title = True
        if tag == "nav" and "story__tags" in classes:
            self.in_tags = True
        if tag == "a":
            href = a.get("href")
            if self.in_teaser_title and self.first_article is None:
                self.first_article = href
            if "pager__older" in classes:
                self.older = href
            if self.in_tags:
                self.tags.append(href)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.assets.append(a.get("href"))
        if tag == "script" and a.get("src"):
            self.assets.append(a.get("src"))

    def handle_endtag(self, tag):
        if tag == "h3":
            self.in_teaser_title = False
        if tag == "nav":
            self.in_tags = False


links = Links()
links.feed(sys.stdin.read())
what = sys.argv[1]
if what == "first-article":
    print(links.first_article or "")
elif what == "older":
    print(links.older or "")
elif what == "first-tag":
    print(links.tags[0] if links.tags else "")
elif what == "assets":
    print("\n".join(links.assets))
else:
    sys.exit(f"unknown: {what}")
