#!/usr/bin/env bash
# Comment rules benchmark: µs per check of one comment against 1,000 (and 5,000) word rules,
# with and without phrases and patterns. See docs/features/comments.md for the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Broadsheet.Bench -v q -nologo
dotnet run -c Release --no-build --project bench/Broadsheet.Bench -- comment-rules
