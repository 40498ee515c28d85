#!/usr/bin/env bash
# Runs every test of Broadsheet on a fresh Debian machine with the .NET SDK.
# It installs what the tests need (Chromium for the browser tests) when it is missing.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Missing ${need[*]}; run as root once, or install them with apt-get." >&2
    exit 1
  fi
fi

export CI="${CI:-true}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p artifacts
dotnet build Broadsheet.sln -c Release -warnaserror 2>&1 | tail -n 3

status=0
: > artifacts/test-output.txt
for project in tests/*/; do
  name=$(basename "$project")
  echo "== $name"
  if ! dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" \
    --results-directory "artifacts/$name" > "artifacts/$name.log" 2>&1; then status=1; fi
  cat "artifacts/$name.log" >> artifacts/test-output.txt
  grep -E "^\s*(Failed|Skipped) |^\s*Error Message|^(Passed|Failed)!|error" "artifacts/$name.log" | head -n 200 || true
done

total() { grep -oE "$1: +[0-9]+" artifacts/test-output.txt | grep -oE "[0-9]+" | awk '{s+=$1} END {print s+0}'; }
echo "$(total Passed) passed, $(total Failed) failed"
exit $status
