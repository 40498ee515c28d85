#!/usr/bin/env bash
# Search benchmark: builds an index of generated articles (default 100,000) in a temporary
# folder, reports the full-build rate, then p50/p99 latency and queries/s for a mixed set of
# 1- to 4-word queries in English and Russian. See docs/features/search.md for the method.
#   bench/search.sh [articles]            Lucene (the SQLite deployment's search)
#   bench/search.sh [articles] postgres   PostgreSQL full-text search, in a throwaway database on
#                                         $PGHOST:$PGPORT (default 127.0.0.1:55432, tests/services/start.sh)
#   KEEP=1 bench/search.sh N postgres     keeps the database afterwards (its name is printed) to ask again:
#   DB=name bench/search.sh again         the same queries against that database as it is, no loading
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-100000}"
ENGINE="${2:-lucene}"
if [ "$ARTICLES" = again ]; then
  [ -n "${DB:-}" ] || { echo "DB=name bench/search.sh again: the database a KEEP=1 run left" >&2; exit 2; }
  ENGINE=postgres KEEP=1
fi
if [ "$ENGINE" = postgres ]; then
  export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-55432}" PGUSER="${PGUSER:-postgres}"
  DB="${DB:-broadsheet_search_bench_$$}"
  # No command timeout: completing the COPY of a million articles (each row's search column and GIN entries) takes minutes.
  export ConnectionStrings__Broadsheet="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$DB;Command Timeout=0"
  if [ "${KEEP:-}" = 1 ]; then echo "Keeping the database $DB"
  else trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT; fi
fi
dotnet build -c Release bench/Broadsheet.Bench -v q -nologo
if [ "$ARTICLES" = again ]; then
  dotnet run -c Release --no-build --project bench/Broadsheet.Bench -- search-database
else
  dotnet run -c Release --no-build --project bench/Broadsheet.Bench -- search "$ARTICLES" "$ENGINE"
fi
