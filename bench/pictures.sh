#!/usr/bin/env bash
# Picture-intake benchmark (docs/features/media.md, docs/PERFORMANCE.md "Picture intake"): the frame
# bomb and a 24-megapixel JPEG through ImageSharp 2.1 (the old intake), libvips (the intake now,
# limits aside) and a libvips header read (what the intake does with the bomb). Each line is one
# process, so its peak resident memory is its own.
#   bench/pictures.sh [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
dotnet build -c Release bench/pictures -v q -nologo -o "$DIR/bin"
dotnet "$DIR/bin/Pictures.dll" make "$DIR"
ls -l "$DIR"/bomb.gif "$DIR"/photo24.jpg
for _ in $(seq "$RUNS"); do
  for mode in imagesharp libvips header; do
    for picture in bomb.gif photo24.jpg; do
      dotnet "$DIR/bin/Pictures.dll" "$mode" "$DIR/$picture" 2>/dev/null
    done
  done
done
