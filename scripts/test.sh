#!/usr/bin/env bash
# The whole test suite, set-up included: installs what the tests need on a fresh Debian machine,
# then builds and runs every test. `.ci/run` calls exactly this.
#
# Quiet by design: one line per step with its time, one per test target with its counts, and the
# test runner's closing summary last. Everything the steps print goes to a log
# (.build/test-logs/test.log, or TEST_LOG); a failing step shows its failures and the log's tail.
set -euo pipefail
cd "$(dirname "$0")/.."

log=${TEST_LOG:-.build/test-logs/test.log}
mkdir -p "$(dirname "$log")"
: > "$log"
started=$SECONDS

# Runs a step with its output in the log; on failure shows what failed and stops.
step() {
    local name=$1 begin=$SECONDS
    shift
    printf '\n===== %s: %s\n' "$name" "$*" >> "$log"
    local from
    from=$(wc -l < "$log")
    local status=0
    "$@" >> "$log" 2>&1 || status=$?
    if ((status == 0)); then
        echo "test.sh: $name: ok ($((SECONDS - begin)) s)"
        return
    fi
    echo "test.sh: $name: FAILED (exit $status, $((SECONDS - begin)) s); full log: $log"
    # swift-testing marks failures with ✘; other tools end with their error.
    tail -n +"$((from + 1))" "$log" | grep -A4 "✘" | head -n 150 || true
    echo "----- last lines of the step:"
    tail -n +"$((from + 1))" "$log" | tail -n 40
    exit "$status"
}

# Debian packages the build and the tests use, installed only when missing: zlib's and libzstd's
# headers for the CZlib and CZstd targets (gzip and zstd dumps; libzstd-dev also brings the
# libzstd.a the static release links), zstd and pigz (the tests compress and check with the real
# ones; pigz writes the sync-flushed, stored-block streams the gzip splice must keep right), lz4
# (the CLI tests check that its files are named, not read as SQL), dosfstools (a vfat file system
# for --backup, where the machine can loop-mount one), and the database tools. The conformance suite (Tests/ConformanceTests) drives the real
# mariadb-dump, mydumper / myloader, sqlite3, pg_dump and pg_dumpall and starts its own private
# mariadbd and postgres: with CI=true it fails when they are missing.
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
# The suite runs its own servers: while packages install, a policy keeps them from starting
# system services. It is taken away again however the script ends, or every later service
# start on the machine is blocked.
added_policy=
trap '[ -z "$added_policy" ] || "${sudo_cmd[@]}" rm -f "$added_policy"' EXIT
install_packages() {
    local needed=(zlib1g-dev libzstd-dev zstd pigz sqlite3 mariadb-server mariadb-client mydumper postgresql lz4 dosfstools)
    local missing=() package
    for package in "${needed[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    ((${#missing[@]})) || return 0
    echo "installing ${missing[*]}"
    local policy=/usr/sbin/policy-rc.d
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
        "${sudo_cmd[@]}" chmod 755 "$policy"
        added_policy=$policy
    fi
    "${sudo_cmd[@]}" apt-get update -qq || return
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" || return
    [ -z "$added_policy" ] || "${sudo_cmd[@]}" rm -f "$added_policy"
    added_policy=
}

# One line per test target: its tests and failures, from the runner's xUnit report.
report_targets() {
    python3 - "$1" <<'EOF'
import collections, sys, xml.etree.ElementTree as ET
counts = collections.OrderedDict()
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    target = case.get("classname", "").split(".")[0]
    tests, failed = counts.get(target, (0, 0))
    counts[target] = (tests + 1, failed + (case.find("failure") is not None))
for target, (tests, failed) in counts.items():
    print(f"test.sh: {target}: {tests} tests, {failed} failed")
EOF
}

step "packages" install_packages
# The producer fixtures are generated from templates: the committed pairs must match them.
step "producer fixtures" python3 scripts/make-producer-dumps.py --check
step "build" swift build --build-tests
step "library documentation" scripts/docs.sh
xunit=$(dirname "$log")/results.xml
step "swift test" swift test --skip-build --xunit-output "$xunit"
report_targets "${xunit%.xml}-swift-testing.xml"
summary=$(grep "Test run with" "$log" | tail -n 1)
# The same suites under AddressSanitizer, and libFuzzer smokes over the engine (a minute) and
# the gzip splicer (half that) so the harnesses cannot rot (longer runs: scripts/fuzz.sh SECONDS).
step "AddressSanitizer suites" scripts/asan.sh
step "fuzz smoke" scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
step "splice fuzz smoke" env FUZZ_TARGET=splice scripts/fuzz.sh "${SPLICE_FUZZ_SECONDS:-30}"
# The threaded code (the parallel gzip encoder's workers) under ThreadSanitizer.
step "ThreadSanitizer suite" scripts/tsan.sh
# The static release for hosts without Swift: built, and run with the toolchain hidden.
step "static release" scripts/test-release.sh
echo "test.sh: all steps passed in $((SECONDS - started)) s; full log: $log"
echo "$summary"
