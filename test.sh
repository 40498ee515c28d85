#!/usr/bin/env bash
# Runs every test of Broadsheet on a fresh Debian machine with the .NET SDK: installs what the
# tests need (Chromium, PostgreSQL, Redis) when missing, starts PostgreSQL and Redis on loopback,
# and runs the integration suite on SQLite and again on PostgreSQL, then the browser tests.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Missing ${need[*]}: run once as root, or apt-get install them." >&2; exit 1; fi
  echo "Installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
tests/services/start.sh

export CI="${CI:-true}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p artifacts
dotnet build Broadsheet.sln -c Release -warnaserror 2>&1 | tail -n 3

status=0
: > artifacts/test-output.txt
run() {
  local label=$1 project=$2
  echo "== $label"
  if ! dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" \
      --results-directory "artifacts/$label" > "artifacts/$label.log" 2>&1; then status=1; fi
  cat "artifacts/$label.log" >> artifacts/test-output.txt
  # A failure's name, its message and the first lines of its stack, so the CI log says what broke.
  grep -E -A 4 "^\s*Failed Broadsheet\." "artifacts/$label.log" | head -n 300 || true
  grep -E "^Total tests|^\s+(Passed|Failed|Skipped): |error (CS|MSB)" "artifacts/$label.log" | head -n 100 || true
}

run sqlite tests/Broadsheet.Tests
BROADSHEET_TEST_DATABASE=postgres run postgres tests/Broadsheet.Tests
for project in tests/*/; do
  [ "$(basename "$project")" = Broadsheet.Tests ] && continue
  [ -n "$(ls "$project"*.csproj 2>/dev/null)" ] || continue
  run "$(basename "$project")" "$project"
done

total() { grep -E "^\s+$1: +[0-9]+$" artifacts/test-output.txt | grep -oE "[0-9]+" | awk '{s+=$1} END {print s+0}'; }
echo "$(total Passed) passed, $(total Failed) failed"
exit $status
