#!/usr/bin/env bash
# Runs the suites whose code has threads of its own (StreamCompressionTests: the parallel gzip
# encoder's workers) under ThreadSanitizer, in a build directory of its own (.build-tsan). The
# other suites are single-threaded code; AddressSanitizer covers their memory (scripts/asan.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter StreamCompressionTests
