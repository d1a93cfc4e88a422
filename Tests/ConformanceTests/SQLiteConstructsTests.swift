import Foundation
import Testing
import TestSupport

/// Issue 11, item 6, on SQLite: triggers whose bodies sqlite3 does not end at their first `;`
/// (only at `; END ;`), with columns named `begin` and `end` and a `CASE ... END` inside, written
/// by the real `sqlite3 .dump`. A file of its own, so the fixture's files are undisturbed.
enum SQLiteConstructsFixture {
    static let database = "constructs"

    static let lock = LockTable(database: database, table: Table(
        name: "migrations_lock", mariadb: "", sqlite: "",
        rows: [[.text("km01"), .int(1), .text("2025-08-26 22:44:15"), .null], [.text("km02"), .int(0), .null, .null]]),
        kind: .ghost)

    /// The three triggers, as `.dump` writes them back: each statement as it was created.
    static let triggers = [
        "CREATE TRIGGER spans_close AFTER INSERT ON spans BEGIN UPDATE spans SET end = 0 WHERE id = NEW.id; INSERT OR IGNORE INTO migrations_lock VALUES ('span', 1, NULL, NULL); END;",
        "CREATE TRIGGER spans_open AFTER INSERT ON spans BEGIN UPDATE spans SET begin = 1 WHERE id = NEW.id; INSERT INTO migrations_lock VALUES ('span', 1, NULL, NULL); END;",
        """
        CREATE TRIGGER spans_case AFTER UPDATE ON spans BEGIN
          UPDATE spans SET end = CASE WHEN NEW.end IS NULL THEN 0 ELSE NEW.end END WHERE id = NEW.id;
          INSERT INTO migrations_lock VALUES ('case', 1, NULL, NULL);
        END;
        """,
    ]

    /// `spans` first, then the lock table, then the triggers (created after the rows, so they
    /// never fire): a restored file's `.dump` lists them in the same order.
    static let script = """
        BEGIN;
        CREATE TABLE spans(id INTEGER PRIMARY KEY, "begin" INTEGER, "end" INTEGER, note TEXT);
        INSERT INTO spans VALUES (1, 10, 20, 'end end end end;');
        INSERT INTO spans VALUES (2, NULL, NULL, 'BEGIN; END; INSERT INTO migrations_lock VALUES(''km01'',1,NULL,NULL); END;');
        CREATE TABLE `migrations_lock` (\(Fixture.ghostLockColumnsSQLite), primary key (`lock_key`));
        INSERT INTO migrations_lock VALUES ('km01', 1, '2025-08-26 22:44:15', NULL);
        INSERT INTO migrations_lock VALUES ('km02', 0, NULL, NULL);

        """ + triggers.joined(separator: "\n") + "\nCOMMIT;\n"

    static let schemaQuery = "SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || sql FROM sqlite_schema ORDER BY type, name;"
}

extension SQLiteConformanceTests {
    /// `sqlite3 FILE .dump`, where the triggers come after every row, and `sqlite3 FILE '.dump
    /// spans%' '.dump migrations_lock'` (one run, two dumps one after the other), where the held row
    /// comes after the triggers. The held row is released, no trigger body changes, and the
    /// restored file holds the same triggers and rows.
    @Test(arguments: [[".dump"], [".dump spans%", ".dump migrations_lock"]])
    func triggerBodies(_ commands: [String]) throws {
        try Tools.require(Tools.sqliteNames)
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let fixture = SQLiteConstructsFixture.self, lock = fixture.lock
        let source = scratch.path("\(fixture.database).db")
        try Tools.run("sqlite3", ["-bail", source], stdin: .data(Data(fixture.script.utf8)))

        let original = scratch.path("\(fixture.database).sql")
        try Tools.run("sqlite3", [source] + commands, stdoutPath: original)
        let text = try String(contentsOfFile: original, encoding: .utf8)
        // The shape the case is about: each trigger as it was created, and the held row after
        // the triggers when the lock table is dumped last.
        for trigger in fixture.triggers {
            #expect(text.contains("\n" + trigger + "\n"), "sqlite3 did not write the trigger as created: \(trigger)")
        }
        let row = try #require(text.range(of: "INSERT INTO migrations_lock VALUES('km01',1,"))
        let trigger = try #require(text.range(of: "CREATE TRIGGER"))
        #expect((row.lowerBound > trigger.lowerBound) == (commands.count == 2), "where sqlite3 put the held row")

        let patched = try RoundTrip.patch(original, dialect: .sqlite, database: fixture.database, locks: [lock])
        let restored = scratch.path("\(fixture.database).restored.db")
        try Tools.run("sqlite3", ["-bail", restored], stdin: .file(patched))
        #expect(try Tools.run("sqlite3", [restored, "PRAGMA integrity_check;"]).stdoutText == "ok\n")

        // 1. The lock rows are released as the rules say.
        let rows = try Tools.run("sqlite3", [restored, lock.canonicalQuery(.sqlite, qualified: false)])
            .stdoutText.split(separator: "\n").map(String.init).sorted()
        #expect(rows == lock.expectedAfterRelease, "migrations_lock after restore")
        // 2. The same tables and triggers, each as created.
        let schema = try Tools.run("sqlite3", [source, fixture.schemaQuery]).stdoutText
        #expect(try Tools.run("sqlite3", [source, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger';"]).stdoutText == "3\n")
        let restoredSchema = try Tools.run("sqlite3", [restored, fixture.schemaQuery]).stdoutText
        #expect(restoredSchema == schema, "sqlite_schema differs after restore: \(MariaDBConformanceTests.difference(schema, restoredSchema))")
        // 3. A full .dump of the restored file equals the source's, but for the released row.
        let sourceDump = try Tools.run("sqlite3", [source, ".dump"]).stdout
        let restoredDump = try Tools.run("sqlite3", [restored, ".dump"]).stdout
        let report = DumpDiff.check(original: sourceDump, patched: restoredDump, dialect: .sqlite, database: fixture.database,
                                    locks: [lock], expectedHeld: DumpDiff.heldRows(of: [lock]))
        #expect(report.problems.isEmpty, "full .dump:\n\(report.problems.prefix(10).joined(separator: "\n"))")
    }
}
