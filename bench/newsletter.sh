#!/usr/bin/env bash
# One daily digest to N confirmed subscribers through a counting SMTP sink on loopback, with the app killed
# (SIGKILL) in the middle of the send and started again. Not a test: it measures and counts.
#
#   bench/newsletter.sh
#
# 1. A fresh data folder: the app seeds the demo publication (newsletter jobs off, so nothing is planned), stops.
# 2. N confirmed subscribers, all rubrics, confirmed three days ago, inserted in one SQLite transaction.
# 3. bench/smtp-sink.py (PIPELINING offered) and the app with SMTP pointed at it: at start the app plans today's
#    daily edition (one delivery row per subscriber) and its newsletter job sends it.
# 4. When the sink has accepted KILL_AT messages, kill -9; start again. The batch the dead process had claimed
#    waits out its lease (LEASE seconds), then goes again.
# 5. Counts from the sink's log: messages, distinct recipients, recipients with two messages (and whether the two
#    had the same Message-ID), recipients with none; rates from the sink's timestamps; peak RSS (VmHWM) of each
#    process; the delivery rows by state.
# Settings (environment): N (100000), KILL_AT (N * 2 / 5), LEASE (15), BATCH (50), PORT (5196), SMTP_PORT (5197),
# TIMEOUT (1800 s for the whole send), DLL (another build of the app). Prints the planning time (app answering to the
# run committed) and the sink's own CPU, the ceiling a faster sender would meet.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}; KILL_AT=${KILL_AT:-$((N * 2 / 5))}; LEASE=${LEASE:-15}; BATCH=${BATCH:-50}
PORT=${PORT:-5196}; SMTP_PORT=${SMTP_PORT:-5197}; TIMEOUT=${TIMEOUT:-1800}
dll=${DLL:-"$PWD/src/Broadsheet/bin/Release/net10.0/Broadsheet.dll"}
origin="http://127.0.0.1:$PORT"
out="$PWD/bench/results/newsletter-$(date -u +%Y%m%dT%H%M%SZ)"; data="$out/data"; mkdir -p "$data"
sent_log="$out/sink.tsv"; : > "$sent_log"
app_pid=""; sink_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

start_app() { # start_app LOGNAME [extra env...]
  local name=$1; shift
  (cd src/Broadsheet && exec env ASPNETCORE_ENVIRONMENT=Production Broadsheet__DataDirectory="$data" Broadsheet__PublicUrl="$origin" \
    "$@" dotnet "$dll" --urls "$origin") > "$out/app-$name.log" 2>&1 &
  app_pid=$!
}
wait_up() { until curl -fs -o /dev/null --max-time 5 "$origin/healthz"; do sleep 0.2; done; }
peak_rss() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$app_pid/status" 2>/dev/null || echo 0; }
sent() { wc -l < "$sent_log"; }
cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$app_pid/stat" 2>/dev/null || echo 0; }
pending() { sqlite3 "$data/broadsheet.db" "SELECT count(*) FROM DigestDelivery WHERE State = 'Pending'"; }

start_app seed Broadsheet__Newsletter__SchedulerSeconds=0
wait_up; kill "$app_pid"; wait "$app_pid" || true; app_pid=""

s=$(date +%s.%N)
sqlite3 "$data/broadsheet.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
  INSERT INTO Subscriber (Email, State, Frequency, BreakingAlerts, CreatedAt, ConfirmedAt)
  SELECT printf('reader%07d@bench.test', i), 'Confirmed', 'Daily', 0,
         strftime('%Y-%m-%d %H:%M:%S', 'now', '-3 days'), strftime('%Y-%m-%d %H:%M:%S', 'now', '-3 days') FROM n;"
echo "seeded $N subscribers in $(echo "$(date +%s.%N) - $s" | bc -l | cut -c1-5) s"

python3 bench/smtp-sink.py "$SMTP_PORT" "$sent_log" & sink_pid=$!
smtp=(Broadsheet__Smtp__Host=127.0.0.1 Broadsheet__Smtp__Port="$SMTP_PORT" Broadsheet__Smtp__Security=None
  Broadsheet__Smtp__FromAddress=news@bench.test Broadsheet__Newsletter__SchedulerSeconds=2
  Broadsheet__Newsletter__SendLeaseSeconds="$LEASE" Broadsheet__Newsletter__BatchSize="$BATCH")
started=$(date +%s.%N)
start_app first "${smtp[@]}"
deadline=$(( $(date +%s) + TIMEOUT ))
# Planning: from the app answering (its jobs start with it) to the run's commit, which writes every delivery at once.
wait_up; up=$(date +%s.%N)
until [ "$(sqlite3 "$data/broadsheet.db" "SELECT count(*) FROM DigestRun" 2>/dev/null || echo 0)" -gt 0 ]; do sleep 0.1; done
planned=$(date +%s.%N)
echo "planned the edition in $(echo "$planned - $up" | bc -l | cut -c1-6) s after the app answered ($(sqlite3 "$data/broadsheet.db" "SELECT count(*) FROM DigestDelivery") deliveries)"
rss1=0
while [ "$(sent)" -lt "$KILL_AT" ] && [ "$(date +%s)" -lt "$deadline" ]; do rss1=$(peak_rss); sleep 0.2; done
rss1=$(peak_rss); cpu1=$(cpu_ms)
kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
killed=$(date +%s.%N); at_kill=$(sent)
echo "killed at $at_kill messages accepted by the sink; $(pending) deliveries pending in the database"

start_app second "${smtp[@]}"
rss2=0
until [ "$(pending)" -eq 0 ] || [ "$(date +%s)" -ge "$deadline" ]; do rss2=$(peak_rss); sleep 0.5; done
sleep 1; rss2=$(peak_rss); cpu2=$(cpu_ms)
sink_cpu=$(awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$sink_pid/stat")
finished=$(date +%s.%N)
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

sqlite3 -separator ' ' "$data/broadsheet.db" "SELECT State, count(*) FROM DigestDelivery GROUP BY State" > "$out/states.txt"
python3 - "$sent_log" "$N" "$started" "$killed" "$finished" "$rss1" "$rss2" "$LEASE" "$out/states.txt" "$cpu1" "$cpu2" <<'PY'
import collections, sys
log, n, started, killed, finished, rss1, rss2, lease, states, cpu1, cpu2 = sys.argv[1:]
n, started, killed, finished, lease = int(n), float(started), float(killed), float(finished), int(lease)
rows = [line.rstrip("\n").split("\t") for line in open(log)]
by_rcpt = collections.defaultdict(list)
for t, rcpt, mid in rows:
    by_rcpt[rcpt].append((float(t), mid))
twice = {r: m for r, m in by_rcpt.items() if len(m) > 1}
same_id = sum(1 for m in twice.values() if len({mid for _, mid in m}) == 1)
times = sorted(float(t) for t, _, _ in rows)
before = [t for t in times if t <= killed]
after = [t for t in times if t > killed]
rate = lambda ts: (len(ts) - 1) / (ts[-1] - ts[0]) if len(ts) > 1 and ts[-1] > ts[0] else 0
print(f"messages accepted by the sink: {len(rows):,}; distinct recipients {len(by_rcpt):,} of {n:,}; "
      f"missing {n - len(by_rcpt):,}; recipients with more than one: {len(twice):,} (same Message-ID on both: {same_id:,})")
print(f"app start to first message: {times[0] - started:.1f} s (planning the edition); first to last message: {times[-1] - times[0]:.1f} s "
      f"(including the restart and the {lease} s lease)")
print(f"before the kill: {len(before):,} messages, {rate(before):,.0f} messages/s; after the restart: {len(after):,}, {rate(after):,.0f} messages/s")
print(f"peak RSS (VmHWM): {rss1} MB before the kill, {rss2} MB after the restart; whole run {finished - started:.0f} s")
print(f"app CPU (user + sys, planning, start-up and JIT included): {int(cpu1) / 1000:.1f} s before the kill, {int(cpu2) / 1000:.1f} s after the restart; "
      f"{(int(cpu1) + int(cpu2)) / max(1, len(rows)):.2f} ms per message")
print("delivery rows: " + ", ".join(line.strip() for line in open(states)))
PY
echo "sink CPU (user + sys): $(echo "$sink_cpu / 1000" | bc -l | cut -c1-6) s"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); raw results in $out"
