import Foundation
import Testing
import TestSupport

/// A second database beside the fixture's `app`, for `pg_dumpall`: `billing`, owned by a role of
/// its own, with knex's `public.knex_migrations_lock` held, the same schema and table name as in
/// `app` (whose own schema `billing` holds another knex lock table: database and schema must not
/// be taken for each other).
enum PostgresDumpAllFixture {
    static let database = "billing"
    static let owner = "billing_owner"

    static let locks: [PostgresLock] = [
        PostgresLock(name: "public.knex_migrations_lock", sql: "public.knex_migrations_lock",
                     columns: ["index", "is_locked"], cleared: [], heldKeys: ["1"]),
    ]

    static let script = #"""
        CREATE TABLE knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
        CREATE TABLE knex_migrations_lock (index serial PRIMARY KEY, is_locked integer);
        CREATE TABLE invoices (id integer PRIMARY KEY, customer text, amount numeric(10, 2), note text);
        INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('20240301_invoices.js', 1, '2024-03-01 10:00:00+00');
        INSERT INTO knex_migrations_lock (is_locked) VALUES (1);
        INSERT INTO invoices VALUES
          (1, 'ACME', 120.50, E'1\t1\n\\connect app\nCOPY public.knex_migrations_lock (index, is_locked) FROM stdin;'),
          (2, 'it''s "quoted"', 0, NULL);
        ALTER TABLE knex_migrations OWNER TO billing_owner;
        ALTER TABLE knex_migrations_lock OWNER TO billing_owner;
        ALTER TABLE invoices OWNER TO billing_owner;
        """#

    /// The lock tables of each database of the dump.
    static var locksByDatabase: [String: [PostgresLock]] {
        [PostgresFixture.database: PostgresFixture.locks, database: locks]
    }

    /// `database/schema.table:key` of every held row of the dump.
    static var heldRows: [String] {
        locksByDatabase.flatMap { database, locks in
            locks.flatMap(\.heldRows).map { "\(database)/\($0)" }
        }
    }
}

extension PostgresConformanceTests {
    /// `pg_dumpall`: the roles, then every database after a `\connect` line. Patched by the built
    /// binary, restored with psql into a second, fresh server, and compared database by database.
    @Test func pgDumpAll() throws {
        let server = try PostgresServerScope.server()
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let billing = PostgresDumpAllFixture.database, app = PostgresFixture.database
        let cleanUp = "DROP DATABASE IF EXISTS \(billing);\nDROP ROLE IF EXISTS \(PostgresDumpAllFixture.owner);"
        try server.sql(cleanUp)
        // Made for this test only, and dropped after it: the other cases dump `app` alone.
        try server.sql("CREATE ROLE \(PostgresDumpAllFixture.owner) NOLOGIN;")
        defer { _ = try? server.sql(cleanUp) }
        try server.sql("CREATE DATABASE \(billing) OWNER \(PostgresDumpAllFixture.owner);")
        try server.sql(PostgresDumpAllFixture.script, database: billing)

        let original = scratch.path("all.sql")
        try server.dumpAll([], to: original)
        let lines = PostgresDumpDiff.lines(try Data(contentsOf: URL(fileURLWithPath: original)))
        // The shape the case is about: one `\connect` per database, in name order.
        let connects = lines.filter { $0.hasPrefix("\\connect ") }
        #expect(connects == ["\\connect template1", "\\connect \(app)", "\\connect \(billing)", "\\connect postgres"],
                "pg_dumpall's \\connect lines: \(connects)")

        let result = try RoundTrip.run(original)
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("warning") }
        #expect(warnings.isEmpty, "unexpected warnings:\n\(result.stderr)")
        let diff = PostgresDumpDiff.check(original: result.input, patched: result.output,
                                          locksByDatabase: PostgresDumpAllFixture.locksByDatabase,
                                          expectedHeld: PostgresDumpAllFixture.heldRows)
        #expect(diff.problems.isEmpty, "\(diff.problems.prefix(10).joined(separator: "\n"))")

        try Self.expectReportNamesDatabases(original, server: server, scratch: scratch)

        // A fresh server whose bootstrap superuser is not `postgres`: the dump's `CREATE ROLE
        // postgres` (and `billing_owner`) and `CREATE DATABASE` then all succeed under ON_ERROR_STOP.
        let target = try PostgresServer(superuser: "restorer")
        defer { target.stop() }
        try target.restore(result.written, database: "postgres")

        let owner = try target.sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '\(billing)';")
        #expect(owner == "\(PostgresDumpAllFixture.owner)\n", "owner of \(billing) after restore: \(owner)")
        for (database, locks) in PostgresDumpAllFixture.locksByDatabase.sorted(by: { $0.key < $1.key }) {
            // 1. The lock rows are the source's, released as the rules say.
            for lock in locks {
                let expected = try server.sql(lock.releasedRowsQuery, database: database)
                let restored = try target.sql(lock.rowsAsTextQuery, database: database)
                #expect(restored == expected, "\(database): \(lock.name) after restore")
            }
            // 2. Everything else of the database as in the source, as pg_dump writes it.
            let schema = [Self.restrictKey, "--schema-only", database]
            #expect(try Self.dumpText(target, schema, scratch) == Self.dumpText(server, schema, scratch),
                    "\(database): schema differs after restore")
            let data = [Self.restrictKey, "--data-only"] + locks.map { "--exclude-table-data=\($0.sql)" } + [database]
            let sourceData = try Self.dumpText(server, data, scratch)
            #expect(sourceData.contains("COPY public."), "\(database): no data to compare")
            #expect(try Self.dumpText(target, data, scratch) == sourceData, "\(database): other tables' data differs after restore")
        }
    }

    /// `--report json --report-file FILE` on a pg_dumpall file: each held lock and each table
    /// names its database (the one `\connect` switched to), its schema, and the bare table name,
    /// so `app`'s `public.knex_migrations_lock`, `app`'s `billing.knex_migrations_lock` and
    /// `billing`'s `public.knex_migrations_lock` are three tables.
    static func expectReportNamesDatabases(_ dump: String, server: PostgresServer, scratch: Scratch,
                                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reportFile = scratch.path("report.json")
        let run = try Unlockdump.run(["--report", "json", "--report-file", reportFile, dump, "-o", scratch.path("report-run.sql")])
        try #require(run.status == 0, "unlockdump --report json: exit \(run.status)\n\(run.stderr)", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: reportFile)))
        let report = try #require(object as? [String: Any], "the JSON report is not an object", sourceLocation: sourceLocation)
        let held = try #require(report["held_locks"] as? [[String: Any]], "no held_locks array", sourceLocation: sourceLocation)
        let tables = try #require(report["tables"] as? [[String: Any]], "no tables array", sourceLocation: sourceLocation)

        func text(_ entry: [String: Any], _ key: String) -> String { entry[key].map { "\($0)" } ?? "<missing>" }
        func name(_ entry: [String: Any]) -> String {
            "database=\(text(entry, "database")) schema=\(text(entry, "schema")) table=\(text(entry, "table"))"
        }

        var expectedHeld: [String] = [], expectedTables: [String] = []
        for (database, locks) in PostgresDumpAllFixture.locksByDatabase {
            for lock in locks {
                let schema = String(lock.name.prefix { $0 != "." }), table = String(lock.name.dropFirst(schema.count + 1))
                let entry = "database=\(database) schema=\(schema) table=\(table)"
                expectedHeld += lock.heldKeys.map { "\(entry) key=\($0)" }
                let rows = try server.sql("SELECT count(*) FROM \(lock.sql);", database: database)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                expectedTables.append("\(entry) rows_seen=\(rows) rows_released=\(lock.heldKeys.count)")
            }
        }
        let reportedHeld = held.map { "\(name($0)) key=\(text($0, "key"))" }
        #expect(reportedHeld.sorted() == expectedHeld.sorted(), "held_locks of the JSON report", sourceLocation: sourceLocation)
        let reportedTables = tables.map { "\(name($0)) rows_seen=\(text($0, "rows_seen")) rows_released=\(text($0, "rows_released"))" }
        #expect(reportedTables.sorted() == expectedTables.sorted(), "tables of the JSON report", sourceLocation: sourceLocation)
    }
}
