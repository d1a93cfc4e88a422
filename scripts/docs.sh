#!/usr/bin/env bash
# Builds the UnlockDump library's documentation (Sources/UnlockDump/UnlockDump.docc and every
# public declaration's doc comment) with the toolchain's docc, no package plugin needed:
#
#   scripts/docs.sh [OUTPUT_DIR]      (default .build/docs; open OUTPUT_DIR/index.html)
#
# Fails on any warning (a link to a symbol that is gone, say), so the docs cannot rot unseen.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/docs}
graphs=.build/symbol-graphs
rm -rf "$graphs" "$out"
mkdir -p "$graphs"
# SwiftPM's own command (no plugin): it emits every module's graph; docc gets the library's.
dumped=$(swift package dump-symbol-graph --minimum-access-level public | sed -n 's/^Files written to //p')
shopt -s nullglob
cp "$dumped"/UnlockDump.symbols.json "$dumped"/UnlockDump@*.symbols.json "$graphs"/
docc convert Sources/UnlockDump/UnlockDump.docc --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name UnlockDump --fallback-bundle-identifier unlockdump.UnlockDump \
    --output-dir "$out" --warnings-as-errors
echo "docs.sh: $out"
