#!/bin/sh
# Installs unlockdump and its man page:
#
#   scripts/install.sh [PREFIX]        PREFIX defaults to /usr/local
#
# puts PREFIX/bin/unlockdump and PREFIX/share/man/man1/unlockdump.1 in place. DESTDIR is put in
# front of both, as packagers expect (DESTDIR=/tmp/pkg scripts/install.sh /usr). The static
# release binary is built first with scripts/release.sh (it needs nothing from the host, so the
# installed program keeps working when the toolchain goes); BINARY=PATH installs an already
# built binary instead (the tests use it).
set -eu

prefix=${1:-/usr/local}
root=$(cd "$(dirname "$0")/.." && pwd)

if [ -z "${BINARY:-}" ]; then
    tarball=$("$root/scripts/release.sh" | tail -n 1)
    BINARY=$root/${tarball%.tar.gz}/unlockdump
fi

bin_dir=${DESTDIR:-}$prefix/bin
man_dir=${DESTDIR:-}$prefix/share/man/man1
mkdir -p "$bin_dir" "$man_dir"
install -m 755 "$BINARY" "$bin_dir/unlockdump"
install -m 644 "$root/Sources/unlockdump/unlockdump.1" "$man_dir/unlockdump.1"
echo "installed $bin_dir/unlockdump and $man_dir/unlockdump.1" >&2
