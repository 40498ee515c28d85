"""Thousands of live-page readers and one editor, for bench/live-night.sh. Standard library only.

Each reader holds the article's stream (GET /api/live/ID/stream, server-sent events) open as a browser's
EventSource would: it starts from the page's change number, and when the server ends the stream (its bounded
lifetime) it waits the `retry:` the server sent and comes back with Last-Event-ID. Readers run as asyncio tasks
in a few processes, spread round-robin over the nodes given. Once all are connected, an editor signed in to the
newsroom posts an entry through the desk's own form every EVERY seconds; the entry's text carries its number
and the time the post left, so each reader measures delivery from the post to its own receipt.

Writes FILE.ready when every reader is connected, then waits SETTLE seconds before the first post (the shell
reads the app's memory and starts its page traffic then), and writes a JSON summary to FILE at the end.
"""
import argparse
import asyncio
import json
import multiprocessing as mp
import re
import resource
import sys
import time
import urllib.parse

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from newsroom import Session  # noqa: E402

MARK = re.compile(rb"bench-entry-(\d+)-(\d+)")
EVENT_ID = re.compile(rb"^id: ?(\d+)", re.M)
RETRY = re.compile(rb"^retry: ?(\d+)", re.M)
# The terminal chunk: the server ended the response (the stream's lifetime) and keeps the connection.
ENDED = b"\r\n0\r\n\r\n"


class Reader:
    """One reader, as cheap as Python allows: the loop hands it raw bytes (asyncio.Protocol, no task woken per
    event) and it finds the entries' marks and the event ids with regular expressions over whole events. At
    5,000 readers a parser awaiting line by line took the client's two cores itself, and its queueing showed up
    as delivery latency. LATENCIES gets (seconds from the post, True when the entry was posted while this
    reader was away, i.e. before the stream it came on was opened: a resume's catch-up, late by the reconnection)."""

    def __init__(self, origin, path, stats, seen, latencies, stop, slot):
        url = urllib.parse.urlsplit(origin)
        self.host, self.port, self.netloc, self.path = url.hostname, url.port, url.netloc, path
        self.stats, self.seen, self.latencies, self.stop, self.slot = stats, seen, latencies, stop, slot
        self.last, self.retry = None, 3.0

    def error(self, kind):
        self.stats["errors"] += 1
        self.stats["error_kinds"][kind] = self.stats["error_kinds"].get(kind, 0) + 1

    async def run(self):
        loop = asyncio.get_running_loop()
        while not self.stop.is_set():
            done = loop.create_future()
            try:
                await loop.create_connection(lambda: Stream(self, done), self.host, self.port)
                await done
            except OSError as e:
                self.error(type(e).__name__)
            if not self.stop.is_set():
                self.stats["resumes"] += 1
                await asyncio.sleep(self.retry)


class Stream(asyncio.Protocol):
    def __init__(self, reader, done):
        self.r, self.done, self.head, self.body, self.ended = reader, done, b"", None, False

    def connection_made(self, transport):
        self.transport = transport
        self.opened = time.time()
        head = f"GET {self.r.path} HTTP/1.1\r\nHost: {self.r.netloc}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n"
        if self.r.last is not None:
            head += f"Last-Event-ID: {self.r.last}\r\n"
        transport.write((head + "\r\n").encode())

    def data_received(self, data):
        now = time.time()
        r = self.r
        if self.body is None:
            self.head += data
            end = self.head.find(b"\r\n\r\n")
            if end < 0:
                return
            status = self.head[:self.head.find(b"\r\n")]
            if not status.startswith(b"HTTP/1.1 200"):
                r.error(status.decode(errors="replace").strip()[:40] or "empty")
                self.ended = True
                self.transport.close()
                return
            data, self.body = self.head[end + 4:], b""
        text = self.body + data
        cut = text.rfind(b"\n\n")
        if cut >= 0:
            events, self.body = text[:cut + 2], text[cut + 2:]
            if b"event: hello" in events and not r.stats["connected_once"][r.slot]:
                r.stats["connected_once"][r.slot] = True
                r.stats["connected"] += 1
            ids = EVENT_ID.findall(events)
            if ids:
                r.last = ids[-1].decode()
            retry = RETRY.findall(events)
            if retry:
                r.retry = int(retry[-1]) / 1000
            # An entry's mark is in its html and again in its title: once per event counts.
            for k, posted in {int(k): int(ms) for k, ms in MARK.findall(events)}.items():
                if r.seen[r.slot] >> k & 1:
                    r.stats["duplicates"] += 1
                else:
                    r.seen[r.slot] |= 1 << k
                    r.latencies.append((now - posted / 1000, posted / 1000 < self.opened, k))
        else:
            self.body = text
        if self.body.endswith(ENDED):
            r.stats["ended"] += 1  # the server closed the stream (its lifetime): resume like EventSource
            self.ended = True
            self.transport.close()

    def connection_lost(self, exc):
        if not self.ended and not self.r.stop.is_set():
            self.r.error(type(exc).__name__ if exc else "closed")
        if not self.done.done():
            self.done.set_result(None)


def worker(origins, path, count, first, connected, stop_event, results, ramp, posted, complete, judged):
    async def main():
        stats = {"errors": 0, "error_kinds": {}, "connected": 0, "connected_once": [False] * count,
                 "ended": 0, "resumes": 0, "duplicates": 0}
        seen = [0] * count
        latencies = []
        stop = asyncio.Event()
        tasks = []
        for i in range(count):
            origin = origins[(first + i) % len(origins)]
            tasks.append(asyncio.create_task(Reader(origin, path, stats, seen, latencies, stop, i).run()))
            if i % 100 == 99:
                await asyncio.sleep(ramp)
        cpu_from = None
        while not stop_event.is_set():
            connected.value = stats["connected"]
            flags = [k for k, v in enumerate(posted[:]) if v]
            if flags and cpu_from is None:  # the client's own CPU while entries are posted: is it keeping up?
                cpu_from = (cpu_seconds(), time.time())
            want = sum(1 << k for k in flags)
            complete.value = sum(1 for mask in seen if mask & want == want)
            judged.value = len(flags)  # the count above holds for this many posted entries
            await asyncio.sleep(0.2)
        cpu = (cpu_seconds() - cpu_from[0], time.time() - cpu_from[1]) if cpu_from else (0, 0)
        stop.set()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        del stats["connected_once"]
        results.put({"stats": stats, "seen": seen, "latencies": latencies, "cpu": cpu})

    asyncio.run(main())


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--origins", required=True, help="comma-separated node origins; readers spread over them")
    ap.add_argument("--editor-origin", required=True)
    ap.add_argument("--email", default="admin@localhost")
    ap.add_argument("--password", required=True)
    ap.add_argument("--article", type=int, required=True)
    ap.add_argument("--after", type=int, default=0, help="the page's data-change")
    ap.add_argument("--readers", type=int, default=5000)
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("--every", type=float, default=5)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--settle", type=float, default=5)
    ap.add_argument("--grace", type=float, default=120, help="at most this long after the last post before counting")
    ap.add_argument("--ramp", type=float, default=0.05, help="pause after each 100 connections of a process")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    origins = a.origins.split(",")
    path = f"/api/live/{a.article}/stream?after={a.after}"
    stop = mp.Event()
    results = mp.Queue()
    procs, counters, completes = [], [], []
    posted_flags = mp.Array("b", 4096)
    share = [a.readers // a.procs + (1 if i < a.readers % a.procs else 0) for i in range(a.procs)]
    first = 0
    for n in share:
        c, done, judged = mp.Value("i", 0), mp.Value("i", 0), mp.Value("i", 0)
        p = mp.Process(target=worker, args=(origins, path, n, first, c, stop, results, a.ramp, posted_flags, done, judged))
        completes.append((done, judged))
        p.start()
        procs.append(p)
        counters.append(c)
        first += n

    started = time.time()
    while sum(c.value for c in counters) < a.readers:
        if time.time() - started > 300:
            print(f"only {sum(c.value for c in counters)} of {a.readers} readers connected after 300 s", file=sys.stderr)
            break
        time.sleep(0.5)
    connect_seconds = time.time() - started
    print(f"   {sum(c.value for c in counters)} readers connected in {connect_seconds:.1f} s", flush=True)
    open(a.out + ".ready", "w").close()
    time.sleep(a.settle)

    editor = Session(a.editor_origin)
    editor.sign_in(a.email, a.password)
    desk = f"/newsroom/articles/{a.article}/live"
    posted, post_seconds, post_failures = [], [], 0
    k = 0
    begin = time.time()
    while time.time() - begin < a.duration:
        due = begin + k * a.every
        time.sleep(max(0, due - time.time()))
        k += 1
        stamp = [time.time()]

        def entry():
            # Stamped once the desk's form is in hand: delivery is measured from the POST, not from loading the desk.
            stamp[0] = time.time()
            return {"Headline": "", "Body": f"Count update {k}: bench-entry-{k}-{int(stamp[0] * 1000)}"}
        try:
            status, _ = editor.submit(desk, lambda f: "handler=Post" in f["action"], entry)
            sent = stamp[0]
            if status in (302, 303):
                posted.append(k)
                posted_flags[k] = 1
                post_seconds.append(time.time() - sent)
            else:
                post_failures += 1
        except Exception as e:  # noqa: BLE001 - a failed post is a figure, not the end of the bench
            print(f"   post {k} failed: {e}", file=sys.stderr)
            post_failures += 1
    # Until every reader holds every entry, or GRACE seconds: what is still missing then is reported as missing.
    waited = time.time()
    def holding():
        return sum(d.value if j.value == len(posted) else 0 for d, j in completes)
    time.sleep(0.5)
    while holding() < a.readers and time.time() - waited < a.grace:
        time.sleep(0.5)
    print(f"   {holding()} of {a.readers} readers hold every entry, {time.time() - waited:.0f} s after the last post", flush=True)
    open(a.out + ".posted", "w").close()
    stop.set()

    stats = {"errors": 0, "error_kinds": {}, "ended": 0, "resumes": 0, "duplicates": 0}
    latencies, caught_up, missing, short_readers, client_cpu, per_entry = [], [], 0, 0, [], {}
    for _ in procs:
        r = results.get()
        for key in ("errors", "ended", "resumes", "duplicates"):
            stats[key] += r["stats"][key]
        for kind, n in r["stats"]["error_kinds"].items():
            stats["error_kinds"][kind] = stats["error_kinds"].get(kind, 0) + n
        client_cpu.append(r["cpu"])
        latencies += [l for l, away, _ in r["latencies"] if not away]
        caught_up += [l for l, away, _ in r["latencies"] if away]
        for l, away, k in r["latencies"]:
            if not away:
                first, last = per_entry.get(k, (l, l))
                per_entry[k] = (min(first, l), max(last, l))
        for mask in r["seen"]:
            lost = sum(1 for k in posted if not mask >> k & 1)
            missing += lost
            short_readers += 1 if lost else 0
    for p in procs:
        p.join()

    summary = {
        "readers": a.readers, "nodes": len(origins), "connect_seconds": round(connect_seconds, 1),
        "posted": len(posted), "post_failures": post_failures,
        "post_p50_ms": round(1000 * percentile(post_seconds, 50), 1) if post_seconds else None,
        "expected_deliveries": len(posted) * a.readers, "delivered": len(latencies) + len(caught_up),
        "delivered_on_resume": len(caught_up),
        "resume_latency_p99_ms": round(1000 * percentile(caught_up, 99), 1) if caught_up else None,
        "missing": missing, "readers_missing_some": short_readers, "duplicates": stats["duplicates"],
        "latency_p50_ms": round(1000 * percentile(latencies, 50), 1) if latencies else None,
        "latency_p99_ms": round(1000 * percentile(latencies, 99), 1) if latencies else None,
        "latency_max_ms": round(1000 * max(latencies), 1) if latencies else None,
        "errors": stats["errors"], "error_kinds": stats["error_kinds"],
        "streams_ended_by_server": stats["ended"], "resumes": stats["resumes"],
        # Each client process's CPU use while entries were posted, as a share of one core (1.0: it could not keep up).
        # Per entry, its first and its last reader on an open stream: the first is the post (commit, eviction, hand-out),
        # the gap to the last is the fan-out to every socket. Medians over the entries, in ms.
        "first_reader_p50_ms": round(1000 * percentile([f for f, _ in per_entry.values()], 50), 1) if per_entry else None,
        "fan_out_p50_ms": round(1000 * percentile([l - f for f, l in per_entry.values()], 50), 1) if per_entry else None,
        "client_cpu_share": [round(c / w, 2) if w else None for c, w in client_cpu],
    }
    with open(a.out, "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
