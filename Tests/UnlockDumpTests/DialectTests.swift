import Testing
import UnlockDump

@Suite("Dialect detection and dialect-specific lexing")
struct DialectTests {
    static let detectionCases: [(String, Dialect, String)] = [
        ("mariadb-dump with the sandbox line",
         .mysql,
         Fixtures.mariadbHeader + Fixtures.ghostCreateMySQL
            + "INSERT INTO `posts` VALUES (1,'it\\'s'),(2,'\\\\');\nINSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);\n"),
        ("mysqldump header",
         .mysql,
         Fixtures.mysqlHeader + "INSERT INTO `posts` VALUES (1,'it\\'s');\nINSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);\n"),
        ("Workbench export with CREATE DATABASE before the header",
         .mysql,
         "CREATE DATABASE  IF NOT EXISTS `ghost` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;\nUSE `ghost`;\n" + Fixtures.mysqlHeader
            + "INSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);\n"),
        ("mysql compact, no header",
         .mysql,
         "INSERT INTO `t` VALUES (1);\nINSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);\n"),
        ("sqlite .dump",
         .sqlite,
         Fixtures.sqliteHeader + "CREATE TABLE paths (p text);\nINSERT INTO paths VALUES('C:\\');\nINSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,NULL,NULL);\nCOMMIT;\n"),
        ("sqlite 3.50 .dump with a WARNING comment first",
         .sqlite,
         "/* WARNING: Script requires that SQLITE_DBCONFIG_DEFENSIVE be disabled */\n" + Fixtures.sqliteHeader
            + "INSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,NULL,NULL);\nCOMMIT;\n"),
        ("sqlite --data-only",
         .sqlite,
         "INSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,NULL,NULL);\n"),
    ]

    @Test("the dialect is detected from the dump's own markers", arguments: detectionCases)
    func detection(_ name: String, _ dialect: Dialect, _ dump: String) throws {
        let report = try expectPatch(dump, dialect: nil)
        #expect(report.dialect == dialect, "\(name)")
    }

    @Test("a given dialect is reported as given", arguments: Dialect.allCases)
    func givenDialectIsReported(_ dialect: Dialect) throws {
        let report = try expectPatch("INSERT INTO migrations_lock VALUES ('km01',⟦1→0⟧,NULL,NULL);\n", dialect: dialect)
        #expect(report.dialect == dialect)
    }

    @Test("sqlite: a backslash is a plain byte, so 'C:\\' is a complete string")
    func sqliteBackslashIsPlain() throws {
        let report = try expectPatch("""
            INSERT INTO paths VALUES('C:\\');
            INSERT INTO migrations_lock VALUES('C:\\',⟦1→0⟧,NULL,NULL);

            """, dialect: .sqlite)
        #expect(report.heldLocks.map(\.displayedKey) == ["'C:\\'"])
    }

    @Test("mysql: --x is not a comment, so the statement after it on the same line is real")
    func mysqlDoubleDashWithoutSpace() throws {
        try expectPatch("""
            INSERT INTO `t` VALUES (1--1);INSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);

            """, dialect: .mysql)
    }

    @Test("mysql: -- followed by a line end is a comment (mysqldump's separator lines)")
    func mysqlBareDoubleDash() throws {
        try expectPatch("--\n-- Dumping data for table `migrations_lock`\n--\n\nINSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);\n--", dialect: .mysql)
    }

    @Test("sqlite: a held Liquibase row whose LOCKEDBY is a replace() call gets NULL for the whole call")
    func sqliteReplaceCallCleared() throws {
        let report = try expectPatch(Fixtures.sqliteHeader + Fixtures.liquibaseCreateSQLite + """
            INSERT INTO DATABASECHANGELOGLOCK VALUES(1,⟦1→0⟧,⟦'2025-01-02 03:04:05.678'→NULL⟧,⟦replace('web-1\\n(10.0.0.5)','\\n',char(10))→NULL⟧);
            COMMIT;

            """, dialect: .sqlite)
        #expect(report.heldLocks.first?.changes.last == change("LOCKEDBY", "replace('web-1\\n(10.0.0.5)','\\n',char(10))", "NULL"))
    }

    @Test("sqlite: a held Liquibase row whose LOCKEDBY is a unistr() call gets NULL for the whole call")
    func sqliteUnistrCallCleared() throws {
        try expectPatch(Fixtures.sqliteHeader + Fixtures.liquibaseCreateSQLite + """
            INSERT INTO DATABASECHANGELOGLOCK VALUES(1,⟦1→0⟧,⟦'2025-01-02'→NULL⟧,⟦unistr('web-1\\u000a(10.0.0.5) '')(')→NULL⟧);
            INSERT INTO DATABASECHANGELOGLOCK VALUES(2,0,NULL,unistr('web-2\\u000a'));
            COMMIT;

            """, dialect: .sqlite)
    }

    @Test("sqlite: function-call lock keys stay as they are; the flag after them is released", arguments: [
        "unistr('km\\u000a01')",
        "replace('k(m\\n01)','\\n',char(10))",
        "replace(replace('km\\r\\n01','\\r',char(13)),'\\n',char(10))",
    ])
    func sqliteFunctionCallKey(_ key: String) throws {
        let report = try expectPatch(Fixtures.sqliteHeader + Fixtures.ghostCreateSQLite + """
            INSERT INTO migrations_lock VALUES(\(key),⟦1→0⟧,NULL,NULL);
            COMMIT;

            """, dialect: .sqlite)
        #expect(report.heldLocks.first?.displayedKey == key)
    }

    @Test("sqlite: raw newlines inside a lock key; the report shows them as \\x0a")
    func sqliteRawNewlineInKey() throws {
        let report = try expectPatch(Fixtures.sqliteHeader + Fixtures.ghostCreateSQLite + """
            INSERT INTO migrations_lock VALUES('km
            01',⟦1→0⟧,NULL,NULL);
            COMMIT;

            """, dialect: .sqlite)
        #expect(report.heldLocks.first?.displayedKey.lowercased() == "'km\\x0a01'")
    }

    @Test("sqlite: CREATE TABLE says `migrations_lock`, the INSERT says migrations_lock")
    func sqliteQuotedCreateBareInsert() throws {
        let report = try expectPatch(Fixtures.sqliteHeader + Fixtures.ghostCreateSQLite
            + "INSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,'2019-08-30 20:05:56',NULL);\nCOMMIT;\n", dialect: .sqlite)
        #expect(report.heldLocks == [held("migrations_lock", key: "lock_key", "'km01'", change("locked", "1", "0"))])
    }
}
