"""A signed-in newsroom session for the benches, through the same forms a browser fills (antiforgery token
and cookie included), with the standard library only.

    python3 bench/newsroom.py setup ORIGIN LINK PASSWORD   spends the one-time setup link; prints nothing
"""
import html.parser
import http.cookiejar
import sys
import urllib.error
import urllib.parse
import urllib.request


class _Forms(html.parser.HTMLParser):
    """Every form on a page: its action and the values a browser would send without typing anything."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._textarea, self._select = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        f = self._form
        if tag == "form":
            self._form = {"action": a.get("action") or "", "fields": [], "names": set()}
            self.forms.append(self._form)
        elif f is None:
            return
        elif tag in ("input", "textarea") and a.get("name"):
            f["names"].add(a["name"])
            if tag == "textarea":
                self._textarea = [a["name"], ""]
                f["fields"].append(self._textarea)
            elif a.get("type") not in ("checkbox", "radio", "submit", "button", "file") or "checked" in a:
                f["fields"].append([a["name"], a.get("value") or ""])
        elif tag == "select" and a.get("name"):
            f["names"].add(a["name"])
            self._select = {"name": a["name"], "multiple": "multiple" in a, "first": None, "chosen": []}
        elif tag == "option" and self._select is not None:
            value = a.get("value") or ""
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            if self._textarea is not None and self._textarea[1].startswith("\n"):
                self._textarea[1] = self._textarea[1][1:]
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            s = self._select
            values = s["chosen"] or ([] if s["multiple"] or s["first"] is None else [s["first"]])
            self._form["fields"] += [[s["name"], v] for v in values]
            self._select = None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """Cookies kept; a post answered with a redirect counts as done (the desk redirects after saving)."""

    def __init__(self, origin):
        self.origin = origin.rstrip("/")
        self.headers = {}  # sent with every request (X-Forwarded-For: a reader's own address behind the proxy)
        self.jar = http.cookiejar.CookieJar()
        self.open = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar)).open
        self.post_open = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()).open

    def get(self, path):
        with self.open(urllib.request.Request(self.origin + path, headers=self.headers), timeout=30) as r:
            return r.geturl(), r.read().decode()

    def forms(self, path):
        url, page = self.get(path)
        parser = _Forms()
        parser.feed(page)
        return urllib.parse.urlsplit(url), parser.forms

    def submit(self, path, pick, values, action=None):
        """Fills the first form on PATH that PICK accepts with VALUES (replacing what it holds under those names)
        and posts it, to ACTION if given (a button's formaction); returns (status, location). VALUES may be a function
        returning them, called after the form was fetched (a bench that stamps the moment of the post)."""
        url, forms = self.forms(path)
        if callable(values):
            values = values()
        form = next((f for f in forms if pick(f)), None)
        if form is None:
            raise RuntimeError(f"no such form on {path}")
        fields = [(n, v) for n, v in form["fields"] if n not in values]
        for name, value in values.items():
            fields += [(name, v) for v in (value if isinstance(value, list) else [value])]
        action = action or form["action"] or url.path + ("?" + url.query if url.query else "")
        target = urllib.parse.urljoin(self.origin + url.path, action)
        request = urllib.request.Request(target, data=urllib.parse.urlencode(fields).encode(),
                                         headers=self.headers, method="POST")
        try:
            with self.post_open(request, timeout=30) as r:
                return r.status, r.headers.get("Location")
        except urllib.error.HTTPError as e:
            if e.code in (301, 302, 303):
                return e.code, e.headers.get("Location")
            raise

    def setup_admin(self, link, password):
        """Spends the setup link the app logged: the first administrator, signed in."""
        path = urllib.parse.urlsplit(link)
        status, _ = self.submit(path.path + "?" + path.query, lambda f: "Input.Confirm" in f["names"],
                                {"Input.Password": password, "Input.Confirm": password})
        if status not in (302, 303):
            raise RuntimeError(f"setup answered {status}")

    def sign_in(self, email, password):
        status, location = self.submit("/account/sign-in", lambda f: "Input.Password" in f["names"],
                                       {"Input.Email": email, "Input.Password": password})
        if status not in (302, 303):
            raise RuntimeError(f"sign-in answered {status}")
        return location


if __name__ == "__main__" and sys.argv[1:2] == ["setup"]:
    Session(sys.argv[2]).setup_admin(sys.argv[3], sys.argv[4])
