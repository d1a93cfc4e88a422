import Foundation
import Testing
import UnlockDump

@Suite("Every byte outside a released value comes out unchanged")
struct ByteExactnessTests {
    @Test("a dump without a held lock comes out identical", arguments: Dialect.allCases)
    func noHeldLockIsIdentity(_ dialect: Dialect) throws {
        let dump = Fixtures.header(dialect) + Fixtures.ghostCreate(dialect)
            + Fixtures.ghostRow(dialect, flag: "0")
            + (dialect == .mysql ? Fixtures.postsCreateMySQL : Fixtures.postsCreateSQLite)
            + "INSERT INTO posts VALUES (1,'Welcome','<p>locked=1</p>'),(2,'x',NULL);\n"
            + Fixtures.footer(dialect)
        let report = try expectPatch(dump, dialect: dialect)
        #expect(report.lockRowsSeen == 1)
    }

    @Test("empty input and comment-only input pass through", arguments: ["", "\n", "-- nothing here\n", "/* only */\n\n"])
    func trivialInputs(_ text: String) throws {
        for dialect in [Dialect.mysql, .sqlite] {
            let report = try expectPatch(text, dialect: dialect)
            #expect(report.lockRowsSeen == 0)
        }
    }

    @Test("NUL bytes and invalid UTF-8 pass through untouched", arguments: Dialect.allCases)
    func nulAndInvalidUTF8(_ dialect: Dialect) throws {
        let junk: [UInt8] = [0x00, 0xFF, 0xFE, 0xC3, 0x28, 0x80, 0xED, 0xA0, 0x80, 0x1A, 0x09, 0x7F]
        let raw = bytes("-- comment ") + junk + bytes("\n/* block ") + junk + bytes(" */\n")
            + bytes("INSERT INTO posts VALUES (1,'") + junk + bytes("'),(2,'") + junk + junk + bytes("');\n")
            + bytes("INSERT INTO migrations_lock VALUES ('") + [0xFF, 0x00, 0xC3] + bytes("',0,NULL,NULL);\n")
        let template = Template(input: raw, expected: raw)
            + Template(Fixtures.ghostRow(dialect, key: "real", flag: "⟦1→0⟧"))
            + Template(input: bytes("-- ") + junk + [0x0A], expected: bytes("-- ") + junk + [0x0A])
        let report = try expectPatch(template, dialect: dialect)
        #expect(report.heldLocks.map(\.displayedKey) == ["'real'"])
        #expect(report.lockRowsSeen == 2)
    }

    @Test("CRLF line endings are kept", arguments: Dialect.allCases)
    func crlf(_ dialect: Dialect) throws {
        let middle = dialect == .mysql
            ? "# hash comment\nINSERT INTO `migrations_lock` VALUES\n('a',0,NULL,NULL),\n('b',⟦1→0⟧,NULL,NULL);\n"
            : "INSERT INTO posts VALUES(1,'two\nlines');\n"
        let text = Fixtures.ghostDump(dialect, middle: middle).replacingOccurrences(of: "\n", with: "\r\n")
        let report = try expectPatch(text, dialect: dialect)
        #expect(report.heldLocks.last?.displayedKey == "'real'")
    }

    @Test("a UTF-8 BOM right before the first INSERT does not hide it", arguments: [Dialect.mysql, .sqlite, nil])
    func byteOrderMark(_ dialect: Dialect?) throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let template = Template(input: bom, expected: bom)
            + Template("INSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,NULL,NULL);\nINSERT INTO posts VALUES(1,'x');\n")
        let report = try expectPatch(template, dialect: dialect)
        #expect(report.heldLocks.map(\.displayedKey) == ["'km01'"])
    }

    @Test("a UTF-8 BOM before a mysqldump header")
    func byteOrderMarkBeforeHeader() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let report = try expectPatch(Template(input: bom, expected: bom) + Template(Fixtures.ghostDump(.mysql, middle: "")))
        #expect(report.dialect == .mysql)
    }

    @Test("a 20 MB single-line INSERT of another table streams through in 1 MiB chunks")
    func longLine() throws {
        let unit = bytes("lorem \\'ipsum\\' \\\\ INSERT INTO migrations_lock VALUES (\\'km01\\',1,NULL,NULL); -- /* # ")
        var data = Data(bytes(Fixtures.mysqlHeader + Fixtures.ghostCreateMySQL + "INSERT INTO `posts` VALUES (1,'"))
        while data.count < 20 << 20 { data.append(contentsOf: unit) }
        data.append(contentsOf: bytes("'),(2,'") + unit + bytes("');\n"))
        let big = [UInt8](data)
        let template = Template(input: big, expected: big)
            + Template(Fixtures.ghostRow(.mysql, key: "real", flag: "⟦1→0⟧") + Fixtures.mysqlFooter)
        for chunking in [Chunking.size(1 << 20), .size((1 << 20) - 1)] {
            let result = try patch(template.input, dialect: .mysql, maxLockRowBytes: 4096, chunking: chunking)
            expectSameBytes(result.output, template.expected, "\(chunking)")
            #expect(result.report.heldLocks.map(\.displayedKey) == ["'real'"])
            #expect(result.report.bytesRead == template.input.count)
        }
    }
}
