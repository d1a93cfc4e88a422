import Foundation
import Testing
import TestSupport

/// Issue 11, item 6, on PostgreSQL: the bodies whose statements psql does not end at their first
/// `;` — multi-action rules (`DO ( ...; ...; )`), SQL-standard `BEGIN ATOMIC ... END` bodies, and a
/// function whose parameters are named `begin` and `"end"` — written by the real pg_dump, with held
/// lock rows before and after them. A database of its own (`constructs`), made for the test and
/// dropped after it, so the fixture `app` and its comparisons are undisturbed.
enum PostgresConstructsFixture {
    static let database = "constructs"

    static let locks: [PostgresLock] = [
        PostgresLock(name: "public.knex_migrations_lock", sql: "public.knex_migrations_lock",
                     columns: ["index", "is_locked"], cleared: [], heldKeys: ["1"]),
        PostgresLock(name: "public.migrations_lock", sql: "public.migrations_lock",
                     columns: ["lock_key", "locked", "acquired_at", "released_at"], cleared: [], heldKeys: ["km01"]),
        PostgresLock(name: "public.databasechangeloglock", sql: "public.databasechangeloglock",
                     columns: ["id", "locked", "lockgranted", "lockedby"], cleared: [2, 3], heldKeys: ["1"]),
    ]

    static var heldRows: [String] { locks.flatMap(\.heldRows) }

    /// The rows are loaded before the rules exist (a rule would add lock rows of its own).
    static let script = #"""
        CREATE TABLE knex_migrations_lock (index serial PRIMARY KEY, is_locked integer);
        CREATE TABLE migrations_lock (lock_key varchar(191) PRIMARY KEY, locked boolean DEFAULT false, acquired_at timestamp, released_at timestamp);
        CREATE TABLE databasechangeloglock (id integer NOT NULL PRIMARY KEY, locked boolean NOT NULL, lockgranted timestamp, lockedby varchar(255));
        CREATE TABLE events (id integer PRIMARY KEY, note text);
        CREATE TABLE audit (id integer PRIMARY KEY, note text);
        INSERT INTO knex_migrations_lock (index, is_locked) VALUES (1, 1), (2, 0);
        INSERT INTO migrations_lock VALUES ('km01', true, '2025-08-26 22:44:15', NULL), ('km02', false, NULL, NULL);
        INSERT INTO databasechangeloglock VALUES (1, true, '2025-01-01 10:00:00', 'build-host (10.0.0.7)'), (2, false, NULL, NULL);
        INSERT INTO events VALUES (1, 'BEGIN ATOMIC INSERT INTO knex_migrations_lock VALUES (1, 1); END;');
        INSERT INTO audit VALUES (1, 'end end end end;'), (2, E'DO ( INSERT INTO migrations_lock VALUES (''km01'', true, NULL, NULL);\n);');

        CREATE RULE log_lock AS ON INSERT TO events DO (
          INSERT INTO knex_migrations_lock (index, is_locked) VALUES (new.id + 100, 1);
          INSERT INTO migrations_lock (lock_key, locked, acquired_at, released_at) VALUES ('rule' || new.id, true, NULL, NULL);
        );
        CREATE RULE copy_ids AS ON INSERT TO audit DO (
          INSERT INTO knex_migrations_lock (index, is_locked) VALUES (new.id, new.id);
          INSERT INTO databasechangeloglock (id, locked, lockgranted, lockedby) VALUES (new.id, '1'::varchar::boolean, NULL, NULL);
        );
        CREATE FUNCTION in_window(begin timestamp, "end" timestamp) RETURNS boolean LANGUAGE sql
          AS $$ SELECT now() BETWEEN begin AND "end" $$;
        COMMENT ON FUNCTION in_window(timestamp, timestamp) IS 'end end end end;';
        CREATE FUNCTION take_lock() RETURNS integer LANGUAGE sql
        BEGIN ATOMIC
          INSERT INTO knex_migrations_lock (index, is_locked) VALUES (9, 1);
          INSERT INTO knex_migrations_lock (index, is_locked) VALUES (10, 1);
          SELECT CASE WHEN true THEN 1 ELSE 0 END;
        END;
        CREATE PROCEDURE relock() LANGUAGE sql
        BEGIN ATOMIC
          INSERT INTO migrations_lock (lock_key, locked) VALUES ('proc', true);
          SELECT CASE WHEN true THEN 1 ELSE 0 END;
          INSERT INTO knex_migrations_lock (index, is_locked) VALUES (11, 1);
        END;
        CREATE VIEW lock_state AS
          SELECT k.index, k.is_locked, m.lock_key, m.locked
          FROM knex_migrations_lock k FULL JOIN migrations_lock m ON m.lock_key = 'km0' || k.index;
        """#

    /// The rules, routines and view, and their definitions as the server gives them back.
    static let objectNames = """
        SELECT rulename FROM pg_rewrite WHERE ev_class IN ('public.events'::regclass, 'public.audit'::regclass)
        UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        UNION ALL SELECT relname FROM pg_class WHERE relkind = 'v' AND relnamespace = 'public'::regnamespace
        ORDER BY 1;
        """
    static let expectedObjectNames = "copy_ids\nin_window\nlock_state\nlog_lock\nrelock\ntake_lock\n"
    static let objectDefinitions = """
        SELECT 'rule ' || rulename || E'\\n' || pg_get_ruledef(oid) FROM pg_rewrite
          WHERE ev_class IN ('public.events'::regclass, 'public.audit'::regclass)
        UNION ALL SELECT 'routine ' || oid::regprocedure::text || E'\\n' || pg_get_functiondef(oid)
          || E'\\ncomment: ' || coalesce(obj_description(oid, 'pg_proc'), '-')
          FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        UNION ALL SELECT 'view ' || relname || E'\\n' || pg_get_viewdef(oid) FROM pg_class
          WHERE relkind = 'v' AND relnamespace = 'public'::regnamespace
        ORDER BY 1;
        """

    /// What pg_dump 15 writes for these objects: the shapes the case is about. If pg_dump wrote
    /// them otherwise, the case would no longer prove what it says.
    static let shapes = [
        "CREATE RULE log_lock AS\n    ON INSERT TO public.events DO ( INSERT INTO public.knex_migrations_lock (index, is_locked)\n  VALUES ((new.id + 100), 1);\n INSERT INTO public.migrations_lock (lock_key, locked, acquired_at, released_at)\n  VALUES (('rule'::text || new.id), true, ",
        "\n  VALUES (new.id, new.id);\n INSERT INTO public.databasechangeloglock (id, locked, lockgranted, lockedby)\n  VALUES (new.id, ('1'::character varying)::boolean, ",
        "CREATE FUNCTION public.in_window(begin timestamp without time zone, \"end\" timestamp without time zone) RETURNS boolean",
        "IS 'end end end end;';",
        "    BEGIN ATOMIC\n INSERT INTO public.knex_migrations_lock (index, is_locked)\n   VALUES (9, 1);\n INSERT INTO public.knex_migrations_lock (index, is_locked)\n   VALUES (10, 1);\n SELECT\n         CASE\n",
        "         END AS \"case\";\nEND;\n",
        "CREATE PROCEDURE public.relock()\n    LANGUAGE sql\n    BEGIN ATOMIC\n INSERT INTO public.migrations_lock (lock_key, locked)\n   VALUES ('proc'::character varying, true);\n SELECT\n         CASE\n             WHEN true THEN 1\n             ELSE 0\n         END AS \"case\";\n INSERT INTO public.knex_migrations_lock (index, is_locked)\n   VALUES (11, 1);\nEND;\n",
    ]

    static func load(into server: PostgresServer) throws {
        try server.sql("CREATE DATABASE \(database);")
        try server.sql(script, database: database)
        for lock in locks {
            let held = try server.sql(
                "SELECT \"\(lock.columns[0])\" FROM \(lock.sql) WHERE (\"\(lock.columns[lock.flag])\")::text IN ('true', '1') ORDER BY 1;",
                database: database)
            guard held.split(separator: "\n").map(String.init) == lock.heldKeys else {
                throw PostgresFixture.FixtureMismatch(description: "fixture \(lock.name) holds \(held), expected \(lock.heldKeys)")
            }
        }
    }
}

extension PostgresConformanceTests {
    /// Rules, `BEGIN ATOMIC` bodies and `begin` / `"end"` parameters through the real pg_dump
    /// (COPY and `--inserts`): the held rows are released, nothing inside a body changes, psql
    /// restores the result, and the rules, routines, view and comment read back as the source's.
    @Test(arguments: [[], ["--inserts"]])
    func bodyConstructs(_ options: [String]) throws {
        let server = try PostgresServerScope.server()
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let source = PostgresConstructsFixture.database, target = "\(source)_restored"
        let cleanUp = "DROP DATABASE IF EXISTS \(source);\nDROP DATABASE IF EXISTS \(target);"
        try server.sql(cleanUp)
        defer { _ = try? server.sql(cleanUp) }
        try PostgresConstructsFixture.load(into: server)

        let original = scratch.path("\(source).sql")
        try server.dump(options + [source], to: original)
        let text = try String(contentsOfFile: original, encoding: .utf8)
        for shape in PostgresConstructsFixture.shapes {
            #expect(text.contains(shape), "pg_dump did not write `\(shape)`")
        }
        // The held rows come after the BEGIN ATOMIC bodies, and the rules after the rows.
        let body = try #require(text.range(of: "\n    BEGIN ATOMIC\n", options: .backwards))
        let row = try #require(text.range(of: options.isEmpty ? "\nkm01\tt\t" : "\nINSERT INTO public.migrations_lock VALUES ('km01', true"))
        let rule = try #require(text.range(of: "CREATE RULE"))
        #expect(body.upperBound < row.lowerBound && row.upperBound < rule.lowerBound, "pg_dump's order changed")

        let result = try RoundTrip.run(original)
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("warning") }
        #expect(warnings.isEmpty, "unexpected warnings:\n\(result.stderr)")
        let report = PostgresDumpDiff.check(original: result.input, patched: result.output,
                                            locks: PostgresConstructsFixture.locks, expectedHeld: PostgresConstructsFixture.heldRows)
        #expect(report.problems.isEmpty, "\(report.problems.prefix(10).joined(separator: "\n"))")

        try server.sql("CREATE DATABASE \(target);")
        try server.restore(result.written, database: target)

        // 1. The lock rows are the source's, released as the rules say.
        for lock in PostgresConstructsFixture.locks {
            let expected = try server.sql(lock.releasedRowsQuery, database: source)
            let restored = try server.sql(lock.rowsAsTextQuery, database: target)
            #expect(restored == expected, "\(lock.name) after restore")
        }
        // 2. The rules, routines (with their comment) and the view, as the server reads them back.
        #expect(try server.sql(PostgresConstructsFixture.objectNames, database: source) == PostgresConstructsFixture.expectedObjectNames)
        let definitions = try server.sql(PostgresConstructsFixture.objectDefinitions, database: source)
        #expect(definitions.contains("comment: end end end end;"), "the source's definitions: \(definitions)")
        let restoredDefinitions = try server.sql(PostgresConstructsFixture.objectDefinitions, database: target)
        #expect(restoredDefinitions == definitions, "definitions differ after restore: \(MariaDBConformanceTests.difference(definitions, restoredDefinitions))")
        // 3. The whole schema and every other table's data, as pg_dump writes them.
        let schema = [Self.restrictKey, "--schema-only"]
        #expect(try Self.dumpText(server, schema + [target], scratch) == Self.dumpText(server, schema + [source], scratch),
                "schema differs after restore")
        let data = [Self.restrictKey, "--data-only"] + PostgresConstructsFixture.locks.map { "--exclude-table-data=\($0.sql)" }
        let sourceData = try Self.dumpText(server, data + [source], scratch)
        #expect(sourceData.contains("COPY public.audit"), "no data to compare")
        #expect(try Self.dumpText(server, data + [target], scratch) == sourceData, "other tables' data differs after restore")
    }
}
