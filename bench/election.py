"""The writing side of election night, for bench/election-night.sh (wrk does the reading). Standard library only.

    python3 bench/election.py accounts ORIGIN COUNT PASSWORD RUN          sign COUNT readers up (each from its own
                                                                         address, as behind the site's proxy)
    python3 bench/election.py night --origins A,B --password P ...       the night itself; JSON summary to --out

The night, for --duration seconds:
- commenters: the readers signed in, posting --comments per second between them (evenly paced, each from its
  own address) to the articles given, through the same JSON API as the page's script (token from
  /api/comments/token); every 201 is an acknowledged comment, counted by its text;
- an editor (signed in) publishes a new article through the newsroom form every --publish-every seconds;
- a watcher per node reads the home page as often as it can (through the page cache, as readers do) and
  notes, for each publication, when it first showed and how many reads that started more than a second
  after the editor's post was answered (the commit) did not show it.
"""
import argparse
import concurrent.futures
import json
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from newsroom import Session  # noqa: E402


def address(i):
    return f"10.{20 + i // 65000}.{i // 250 % 250}.{i % 250 + 1}"


DIGITS = "zero one two three four five six seven eight nine".split()


def display_name(i):
    """Unique after the site folds names (repeated letters collapse, so "Voter 11" would be "Voter 1"): digits as words."""
    return "Voter " + " ".join(DIGITS[int(d)] for d in str(i))


def accounts(origin, count, password, run):
    def sign_up(i):
        s = Session(origin)
        s.headers = {"X-Forwarded-For": address(i)}
        status, _ = s.submit("/account/sign-up", lambda f: "Input.DisplayName" in f["names"],
                             {"Input.DisplayName": display_name(i), "Input.Email": f"voter{i}-{run}@bench.invalid",
                              "Input.Password": password, "Input.Consent": "true"})
        return 1 if status in (200, 302, 303) else 0
    # A few at once: each sign-up hashes a password, and a thousand one after another take minutes.
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        print(sum(pool.map(sign_up, range(count))))


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Night:
    def __init__(self, a):
        self.a = a
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.acknowledged, self.refused, self.failed, self.held = [], {}, 0, 0
        self.comment_ms = []
        self.late_ms = []  # how late each post left against its slot: the client (or a full set of threads) falling behind
        self.publications = []  # (title marker, answered at)
        self.publish_failures = 0
        self.reads = []  # (origin, started, html)
        self.watch_errors = 0

    def commenter(self, sessions, slots):
        """Posts on the slots given: slot k is due at start + k / rate."""
        a = self.a
        for k in slots:
            due = self.start + k / a.comments
            wait = due - time.time()
            if wait > 0:
                time.sleep(wait)
            if time.time() - self.start > a.duration:
                return
            s, token = sessions[k % len(sessions)]
            text = f"Turnout looks high here. bench-comment-{a.run}{a.tag}-{k}"
            article = a.articles[k % len(a.articles)]
            request = urllib.request.Request(f"{s.origin}/api/articles/{article}/comments", method="POST",
                                             data=json.dumps({"text": text}).encode(),
                                             headers={"Content-Type": "application/json", "RequestVerificationToken": token,
                                                      **s.headers})
            sent = time.time()
            with self.lock:
                self.late_ms.append(1000 * max(0.0, sent - due))
            try:
                with s.open(request, timeout=30) as r:
                    status = r.status
            except urllib.error.HTTPError as e:
                status = e.code
            except Exception:  # noqa: BLE001 - a failed post is a figure
                status = None
            with self.lock:
                if status in (201, 202):  # published, or held for a moderator: both acknowledged and stored
                    self.acknowledged.append(text)
                    self.held += 1 if status == 202 else 0
                    self.comment_ms.append(1000 * (time.time() - sent))
                elif status is None:
                    self.failed += 1
                else:
                    self.refused[status] = self.refused.get(status, 0) + 1

    def editor(self):
        a = self.a
        s = Session(a.origins[0])
        s.sign_in(a.email, a.password)
        k = 0
        while not self.stop.is_set() and time.time() - self.start < a.duration:
            due = self.start + 2 + k * a.publish_every
            # Never sleep past the end: a long --publish-every would otherwise hold the whole run.
            time.sleep(max(0, min(due, self.start + a.duration) - time.time()))
            if time.time() - self.start >= a.duration:
                return
            k += 1
            marker = f"Bench bulletin {a.run}{a.tag} {k}"
            try:
                status, _ = s.submit("/newsroom/articles/new", lambda f: "Input.Title" in f["names"],
                                     {"Input.Title": marker, "Input.Lead": "Results are coming in from the first districts.",
                                      "Input.Body": "The count goes on through the night."},
                                     action="/newsroom/articles/new?handler=Publish")
                answered = time.time()
                if status in (302, 303):
                    with self.lock:
                        self.publications.append((marker, answered))
                else:
                    self.publish_failures += 1
            except Exception as e:  # noqa: BLE001
                print(f"   publishing {k} failed: {e}", file=sys.stderr)
                self.publish_failures += 1

    def watcher(self, origin):
        while not self.stop.is_set():
            started = time.time()
            try:
                with urllib.request.urlopen(origin + "/", timeout=10) as r:
                    page = r.read().decode()
                with self.lock:
                    shown = [m for m, _ in self.publications if m in page]
                    self.reads.append((origin, started, set(shown)))
            except Exception:  # noqa: BLE001
                self.watch_errors += 1
            time.sleep(self.a.watch_every)

    def run(self):
        a = self.a
        def signed_in(i):
            s = Session(a.origins[i % len(a.origins)])
            s.headers = {"X-Forwarded-For": address(i)}
            try:
                s.sign_in(f"voter{i}-{a.run}@bench.invalid", a.password)
            except RuntimeError:
                return None  # a sign-up the site turned down (its pace): one commenter fewer
            with s.open(urllib.request.Request(s.origin + "/api/comments/token", headers=s.headers), timeout=30) as r:
                return s, json.loads(r.read())["token"]
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            sessions = [s for s in pool.map(signed_in, range(a.commenters)) if s is not None]
        print(f"   {len(sessions)} commenters signed in", flush=True)
        open(a.out + ".ready", "w").close()
        time.sleep(a.settle)
        self.start = time.time()
        cpu_at_start = time.process_time()
        total = int(a.comments * a.duration)
        threads = [threading.Thread(target=self.commenter, args=(sessions, range(t, total, a.threads))) for t in range(a.threads)]
        threads.append(threading.Thread(target=self.editor))
        watchers = [threading.Thread(target=self.watcher, args=(o,)) for o in a.origins]
        for t in threads + watchers:
            t.start()
        for t in threads:
            t.join()
        self.cpu = (time.process_time() - cpu_at_start, time.time() - self.start)
        time.sleep(3)
        self.stop.set()
        for t in watchers:
            t.join()
        self.report(total)

    def report(self, total):
        a = self.a
        late_reads, later_reads, first_seen, never = 0, 0, [], 0
        for marker, answered in self.publications:
            seen = [started for _, started, shown in self.reads if marker in shown and started >= answered - 5]
            if seen:
                first_seen.append(max(0.0, min(seen) - answered))
            else:
                never += 1
            for _, started, shown in self.reads:
                if started >= answered + 1:
                    later_reads += 1
                    late_reads += 0 if marker in shown else 1
        summary = {
            "comments_due": total, "comments_acknowledged": len(self.acknowledged), "comments_held": self.held, "comments_refused": self.refused,
            "comments_failed": self.failed, "comment_rate": round(len(self.acknowledged) / a.duration, 1),
            "comment_p50_ms": round(percentile(self.comment_ms, 50) or 0, 1),
            "comment_p99_ms": round(percentile(self.comment_ms, 99) or 0, 1),
            "posts_late_p50_ms": round(percentile(self.late_ms, 50) or 0, 1),
            "posts_late_p99_ms": round(percentile(self.late_ms, 99) or 0, 1),
            "posts_sent": len(self.late_ms),
            "client_cpu_s": round(self.cpu[0], 2), "duration_s": round(self.cpu[1], 2),
            "publications": len(self.publications), "publish_failures": self.publish_failures,
            "home_reads_watched": len(self.reads), "watch_errors": self.watch_errors,
            "reads_after_1s": later_reads, "reads_after_1s_missing": late_reads,
            "shown_within_1s_share": round(1 - late_reads / later_reads, 4) if later_reads else None,
            "first_seen_p50_ms": round(1000 * (percentile(first_seen, 50) or 0)),
            "first_seen_max_ms": round(1000 * max(first_seen)) if first_seen else None,
            "never_seen": never,
            "marker": f"bench-comment-{a.run}{a.tag}-",
        }
        with open(a.out, "w") as f:
            json.dump(summary, f, indent=1)
        with open(a.out + ".acknowledged", "w") as f:
            f.write("\n".join(self.acknowledged))
        print(json.dumps(summary), flush=True)


def main():
    if sys.argv[1:2] == ["accounts"]:
        accounts(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("mode")
    ap.add_argument("--origins", required=True, type=lambda s: s.split(","))
    ap.add_argument("--email", default="admin@localhost")
    ap.add_argument("--password", required=True)
    ap.add_argument("--run", required=True)
    ap.add_argument("--articles", required=True, type=lambda s: [int(x) for x in s.split(",")])
    ap.add_argument("--commenters", type=int, default=1000)
    ap.add_argument("--comments", type=float, default=50, help="per second, all commenters together")
    ap.add_argument("--threads", type=int, default=200, help="enough that a slow answer does not hold the rate down")
    ap.add_argument("--publish-every", type=float, default=10)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--settle", type=float, default=3)
    ap.add_argument("--tag", default="", help="added to the comments' marker: a warm-up's comments are not counted as the night's")
    ap.add_argument("--watch-every", type=float, default=0.05)
    ap.add_argument("--out", required=True)
    Night(ap.parse_args()).run()


if __name__ == "__main__":
    main()
