import Testing
import UnlockDump

@Suite("Dumps the engine must refuse, and where it says the problem is")
struct MalformedDumpTests {
    /// Expects `input` to be refused with a message containing `words`, at the first occurrence of
    /// `anchor` (when given).
    func expectRefusal(
        _ text: String, dialect: Dialect?, at anchor: String?, occurrence: Int = 1, saying words: String,
        maxLockRowBytes: Int = 1 << 20, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let input = bytes(text)
        for mode in [PatchMode.release, .check] {
            let error = try #require(
                expectMalformed(input, dialect: dialect, mode: mode, maxLockRowBytes: maxLockRowBytes, sourceLocation: sourceLocation),
                sourceLocation: sourceLocation)
            #expect(error.message.lowercased().contains(words), "message: \(error.message)", sourceLocation: sourceLocation)
            if let anchor {
                let at = try #require(offset(of: anchor, in: input, occurrence: occurrence), sourceLocation: sourceLocation)
                #expect(error.position == position(ofByte: at, in: input), sourceLocation: sourceLocation)
            }
        }
    }

    @Test("each refusal says its kind, for a caller that acts on it", arguments: Self.kinds)
    func refusalKinds(_ example: (text: String, kind: MalformedDump.Kind)) throws {
        let error = try #require(expectMalformed(bytes(example.text), dialect: .mysql, maxLockRowBytes: 64))
        #expect(error.kind == example.kind, "\(error)")
        #expect((error.line, error.column, error.byte) == (error.position.line, error.position.column, error.position.byte))
    }

    static let kinds: [(text: String, kind: MalformedDump.Kind)] = [
        ("INSERT INTO t VALUES ('open);\n", .unterminatedQuote),
        ("INSERT INTO t VALUES (1);\n/* open\n", .unterminatedComment),
        ("INSERT INTO t VALUES (1)\n", .unterminatedStatement),
        ("PK\u{3}\u{4}zip archive", .foreignFormat("a zip archive; extract the dump first: unzip -p FILE | unlockdump")),
        ("INSERT INTO migrations_lock VALUES ('\(String(repeating: "k", count: 80))',1,NULL,NULL);\n", .lockRowTooLarge),
        ("INSERT INTO migrations_lock VALUES ('km01',1,NULL);\n", .unreadableLockRow),
        ("INSERT INTO migrations_lock VALUES ('km01','maybe',NULL,NULL);\n", .unreadableFlag),
        ("SET sql_mode = CONCAT(@@sql_mode, ',ANSI');\nSELECT 1;\n", .unfollowableSetting),
    ]

    @Test("an unterminated string is reported at its opening quote", arguments: Dialect.allCases)
    func unterminatedString(_ dialect: Dialect) throws {
        let text = "-- header\nINSERT INTO posts VALUES (1,'ok'),\n  (2,'never closed);\nINSERT INTO t VALUES (3);\n"
        try expectRefusal(text, dialect: dialect, at: "'never", saying: "unterminated string")
        let error = try #require(expectMalformed(bytes(text), dialect: dialect))
        #expect(error.position == SourcePosition(byte: 50, line: 3, column: 6))
    }

    @Test("mysql: 'C:\\' leaves the string open")
    func mysqlBackslashQuoteLeavesStringOpen() throws {
        try expectRefusal("INSERT INTO `paths` VALUES ('C:\\');\n", dialect: .mysql, at: "'C:", saying: "unterminated string")
    }

    @Test("an unterminated block comment is reported where it opens", arguments: Dialect.allCases)
    func unterminatedComment(_ dialect: Dialect) throws {
        try expectRefusal("INSERT INTO t VALUES (1);\n/* never closed\nINSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);\n",
                          dialect: dialect, at: "/* never", saying: "unterminated comment")
    }

    @Test("mysql: an unterminated executable comment")
    func unterminatedExecutableComment() throws {
        try expectRefusal(Fixtures.mysqlHeader + "/*!40101 SET NAMES utf8 ;\n", dialect: .mysql, at: "/*!40101 SET NAMES utf8 ;", saying: "unterminated comment")
    }

    @Test("a lock row without its closing semicolon at EOF is reported at the statement start", arguments: [
        (Dialect.mysql, ""), (.sqlite, ""), (.mysql, "\n"), (.sqlite, "\n-- end\n"),
    ])
    func unterminatedStatement(_ dialect: Dialect, _ tail: String) throws {
        try expectRefusal("INSERT INTO posts VALUES (1);\nINSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL)" + tail,
                          dialect: dialect, at: "INSERT INTO migrations_lock", saying: "unterminated statement")
    }

    @Test("a lock row larger than maxLockRowBytes is refused at its opening parenthesis", arguments: Dialect.allCases)
    func lockRowTooLarge(_ dialect: Dialect) throws {
        let long = String(repeating: "host-name ", count: 10)
        try expectRefusal("INSERT INTO DATABASECHANGELOGLOCK VALUES (1,1,NULL,'a'),(2,1,NULL,'\(long)');\n",
                          dialect: dialect, at: "(", occurrence: 2, saying: "larger than", maxLockRowBytes: 64)
    }

    @Test("a huge row of another table passes with a tiny maxLockRowBytes", arguments: Dialect.allCases)
    func otherTableRowIsNotBounded(_ dialect: Dialect) throws {
        let long = String(repeating: "INSERT INTO migrations_lock VALUES (''km01'',1,NULL,NULL); ", count: 200)
        let template = Template("INSERT INTO posts VALUES (1,'\(long)');\n" + Fixtures.ghostRow(dialect, key: "real", flag: "⟦1→0⟧"))
        let result = try patchEveryWay(template.input, dialect: dialect, maxLockRowBytes: 64)
        expectSameBytes(result.output, template.expected)
        #expect(result.report.heldLocks.map(\.displayedKey) == ["'real'"])
    }

    @Test("a lock row whose value count does not match the CREATE TABLE is refused", arguments: [
        (Dialect.mysql, Fixtures.ghostCreateMySQL + "INSERT INTO `migrations_lock` VALUES ('km01',1,NULL);\n", "4"),
        (.mysql, Fixtures.ghostCreateMySQL + "INSERT INTO `migrations_lock` VALUES ('km01',1,NULL,NULL),('km02',1,NULL,NULL,NULL);\n", "4"),
        (.mysql, Fixtures.knexCreateMySQL + "INSERT INTO `knex_migrations_lock` VALUES (1,1,1);\n", "2"),
        (.sqlite, Fixtures.ghostCreateSQLite + "INSERT INTO migrations_lock VALUES('km01',1);\n", "4"),
    ])
    func valueCountMismatch(_ dialect: Dialect, _ text: String, _ expectedCount: String) throws {
        try expectRefusal(text, dialect: dialect, at: nil, saying: expectedCount)
    }

    @Test("a lock row whose value count does not match its own column list is refused")
    func columnListCountMismatch() throws {
        let error = try #require(expectMalformed(
            bytes("INSERT INTO `migrations_lock` (`lock_key`, `locked`) VALUES ('km01',1,NULL);\n"), dialect: .mysql))
        #expect(error.message.contains("2"), "message: \(error.message)")
    }
}
