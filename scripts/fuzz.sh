#!/usr/bin/env bash
# Fuzzes the UnlockDump engine, or the gzip splicer, with libFuzzer + AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS]                      (default 60: a CI smoke run) the engine
#   FUZZ_TARGET=splice scripts/fuzz.sh [SECONDS]   the gzip splicer (scripts/fuzz/SpliceFuzzHarness.swift)
#
# Builds scripts/fuzz/FuzzHarness.swift together with Sources/UnlockDump/*.swift into
# .build-fuzz/unlockdump-fuzz, seeds a corpus outside the repo from samples/*.sql (cut into
# pieces of at most max_len bytes), scripts/fuzz/seeds/*.sql and the inputs in
# scripts/fuzz/crashes/engine/ that once broke an invariant, runs libFuzzer for SECONDS and
# prints how many inputs it executed. Exits non-zero when an input broke an invariant or crashed
# the engine; the message names the saved crash file. See the harness for the invariants and for
# the 2-byte configuration prefix every fuzz input starts with.
#
# The splice target builds Sources/StreamCompression/*.swift with its harness and the unit tests'
# splice helpers (linked with zlib and libzstd, which the library wraps) into
# .build-fuzz/unlockdump-splice-fuzz, seeds from a few generated inputs and
# scripts/fuzz/crashes/splice/, work directory
# .build-fuzz/splice; see its harness for the input layout and invariants.
#
# Environment:
#   FUZZ_TARGET   engine (default) or splice
#   FUZZ_DIR      work directory (default .build-fuzz/work, so every clone starts from the seeds
#                 alone): corpus/, seeds/, artifacts/, logs. A corpus grown over many runs is
#                 kept by naming a directory of your own, e.g. FUZZ_DIR=~/.cache/unlockdump-fuzz
#   FUZZ_FRESH=1  start from the seeds only (drop the corpus grown by earlier runs)
#   FUZZ_SEED     libFuzzer -seed (default 1, for repeatable CI runs)
#   FUZZ_MAX_LEN  libFuzzer -max_len (default 4096)
#   FUZZ_OPT      swiftc optimization flag (default -O; -Onone for easier debugging)
#   FUZZ_ARGS     extra libFuzzer arguments (e.g. "-fork=2 -ignore_timeouts=1 -ignore_crashes=1")
#
# Reproduce a crash:       .build-fuzz/unlockdump-fuzz -artifact_prefix=/tmp/ CRASH_FILE
# Minimize a crash:        .build-fuzz/unlockdump-fuzz -minimize_crash=1 -runs=20000 \
#                              -exact_artifact_path=/tmp/min CRASH_FILE
# (a hang: add -timeout=2; set SWIFT_BACKTRACE=enable=no, the Swift backtracer is slow under ASan)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
target=${FUZZ_TARGET:-engine}
max_len=${FUZZ_MAX_LEN:-4096}
build_dir=.build-fuzz
case $target in
    engine)
        fuzz_dir=${FUZZ_DIR:-.build-fuzz/work}
        binary=$build_dir/unlockdump-fuzz
        sources=(Sources/UnlockDump/*.swift scripts/fuzz/FuzzHarness.swift)
        link=()
        dict=(-dict=scripts/fuzz/sql.dict) ;;
    splice)
        fuzz_dir=${FUZZ_DIR:-.build-fuzz/splice}
        binary=$build_dir/unlockdump-splice-fuzz
        sources=(Sources/StreamCompression/*.swift Tests/StreamCompressionTests/SpliceHarness.swift
            Tests/StreamCompressionTests/SpliceInputs.swift scripts/fuzz/SpliceFuzzHarness.swift)
        link=(-I Sources/CZlib -I Sources/CZstd -lz -lzstd)
        dict=() ;;
    *) echo "fuzz.sh: FUZZ_TARGET must be engine or splice, not $target" >&2; exit 2 ;;
esac

# --- build -------------------------------------------------------------------------------------
mkdir -p "$build_dir"
if [ ! -x "$binary" ] || [ -n "$(find "${sources[@]}" scripts/fuzz.sh -newer "$binary" 2>/dev/null)" ]; then
    echo "fuzz.sh: building $binary" >&2
    rm -f "$binary"
    swiftc -sanitize=fuzzer,address -parse-as-library ${FUZZ_OPT:--O} -g "${link[@]}" \
        -module-name UnlockDumpFuzz "${sources[@]}" -o "$binary" 2>&1 |
        { grep -v "warning: Cannot export local symbol '__asan" || true; } >&2
    [ -x "$binary" ] || { echo "fuzz.sh: build failed" >&2; exit 1; }
fi

# --- seeds ---------------------------------------------------------------------------------------
# Every fuzz input starts with 2 bytes: configuration (dialect etc.) and chunking seed.
seeds=$fuzz_dir/seeds
corpus=$fuzz_dir/corpus
artifacts=$fuzz_dir/artifacts
[ "${FUZZ_FRESH:-0}" = 1 ] && rm -rf "$corpus"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"

raw=$(mktemp -d)
trap 'rm -rf "$raw"' EXIT
n=0
# Inputs that once broke an invariant, configuration bytes included: replayed every run.
for crash in "scripts/fuzz/crashes/$target"/*; do
    n=$((n + 1))
    cp "$crash" "$seeds/crash-$(basename "$crash")"
done
if [ "$target" = splice ]; then
    # Levels 0, 1, 6 and 9, one to four members, edit specs from the samples' own bytes.
    for config in 00 11 26 39; do
        for data in samples/ghost-mysql8.sql samples/knex-postgres.sql; do
            n=$((n + 1))
            { printf "\\x$config\\x$(printf %02x $((n * 37 % 256)))\\x$(printf %02x $((n % 8 | 8 * n % 256)))"
              head -c 600 "$data"; } > "$seeds/seed-$n"
        done
    done
else
    cp scripts/fuzz/seeds/*.sql "$raw/"
    # The samples are larger than max_len: cut them at blank lines into pieces that fit (with the
    # first paragraph, the header with the dialect markers, in front of each piece).
    for sample in samples/*.sql; do
        case $sample in *.expected.sql) continue ;; esac
        LC_ALL=C awk -v limit=$((max_len - 2)) -v out="$raw/$(basename "$sample" .sql)" '
            BEGIN { RS = ""; ORS = "\n\n"; n = 0; piece = ""; header = "" }
            NR == 1 { header = $0 "\n\n"; next }
            {
                para = $0 "\n\n"
                if (piece != "" && length(header piece para) > limit) { emit() }
                piece = piece para
            }
            END { if (piece != "") emit() }
            function emit() { n++; printf "%s%s", header, piece > (out "-" n ".sql"); close(out "-" n ".sql"); piece = "" }
        ' "$sample"
    done
    for file in "$raw"/*.sql; do
        name=$(basename "$file" .sql)
        # auto, mysql, sqlite, postgres; and one variant with a small maxLockRowBytes (0x04 | 7 << 3 = 64 bytes).
        for config in 00 01 02 03 3c; do
            n=$((n + 1))
            { printf "\\x$config\\x$(printf %02x $((n % 256)))"; cat "$file"; } > "$seeds/$name-$config"
        done
    done
fi
echo "fuzz.sh: $n seed inputs in $seeds; corpus $corpus ($(ls "$corpus" | wc -l) inputs from earlier runs)" >&2

# --- run -----------------------------------------------------------------------------------------
log=$fuzz_dir/last-run.log
echo "fuzz.sh: fuzzing for ${seconds}s (log: $log)" >&2
set +e
export SWIFT_BACKTRACE=enable=no  # the Swift crash backtracer is slow and confused under ASan
# shellcheck disable=SC2086
"$binary" "$corpus" "$seeds" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -seed="${FUZZ_SEED:-1}" "${dict[@]}" -artifact_prefix="$artifacts/" \
    -print_final_stats=1 -print_pcs=0 ${FUZZ_ARGS:-} >"$log" 2>&1
status=$?
set -e

tail -n 25 "$log" | grep -a -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added)' >&2 || true
executed=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
echo "fuzz.sh: ${executed:-?} executions in ${seconds}s, corpus now $(ls "$corpus" | wc -l) inputs" >&2

if [ $status -ne 0 ]; then
    grep -a -E 'FUZZ INVARIANT VIOLATED|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY' "$log" | head -n 5 >&2 || true
    crash=$(grep -a -o 'Test unit written to [^ ]*' "$log" | tail -n 1 | sed 's/^Test unit written to //')
    echo "fuzz.sh: FAILED (libFuzzer exit $status); crash input: ${crash:-see $log}" >&2
    echo "fuzz.sh: reproduce with: SWIFT_BACKTRACE=enable=no $binary -artifact_prefix=/tmp/ ${crash:-CRASH_FILE}" >&2
    exit 1
fi
echo "fuzz.sh: no invariant violated" >&2
