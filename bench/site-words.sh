#!/usr/bin/env bash
# The spelling words (SiteWords): a whole reading of ARTICLES generated articles (10,000) whose words are drawn from
# FORMS made-up forms (500,000, Zipf: ~344,000 of them turn up), then 30 publications each followed; what the first
# search that finds nothing after a publication waits for. Server GC, as the app runs. Not a test: it measures and prints.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Broadsheet.Bench -v q -nologo
DOTNET_gcServer=1 dotnet run -c Release --no-build --project bench/Broadsheet.Bench -- site-words "${1:-10000}" "${2:-500000}"
