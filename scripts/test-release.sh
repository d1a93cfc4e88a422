#!/usr/bin/env bash
# Proves the release runs where no Swift is installed: builds it with scripts/release.sh, checks
# its SHA256SUMS and that no shared library is needed, then runs the binary in a private mount
# namespace where the toolchain directory is hidden under an empty tmpfs (unshare -m, as root),
# and there patches every sample byte-exactly, reads a gzip and a zstd sample, writes a zstd one
# (the static libzstd at work both ways), and says it is static.
# Also lists what the .deb installs. Part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

tarball=$(scripts/release.sh 2>/dev/null | tail -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
release=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'unlockdump-*')
(cd "$release" && sha256sum --quiet -c SHA256SUMS)
if ldd "$release/unlockdump" 2>&1 | grep -qi "swift\|=>"; then
    echo "test-release.sh: the release binary needs shared libraries:" >&2
    ldd "$release/unlockdump" >&2
    exit 1
fi

# What the binary would otherwise load its runtime from: /opt/swift/usr for /opt/swift/usr/bin/swift.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
cp samples/*.sql "$work/"
gzip -9 -n -c samples/ghost-mariadb.sql > "$work/ghost-mariadb.sql.gz"
zstd -q -c samples/ghost-mariadb.sql > "$work/ghost-mariadb.sql.zst"
unshare -m sh -e -c '
    mount -t tmpfs none "$1"
    [ -z "$(ls -A "$1")" ]
    cd "$2"
    for input in *.sql; do
        case "$input" in *.expected.sql) continue ;; esac
        "$3" -q "$input" | cmp - "${input%.sql}.expected.sql"
    done
    "$3" -q ghost-mariadb.sql.gz | cmp - ghost-mariadb.expected.sql
    "$3" -q ghost-mariadb.sql.zst | cmp - ghost-mariadb.expected.sql
    "$3" -q ghost-mariadb.sql -o unlocked.sql.zst
    zstd -q -dc unlocked.sql.zst | cmp - ghost-mariadb.expected.sql
    "$3" --version | grep -q "^linkage: static"
' hide "$toolchain" "$work" "$release/unlockdump"

deb=$(dirname "$tarball")/$(basename "$tarball" | sed 's/^unlockdump-\([^-]*\)-linux-.*/unlockdump_\1/')_$(dpkg --print-architecture).deb
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/unlockdump ./usr/share/man/man1/unlockdump.1.gz; do
    grep -q " $path\$" <<<"$contents" || { echo "test-release.sh: $deb lacks $path" >&2; exit 1; }
done
echo "test-release.sh: $(basename "$tarball") runs with $toolchain hidden; $(stat -c %s "$release/unlockdump") bytes" >&2
