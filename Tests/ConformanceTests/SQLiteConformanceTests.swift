import Foundation
import Testing
import TestSupport

/// One `sqlite3 .dump` style of the matrix.
struct SQLiteCase: Sendable, CustomTestStringConvertible {
    let options: [String]
    var dataOnly: Bool { options.contains("--data-only") }
    var testDescription: String { "sqlite3 DB.db '" + ([".dump"] + options).joined(separator: " ") + "'" }

    static let matrix: [SQLiteCase] = [
        SQLiteCase(options: []),
        SQLiteCase(options: ["--data-only"]),
        SQLiteCase(options: ["--newlines"]),
        SQLiteCase(options: ["--preserve-rowids"]),
    ]
}

/// Round trips through the real `sqlite3 .dump`: the same content as the MariaDB fixture, one file
/// per app; patch with the built binary, restore into a new file, and compare full dumps.
@Suite(.enabled(if: Tools.enabled(Tools.sqliteNames), Tools.skipMessage(Tools.sqliteNames)))
struct SQLiteConformanceTests {
    @Test(arguments: SQLiteCase.matrix)
    func roundTrip(_ testCase: SQLiteCase) throws {
        try Tools.require(Tools.sqliteNames)
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        for database in Fixture.databases {
            let source = try SQLiteFixture.build(database, in: scratch)
            let original = scratch.path("\(database.name).sql")
            try Tools.run("sqlite3", [source, ([".dump"] + testCase.options).joined(separator: " ")], stdoutPath: original)
            let patched = try RoundTrip.patch(original, dialect: .sqlite, database: database.name, locks: database.locks)

            let restored = scratch.path("\(database.name).restored.db")
            if testCase.dataOnly {
                // The schema first (tables and indexes), the triggers after the data, as the
                // source was built: a trigger must not fire while the rows are loaded.
                try Tools.run("sqlite3", ["-bail", restored], stdin: .data(Data(try schema(source, ["table", "index"]).utf8)))
            }
            try Tools.run("sqlite3", ["-bail", restored], stdin: .file(patched))
            if testCase.dataOnly {
                try Tools.run("sqlite3", ["-bail", restored], stdin: .data(Data(try schema(source, ["trigger"]).utf8)))
                // A data-only dump appends its sqlite_sequence rows without the DELETE a full dump
                // writes, so the AUTOINCREMENT tables' counters are there twice: keep the last.
                try Tools.run("sqlite3", ["-bail", restored, """
                    DELETE FROM sqlite_sequence WHERE rowid NOT IN (SELECT max(rowid) FROM sqlite_sequence GROUP BY name);
                    """])
            }
            #expect(try Tools.run("sqlite3", [restored, "PRAGMA integrity_check;"]).stdoutText == "ok\n")

            // 1. Every lock row is released exactly as the rules say.
            for lock in database.locks {
                let rows = try Tools.run("sqlite3", [restored, lock.canonicalQuery(.sqlite, qualified: false)])
                    .stdoutText.split(separator: "\n").map(String.init).sorted()
                #expect(rows == lock.expectedAfterRelease, "\(database.name).\(lock.table.name) after restore")
            }

            // 2. A full .dump of the restored file equals the source's, but for the released rows
            //    (triggers, indexes, sqlite_sequence and every other row included).
            let sourceDump = try Tools.run("sqlite3", [source, ".dump"]).stdout
            let restoredDump = try Tools.run("sqlite3", [restored, ".dump"]).stdout
            let report = DumpDiff.check(original: sourceDump, patched: restoredDump, dialect: .sqlite,
                                        database: database.name, locks: database.locks,
                                        expectedHeld: DumpDiff.heldRows(of: database.locks))
            #expect(report.problems.isEmpty, "full .dump of \(database.name):\n\(report.problems.prefix(10).joined(separator: "\n"))")
        }
    }

    /// The source's own CREATE statements of these types, in their original order.
    private func schema(_ file: String, _ types: [String]) throws -> String {
        let list = types.map { "'\($0)'" }.joined(separator: ",")
        return try Tools.run("sqlite3", [file, """
            SELECT sql || ';' FROM sqlite_schema
            WHERE type IN (\(list)) AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid;
            """]).stdoutText
    }
}
