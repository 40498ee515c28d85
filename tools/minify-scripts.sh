#!/usr/bin/env bash
# Rebuilds the minified reader scripts (wwwroot/js/*.min.js) from their readable sources.
# The minified files are committed, so neither the site nor its tests need Node.js; run this
# after editing a script. It fetches terser from the npm registry into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../src/Broadsheet/wwwroot/js"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent terser@5 >/dev/null)
for source in article.js typo.js staff-comments.js account.js live.js; do
  "$work/node_modules/.bin/terser" "$source" --compress --mangle --comments false -o "${source%.js}.min.js"
  printf '%s: %s bytes, %s gzipped\n' "${source%.js}.min.js" "$(wc -c < "${source%.js}.min.js")" "$(gzip -9c "${source%.js}.min.js" | wc -c)"
done
