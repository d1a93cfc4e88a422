import Testing
import UnlockDump

/// Inputs that are not SQL text in an ASCII-compatible encoding: each is refused with what it
/// is and the command that makes a dump of it, in release and check mode alike, never passed
/// through as "no held lock found".
@Suite("Foreign inputs: text encodings, archives, tool side files")
struct ForeignInputTests {
    static let heldDump = Fixtures.mysqlHeader + Fixtures.ghostCreateMySQL
        + "INSERT INTO `migrations_lock` VALUES ('km01',1,NULL,NULL);\n" + Fixtures.mysqlFooter

    static func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    static func utf16BE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
    static func utf32LE(_ text: String) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
    }

    /// A ustar header block as `tar cf` writes it, then the member's bytes padded to 512.
    static func tar(member name: String, _ content: [UInt8]) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 512)
        header.replaceSubrange(0..<name.utf8.count, with: name.utf8)
        let octal = String(content.count, radix: 8)
        header.replaceSubrange(124..<135, with: (String(repeating: "0", count: 11 - octal.count) + octal).utf8)
        header.replaceSubrange(257..<265, with: Array("ustar  ".utf8) + [0])
        let padding = (512 - content.count % 512) % 512
        return header + content + [UInt8](repeating: 0, count: padding + 1024)
    }

    static let cases: [(name: String, input: [UInt8], expected: [String])] = [
        ("UTF-16LE with a BOM (PowerShell 5.1's > redirection)", [0xFF, 0xFE] + utf16LE(heldDump),
         ["UTF-16LE", "iconv -f UTF-16 -t UTF-8 FILE | unlockdump"]),
        ("UTF-16LE without a BOM", utf16LE(heldDump), ["UTF-16LE", "iconv -f UTF-16LE -t UTF-8"]),
        ("UTF-16BE with a BOM", [0xFE, 0xFF] + utf16BE(heldDump), ["UTF-16BE", "iconv -f UTF-16 -t UTF-8"]),
        ("UTF-16BE without a BOM", utf16BE(heldDump), ["UTF-16BE", "iconv -f UTF-16BE"]),
        ("UTF-32LE with a BOM", [0xFF, 0xFE, 0, 0] + utf32LE(heldDump), ["UTF-32LE", "iconv -f UTF-32"]),
        ("UTF-32LE without a BOM", utf32LE(heldDump), ["UTF-32LE", "iconv -f UTF-32LE"]),
        ("tar holding a SQL dump", tar(member: "backup/ghost.sql", bytes(heldDump)),
         ["a tar archive (first member: backup/ghost.sql)", "tar -xOf FILE backup/ghost.sql | unlockdump"]),
        ("pg_dump -Ft", tar(member: "toc.dat", bytes("PGDMP") + [1, 14, 0, 4, 8, 1, 1, 1]) + tar(member: "3001.dat", bytes("1\t1\n\\.\n")),
         ["pg_dump tar-format archive (pg_dump -Ft)", "pg_restore -f - FILE | unlockdump"]),
        ("lz4 frame", [0x04, 0x22, 0x4D, 0x18, 0x64, 0x40, 0xA7] + [UInt8](repeating: 0x55, count: 40),
         ["lz4-compressed", "lz4 -dc FILE | unlockdump"]),
        ("7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04] + [UInt8](repeating: 0x11, count: 40), ["7-Zip"]),
        ("mydumper 0.10 metadata", bytes("Started dump at: 2026-12-01 08:38:34\nFinished dump at: 2026-12-01 08:38:34\n"),
         ["mydumper's metadata file", "DB.TABLE.sql"]),
        ("mydumper 0.15 metadata", bytes("# Started dump at: 2026-12-01 08:38:34\n[config]\nquote_character = BACKTICK\n"),
         ["mydumper's metadata file"]),
    ]

    @Test("refused with what it is and how to make SQL of it, whatever the dialect or mode", arguments: cases)
    func refused(_ name: String, _ input: [UInt8], _ expected: [String]) throws {
        for dialect: Dialect? in [nil, .mysql, .postgres] {
            for mode: PatchMode in [.release, .check] {
                let error = try #require(expectMalformed(input, dialect: dialect, mode: mode), "\(name)")
                #expect(error.position == SourcePosition(byte: 0, line: 1, column: 1))
                #expect(error.message.hasPrefix("not a SQL dump: the input is "), "\(name): \(error)")
                for part in expected { #expect(error.message.contains(part), "\(name): \(error)") }
            }
        }
    }

    @Test("short ASCII inputs and UTF-8 text with NUL bytes later on are still SQL")
    func notMistakenForWideText() throws {
        try expectPatch("--\n")
        try expectPatch("INSERT INTO `posts` VALUES (1,'a\u{0}b');\nINSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);\n")
        try expectPatch("\u{FEFF}-- PostgreSQL database dump\n\nCOPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n1\t⟦1→0⟧\n\\.\n\n-- PostgreSQL database dump complete\n")
    }
}
