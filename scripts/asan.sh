#!/usr/bin/env bash
# Builds and runs the engine and command-line test suites under AddressSanitizer, in a build
# directory of its own (.build-asan). The conformance suite is left out: it exercises the real
# database tools, not more of unlockdump's memory handling.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests --sanitize=address --scratch-path .build-asan
swift test --skip-build --sanitize=address --scratch-path .build-asan --skip ConformanceTests
