#!/usr/bin/env bash
# The release for hosts without Swift (air-gapped recovery): one fully static executable, the
# Swift runtime, zlib and libzstd linked in, stripped, so it needs nothing from the host but a Linux
# kernel.
#
#   scripts/release.sh
#
# writes .build/dist/unlockdump-VERSION-linux-ARCH.tar.gz (unlockdump, unlockdump.1, README.md,
# SHA256SUMS for the binary and the man page) and .build/dist/unlockdump_VERSION_DEBARCH.deb
# (/usr/bin/unlockdump and the man page), and prints the tarball's path as its last line.
# It builds from a copy of the sources whose BuildInfo.swift names the commit and the static
# linkage, so `unlockdump --version` tells which build a host has.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^ *static let version = "\(.*\)"$/\1/p' Sources/unlockdump/Arguments/BuildInfo.swift)
arch=$(uname -m)
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo "unknown")
git diff --quiet HEAD -- Package.swift Sources 2>/dev/null || commit="$commit with uncommitted changes"

stage=.build/release-sources
rm -rf "$stage"
mkdir -p "$stage"
cp -R Package.swift Sources Tests "$stage/"
sed -i -e "s|^\( *static let commit = \).*|\1\"$commit\"|" \
    -e 's|^\( *static let linkage = \).*|\1"static (needs nothing from the host)"|' \
    "$stage/Sources/unlockdump/Arguments/BuildInfo.swift"
swift build -c release --product unlockdump -Xswiftc -static-executable \
    --package-path "$stage" --scratch-path .build-static >&2

dist=.build/dist
name=unlockdump-$version-linux-$arch
rm -rf "${dist:?}/$name" "$dist/$name.tar.gz"
mkdir -p "$dist/$name"
strip -o "$dist/$name/unlockdump" .build-static/release/unlockdump
cp Sources/unlockdump/unlockdump.1 README.md "$dist/$name/"
(cd "$dist/$name" && sha256sum unlockdump unlockdump.1 > SHA256SUMS)
tar -C "$dist" -czf "$dist/$name.tar.gz" "$name"

# The same binary as a Debian package, for hosts that install from a USB stick.
deb_arch=$(dpkg --print-architecture)
package=$dist/deb/unlockdump_${version}_$deb_arch
rm -rf "$package"
mkdir -p "$package/DEBIAN" "$package/usr/bin" "$package/usr/share/man/man1" "$package/usr/share/doc/unlockdump"
install -m 755 "$dist/$name/unlockdump" "$package/usr/bin/unlockdump"
gzip -9 -n -c Sources/unlockdump/unlockdump.1 > "$package/usr/share/man/man1/unlockdump.1.gz"
install -m 644 README.md "$package/usr/share/doc/unlockdump/README.md"
cat > "$package/DEBIAN/control" <<CONTROL
Package: unlockdump
Version: $version
Architecture: $deb_arch
Maintainer: unlockdump developers <unlockdump@localhost>
Section: utils
Priority: optional
Description: release stuck migration locks in SQL dumps, offline
 Streams a mysqldump, mariadb-dump, sqlite3 .dump or plain pg_dump file (also
 gzip or zstd) and rewrites the held lock rows of Ghost, knex, Liquibase and Kysely to
 released, every other byte unchanged. A static executable: no dependencies.
CONTROL
dpkg-deb --root-owner-group --build "$package" "$dist/unlockdump_${version}_$deb_arch.deb" >&2

echo "$dist/$name.tar.gz"
