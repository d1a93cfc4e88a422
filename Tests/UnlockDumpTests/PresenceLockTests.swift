import Testing
import UnlockDump

/// Locks that are a row's presence (EF Core's `__EFMigrationsLock`, yoyo's `yoyo_lock`): the row
/// goes, in every statement form, and the report says so.
@Suite("Locks that are a row's presence")
struct PresenceLockTests {
    static let efCreateSQLite = "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);\n"
    static let yoyoCreateSQLite = "CREATE TABLE yoyo_lock (locked INT DEFAULT 1, ctime TIMESTAMP, pid INT NOT NULL, PRIMARY KEY (locked));\n"

    @Test("sqlite3 .dump: EF Core's and yoyo's one-row INSERTs go whole, with their line ends")
    func sqliteDump() throws {
        let report = try expectRemoval(Template(
            "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n" + Self.efCreateSQLite
            + "⟦INSERT INTO __EFMigrationsLock VALUES(1,'2024-11-13 10:00:00.1234567+00:00');\n→⟧"
            + Self.yoyoCreateSQLite
            + "⟦INSERT INTO yoyo_lock VALUES(1,'2024-01-01 00:00:00',4242);\n→⟧"
            + "INSERT INTO posts VALUES(1,'x');\nCOMMIT;\n"), options: PatchOptions(dialect: .sqlite))
        #expect(report.heldLocks.map(\.table) == ["__EFMigrationsLock", "yoyo_lock"])
        #expect(report.heldLocks.allSatisfy { $0.removed && $0.changes.isEmpty })
        #expect(report.heldLocks.map(\.family) == [.efcore, .yoyo])
        #expect(report.heldLocks.map(\.keyValue) == ["1", "4242"])
        #expect(report.tables.map(\.rowsReleased) == [1, 1])
    }

    @Test("the row goes however the INSERT is written", arguments: [
        // EF Core's own statement, quoted names and a column list.
        "⟦INSERT OR IGNORE INTO \"__EFMigrationsLock\"(\"Id\", \"Timestamp\") VALUES(1, '2024-11-13');\r\n→⟧-- after\n",
        // No line end before the next statement: nothing else goes.
        "⟦INSERT INTO yoyo_lock VALUES(1,'t',7);→⟧INSERT INTO posts VALUES(1);\n",
        // A lone CR is a line end too; the next line stays.
        "⟦INSERT INTO yoyo_lock VALUES(1,'t',7);\r→⟧INSERT INTO posts VALUES(1);\n",
        // Several rows, all gone: the statement goes whole.
        "⟦INSERT INTO yoyo_lock VALUES(1,'t',7),\n(2,'u',8) , (3,'v',9);\n→⟧",
        // The last statement of the dump, with no line end.
        "SELECT 1;\n⟦INSERT INTO yoyo_lock VALUES(1,'t',7);→⟧",
    ])
    func statementForms(_ text: String) throws {
        try expectRemoval(Template(text), options: PatchOptions(dialect: .sqlite))
    }

    @Test("mysqldump: a multi-row extended INSERT of yoyo_lock goes whole")
    func mysqlExtendedInsert() throws {
        let report = try expectRemoval(Template(
            Fixtures.mysqlHeader + "LOCK TABLES `yoyo_lock` WRITE;\n/*!40000 ALTER TABLE `yoyo_lock` DISABLE KEYS */;\n"
            + "⟦INSERT INTO `yoyo_lock` VALUES (1,'2024-01-01 00:00:00',4242),(2,_binary 'x',4243);\n→⟧"
            + "/*!40000 ALTER TABLE `yoyo_lock` ENABLE KEYS */;\nUNLOCK TABLES;\n"), options: PatchOptions(dialect: .mysql))
        #expect(report.heldLocks.map(\.keyValue) == ["4242", "4243"])
    }

    @Test("pg_dump COPY: each line of the lock table goes, the block stays")
    func postgresCopy() throws {
        let report = try expectRemoval(Template(
            "--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\n"
            + "COPY public.yoyo_lock (locked, ctime, pid) FROM stdin;\n⟦1\t2024-01-01 00:00:00\t4242\n→⟧\\.\n\n"
            + "COPY public.posts (id) FROM stdin;\n1\n\\.\n"), options: PatchOptions(dialect: .postgres))
        #expect(report.heldLocks.map(\.schema) == ["public"])
        #expect(report.heldLocks.map(\.keyColumn) == ["pid"])
    }

    @Test("pg_dump --inserts and --column-inserts: the statement goes")
    func postgresInserts() throws {
        try expectRemoval(Template(
            "--\n-- PostgreSQL database dump\n--\n\n"
            + "⟦INSERT INTO public.yoyo_lock VALUES (1, '2024-01-01 00:00:00', 4242);\n→⟧"
            + "⟦INSERT INTO public.yoyo_lock (locked, ctime, pid) VALUES (1, '2024-01-01 00:00:00', 4242);\n→⟧\n"),
            options: PatchOptions(dialect: .postgres))
    }

    @Test("--only leaves the rows of a family left out, and Ghost's missing row stays missing")
    func familiesLeftOut() throws {
        let dump = Template("INSERT INTO yoyo_lock VALUES(1,'t',7);\nINSERT INTO migrations_lock VALUES('km01',0,NULL,NULL);\n")
        let report = try expectRemoval(dump, options: PatchOptions(dialect: .sqlite, families: [.ghost]))
        #expect(report.lockRowsSeen == 1)
    }

    @Test("Ghost's migrations_lock rows are never removed, held or not")
    func ghostRowsStay() throws {
        let report = try expectRemoval(Template(
            "INSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,NULL,NULL),('km02',0,NULL,NULL);\n"
            + "⟦INSERT INTO yoyo_lock VALUES(1,'t',7);\n→⟧"), options: PatchOptions(dialect: .sqlite))
        #expect(report.heldLocks.map(\.removed) == [false, true])
    }

    @Test("a table called yoyo_lock without its columns is left alone, with a warning")
    func namesake() throws {
        let report = try expectRemoval(Template("CREATE TABLE yoyo_lock (a INT, b INT);\nINSERT INTO yoyo_lock VALUES(1,2);\n"),
                                       options: PatchOptions(dialect: .sqlite))
        #expect(report.heldLocks.isEmpty)
        #expect(report.warnings.contains { $0.contains("yoyo_lock has none of the columns") })
    }

    @Test("a first word held back at a chunk's end is written even when no token follows it")
    func heldWordWithoutToken() throws {
        // A DELIMITER command makes no token, nor does an executable comment in its block that
        // the input ends with.
        try expectRemoval(Template("SELECT 1;\nDELIMITER ;;\n/*!50003 CREATE*/"), options: PatchOptions(dialect: .mysql))
    }

    @Test("a head held from a DELIMITER command starts again where the INSERT starts, under the same bound")
    func heldWordThenInsert() throws {
        // From `DELIMITER` to the row is past the bound, from `INSERT` it is not: a chunk ending
        // in `DELIMITER` must not make the bound count from there (found by the fuzzer).
        var options = PatchOptions(dialect: .mysql)
        options.maxLockRowBytes = 36
        try expectRemoval(Template("SELECT 1;\nDELIMITER ;\n⟦INSERT INTO `yoyo_lock` VALUES(1,'t',7);\n→⟧SELECT 2;\n"), options: options)
    }

    @Test("a word held after another that made no statement is held from its own start", arguments: [
        // Two DELIMITER commands: the bytes from the first pass the bound inside the second.
        "DELIMITER ;;\n/*\(String(repeating: "c", count: 12))*/\nDELIMITER ;\n⟦INSERT INTO `yoyo_lock` VALUES(1,'t',7);\n→⟧",
        // A delimiter that starts like INSERT: a chunk's end inside the partial match, which
        // then fails and is read again as the word (found by the fuzzer). Nothing in a
        // DELIMITER block is touched, but the word is held all the same until that is known.
        "DELIMITER INX\nSELECT 1INX\nINSERT INTO `yoyo_lock` VALUES(1,'t',7)INX\nSELECT 2INX\n",
        // An INSERT in an executable comment (left as it is, however the chunks fall).
        "/*!40000 INSERT INTO `yoyo_lock` VALUES(1,'t',7)*/;\nSELECT 1;\n",
    ])
    func heldWordAfterWord(_ text: String) throws {
        var options = PatchOptions(dialect: .mysql)
        options.maxLockRowBytes = 36
        try expectRemoval(Template(text), options: options)
    }

    @Test("a head held back past the bound is refused the same way in every chunking")
    func headBound() throws {
        let comment = "/*" + String(repeating: "x", count: 300) + "*/"
        let input = bytes(chunkablePadding + "INSERT INTO yoyo_lock \(comment) VALUES(1,'t',7);\n")
        let error = expectMalformed(input, dialect: .sqlite, maxLockRowBytes: 200)
        #expect(error?.kind == .lockRowTooLarge)
        // Neither is an INSERT ... SELECT into the lock table, which has no rows to hold back.
        let select = bytes(chunkablePadding + "INSERT INTO yoyo_lock \(comment) SELECT 1, NULL, 2;\n")
        for chunking in [Chunking.whole, .size(1), .size(7)] {
            let result = try patch(select, dialect: .sqlite, maxLockRowBytes: 200, chunking: chunking)
            expectSameBytes(result.output, select)
        }
        // Another table's head is never refused for its length.
        let other = bytes(chunkablePadding + "INSERT \(comment) INTO posts VALUES(1,'t',7);\n")
        for chunking in [Chunking.whole, .size(1), .size(7)] {
            let result = try patch(other, dialect: .sqlite, maxLockRowBytes: 200, chunking: chunking)
            expectSameBytes(result.output, other)
        }
    }
}
