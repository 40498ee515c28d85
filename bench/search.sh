#!/usr/bin/env bash
# Search benchmark: builds an index of generated articles (default 100,000) in a temporary
# folder, reports the full-build rate, then p50/p99 latency and queries/s for a mixed set of
# 1- to 4-word queries in English and Russian. See docs/features/search.md for the method.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-100000}"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
dotnet build -c Release src/Broadsheet -v q -nologo
Broadsheet__DataDirectory="$DATA" Broadsheet__SeedDemo=false Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --no-launch-profile --project src/Broadsheet -- search-bench "$ARTICLES"
