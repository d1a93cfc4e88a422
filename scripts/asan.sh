#!/usr/bin/env bash
# Builds and runs the engine and command-line test suites under AddressSanitizer, in a build
# directory of its own (.build-asan). Left out: the conformance suite (it exercises the real
# database tools, not more of unlockdump's memory handling) and the peak-RSS test (an ASan
# binary's memory use says nothing about the real one's). Leak reports are off: the only leaks
# LeakSanitizer finds are in Foundation's Data(contentsOf:), used by the tests, not by unlockdump.
# scripts/asan.supp silences one overread inside Foundation's Process (see there).
set -euo pipefail
cd "$(dirname "$0")/.."
# ld.gold warns once per ASan helper symbol it cannot export: noise, not a finding.
swift build --build-tests --sanitize=address --scratch-path .build-asan 2>&1 |
    { grep -v "warning: Cannot export local symbol '__asan" || true; }
# A copy anyone can read: one test runs the binary as nobody, and a clone's directory may not be
# open to it.
suppressions=$(mktemp /tmp/unlockdump-asan-XXXXXX.supp)
trap 'rm -f "$suppressions"' EXIT
cp scripts/asan.supp "$suppressions"
chmod 644 "$suppressions"
ASAN_OPTIONS=detect_leaks=0:suppressions="$suppressions" swift test --skip-build --sanitize=address --scratch-path .build-asan \
    --skip ConformanceTests --skip memoryStaysFlat
