#!/bin/sh
# Installs unlockdump and its man page:
#
#   scripts/install.sh [PREFIX]        PREFIX defaults to /usr/local
#
# puts PREFIX/bin/unlockdump and PREFIX/share/man/man1/unlockdump.1 in place. DESTDIR is put in
# front of both, as packagers expect (DESTDIR=/tmp/pkg scripts/install.sh /usr). The release
# binary is built first with `swift build -c release`; BINARY=PATH installs an already built
# binary instead (the tests use it), SCRATCH_PATH=DIR builds into that scratch directory.
set -eu

prefix=${1:-/usr/local}
root=$(cd "$(dirname "$0")/.." && pwd)

if [ -z "${BINARY:-}" ]; then
    scratch=${SCRATCH_PATH:-$root/.build}
    swift build --package-path "$root" --scratch-path "$scratch" -c release --product unlockdump >&2
    BINARY=$scratch/release/unlockdump
fi

bin_dir=${DESTDIR:-}$prefix/bin
man_dir=${DESTDIR:-}$prefix/share/man/man1
mkdir -p "$bin_dir" "$man_dir"
install -m 755 "$BINARY" "$bin_dir/unlockdump"
install -m 644 "$root/Sources/unlockdump/unlockdump.1" "$man_dir/unlockdump.1"
echo "installed $bin_dir/unlockdump and $man_dir/unlockdump.1" >&2
