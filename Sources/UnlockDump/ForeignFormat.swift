/// Files people hand to unlockdump that are not SQL text, told by their magic bytes: the user
/// hears what the file is and what to run instead, not a lexer error deep inside binary data.
enum ForeignFormat {
    /// Bytes needed to tell them all.
    static let probeLength = 16

    private static let formats: [(magic: [UInt8], what: String)] = [
        ([0x1F, 0x8B], "gzip-compressed; decompress it first: gunzip -c FILE | unlockdump"),
        (Array("BZh".utf8), "bzip2-compressed; decompress it first: bunzip2 -c FILE | unlockdump"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed; decompress it first: xz -dc FILE | unlockdump"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed; decompress it first: zstd -dc FILE | unlockdump"),
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive; extract the dump first: unzip -p FILE | unlockdump"),
        (Array("PGDMP".utf8), "a pg_dump custom-format archive; turn it into SQL first: pg_restore -f - FILE | unlockdump"),
        (Array("SQLite format 3".utf8) + [0], "an SQLite database file, not a dump of one; make the dump first: sqlite3 FILE .dump | unlockdump"),
        (Array("<?xml".utf8), "XML (mysqldump --xml?), not SQL; unlockdump reads SQL dumps"),
    ]

    /// What the input is, when its first bytes say it is not a SQL dump.
    static func identify(_ head: ArraySlice<UInt8>) -> String? {
        formats.first { head.starts(with: $0.magic) }?.what
    }
}
