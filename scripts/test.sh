#!/usr/bin/env bash
# The whole test suite, set-up included: installs what the tests need on a fresh Debian machine,
# then builds and runs every test. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the build and the tests use, installed only when missing: zlib's headers for
# the CZlib target (gzip dumps), lz4 (the CLI tests check that its files are named, not read as
# SQL), dosfstools (a vfat file system for --backup, where the machine can loop-mount one), and
# the database tools. The conformance suite (Tests/ConformanceTests) drives the real
# mariadb-dump, mydumper / myloader, sqlite3, pg_dump and pg_dumpall and starts its own private
# mariadbd and postgres: with CI=true it fails when they are missing.
needed=(zlib1g-dev sqlite3 mariadb-server mariadb-client mydumper postgresql lz4 dosfstools)
missing=()
for package in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "test.sh: installing ${missing[*]}" >&2
    sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    # The suite runs its own server: keep the package from starting a system service.
    policy=/usr/sbin/policy-rc.d
    added_policy=
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
        "${sudo_cmd[@]}" chmod 755 "$policy"
        added_policy=1
    fi
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
    [ -z "$added_policy" ] || "${sudo_cmd[@]}" rm -f "$policy"
fi

# The producer fixtures are generated from templates: the committed pairs must match them.
python3 scripts/make-producer-dumps.py --check

swift build --build-tests
swift test --skip-build

# The same suites under AddressSanitizer, and a one-minute libFuzzer smoke over the engine so
# the harness cannot rot (longer runs: scripts/fuzz.sh SECONDS).
scripts/asan.sh
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"

# The static release for hosts without Swift: built, and run with the toolchain hidden.
scripts/test-release.sh
