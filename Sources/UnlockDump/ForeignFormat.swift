/// Files people hand to unlockdump that are not SQL text the lexer can read, told by their first
/// bytes: the user hears what the file is and what to run instead, never "no held lock found"
/// over a dump it could not read, nor a lexer error deep inside binary data.
enum ForeignFormat {
    /// Bytes needed to tell them all: a tar header is one 512-byte block.
    static let probeLength = 512

    private static let magics: [(magic: [UInt8], what: String)] = [
        ([0x1F, 0x8B], "gzip-compressed; decompress it first: gunzip -c FILE | unlockdump"),
        (Array("BZh".utf8), "bzip2-compressed; decompress it first: bunzip2 -c FILE | unlockdump"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed; decompress it first: xz -dc FILE | unlockdump"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed; decompress it first: zstd -dc FILE | unlockdump"),
        ([0x04, 0x22, 0x4D, 0x18], "lz4-compressed; decompress it first: lz4 -dc FILE | unlockdump"),
        ([0x02, 0x21, 0x4C, 0x18], "lz4-compressed (legacy frame); decompress it first: lz4 -dc FILE | unlockdump"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive; extract the dump first: 7z x -so FILE | unlockdump"),
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive; extract the dump first: unzip -p FILE | unlockdump"),
        (Array("PGDMP".utf8), "a pg_dump custom-format archive (pg_dump -Fc); turn it into SQL first: pg_restore -f - FILE | unlockdump"),
        (Array("SQLite format 3".utf8) + [0], "an SQLite database file, not a dump of one; make the dump first: sqlite3 FILE .dump | unlockdump"),
        (Array("<?xml".utf8), "XML (mysqldump --xml?), not SQL; unlockdump reads SQL dumps"),
        (Array("Started dump at: ".utf8), mydumperMetadata),
        (Array("# Started dump at: ".utf8), mydumperMetadata),
        // UTF-32 before UTF-16: the UTF-32LE mark begins with the UTF-16LE one.
        ([0xFF, 0xFE, 0x00, 0x00], wideText("UTF-32LE with a byte-order mark", iconvName: "UTF-32")),
        ([0x00, 0x00, 0xFE, 0xFF], wideText("UTF-32BE with a byte-order mark", iconvName: "UTF-32")),
        ([0xFF, 0xFE], wideText("UTF-16LE with a byte-order mark (PowerShell's > writes this)", iconvName: "UTF-16")),
        ([0xFE, 0xFF], wideText("UTF-16BE with a byte-order mark", iconvName: "UTF-16")),
    ]

    private static let mydumperMetadata =
        "mydumper's metadata file, not a dump; patch the table files beside it (DB.TABLE.sql, DB.TABLE.00000.sql)"

    private static func wideText(_ encoding: String, iconvName: String) -> String {
        "text in \(encoding), which unlockdump does not read; convert it to UTF-8 first: iconv -f \(iconvName) -t UTF-8 FILE | unlockdump"
    }

    /// What the input is, when its first bytes say it is not a SQL dump in an ASCII-compatible
    /// encoding. `head` is the input's first `probeLength` bytes, or all of a shorter input.
    static func identify(_ head: ArraySlice<UInt8>) -> String? {
        if let known = magics.first(where: { head.starts(with: $0.magic) }) { return known.what }
        if let encoding = unmarkedWideText(head) { return wideText(encoding, iconvName: encoding) }
        return tarArchive(head)
    }

    /// ASCII text in 16- or 32-bit units without a byte-order mark: every unit of the first 16
    /// bytes is one ASCII byte and zeros. A SQL dump in UTF-8 never starts with a NUL byte
    /// between its first letters.
    private static func unmarkedWideText(_ head: ArraySlice<UInt8>) -> String? {
        let probe = Array(head.prefix(16))
        func isText(_ b: UInt8) -> Bool { b == 0x09 || b == 0x0A || b == 0x0D || (b >= 0x20 && b < 0x7F) }
        func units(_ width: Int, asciiAt position: Int) -> Bool {
            probe.count >= 2 * width && probe.count % width == 0 && stride(from: 0, to: probe.count, by: width).allSatisfy { unit in
                (0..<width).allSatisfy { k in k == position ? isText(probe[unit + k]) : probe[unit + k] == 0 }
            }
        }
        if units(4, asciiAt: 0) { return "UTF-32LE" }
        if units(4, asciiAt: 3) { return "UTF-32BE" }
        if units(2, asciiAt: 0) { return "UTF-16LE" }
        if units(2, asciiAt: 1) { return "UTF-16BE" }
        return nil
    }

    /// A POSIX or GNU tar (`ustar` at offset 257), as `tar cf` writes and hosting panels wrap in
    /// gzip; pg_dump's own tar format starts with its `toc.dat` member.
    private static func tarArchive(_ head: ArraySlice<UInt8>) -> String? {
        let header = Array(head.prefix(probeLength))
        guard header.count >= 263, header[257..<262].elementsEqual("ustar".utf8) else { return nil }
        func field(_ range: Range<Int>) -> [UInt8] { Array(header[range].prefix { $0 != 0 }) }
        let prefix = header.count >= 500 ? field(345..<500) : []
        let name = prefix.isEmpty ? field(0..<100) : prefix + [0x2F] + field(0..<100)
        if name == Array("toc.dat".utf8) {
            return "a pg_dump tar-format archive (pg_dump -Ft); turn it into SQL first: pg_restore -f - FILE | unlockdump"
        }
        let shown = Displayed.literal(name)
        return "a tar archive (first member: \(shown)); extract the dump first: tar -xOf FILE \(shown) | unlockdump"
    }
}
