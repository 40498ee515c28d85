#!/usr/bin/env bash
# Starts the servers the tests use, on loopback only, each in a folder of its own under
# $BROADSHEET_SERVICES (default /tmp/broadsheet-services), and leaves them running.
# PostgreSQL: 127.0.0.1:55432, trust auth for the local test user "postgres", no fsync.
# Redis:      127.0.0.1:56379, no persistence.
set -euo pipefail
root="${BROADSHEET_SERVICES:-/tmp/broadsheet-services}"
mkdir -p "$root"

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then echo "PostgreSQL or Redis is missing; install postgresql and redis-server." >&2; exit 1; fi
  echo "Installing postgresql and redis-server"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql redis-server >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
# The distribution's own clusters are not ours to start or stop.

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
pgdata="$root/pg"
if ! (echo > /dev/tcp/127.0.0.1/55432) 2>/dev/null; then
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    rm -rf "$pgdata"; mkdir -p "$pgdata"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdata" "$root"
    as_postgres "'$pg_bin/initdb' -D '$pgdata' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  start_pg() {
    as_postgres "'$pg_bin/pg_ctl' -D '$pgdata' -l '$pgdata/server.log' -w -t 60 \
      -o \"-p 55432 -k '$pgdata' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
  }
  # The cluster holds only throwaway test databases: if a killed run left it unusable, start afresh.
  if ! start_pg; then
    echo "PostgreSQL did not start from $pgdata; making a new cluster"
    rm -rf "$pgdata"; mkdir -p "$pgdata"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdata"
    as_postgres "'$pg_bin/initdb' -D '$pgdata' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
    start_pg
  fi
fi
echo "PostgreSQL on 127.0.0.1:55432"

if ! (echo > /dev/tcp/127.0.0.1/56379) 2>/dev/null; then
  redis-server --port 56379 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$root" --logfile "$root/redis.log" --pidfile "$root/redis.pid"
  for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/56379) 2>/dev/null && break; sleep 0.1; done
fi
echo "Redis on 127.0.0.1:56379"
