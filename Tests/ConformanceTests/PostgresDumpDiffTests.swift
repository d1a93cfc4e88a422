import Foundation
import Testing

/// The PostgreSQL oracle must catch what it is there to catch: these run without any database.
@Suite struct PostgresDumpDiffTests {
    static let locks = PostgresFixture.locks.filter { $0.name.hasPrefix("public.") }
    static let held = ["public.knex_migrations_lock:1", "public.DATABASECHANGELOGLOCK:1", "public.migrations_lock:km01"]

    static let original = """
        COPY public.posts (id, body) FROM stdin;
        1\tknex 1\\t1
        \\.
        COPY public."DATABASECHANGELOGLOCK" ("ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY") FROM stdin;
        1\tt\t2025-02-02 12:00:00\tci-runner (10.0.0.9)
        2\tf\t\\N\t\\N
        \\.
        INSERT INTO public.knex_migrations_lock VALUES (1, 1);
        INSERT INTO public.migrations_lock VALUES
        \t('km01', true, '2025-08-26 22:44:15', NULL),
        \t('km02', false, NULL, NULL);

        """

    static func check(_ patched: String, held: [String] = held) -> [String] {
        PostgresDumpDiff.check(original: Data(original.utf8), patched: Data(patched.utf8), locks: locks, expectedHeld: held).problems
    }

    static func replacing(_ pairs: [(String, String)]) -> String {
        pairs.reduce(original) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static let released = replacing([
        ("1\tt\t2025-02-02 12:00:00\tci-runner (10.0.0.9)", "1\tf\t\\N\t\\N"),
        ("VALUES (1, 1);", "VALUES (1, 0);"),
        ("('km01', true,", "('km01', false,"),
    ])

    @Test func acceptsExactlyTheRelease() {
        #expect(Self.check(Self.released) == [])
    }

    @Test func catchesAChangeOutsideTheLockRows() {
        let patched = Self.released.replacingOccurrences(of: "knex 1\\t1", with: "knex 1\\t0")
        #expect(Self.check(patched).contains { $0.contains("outside any lock table") })
    }

    @Test func catchesAMissedRelease() {
        let patched = Self.released.replacingOccurrences(of: "VALUES (1, 0);", with: "VALUES (1, 1);")
        #expect(Self.check(patched).contains { $0.contains("rows changed") })
    }

    @Test func catchesAWrongRelease() {
        let cleared = Self.released.replacingOccurrences(of: "1\tf\t\\N\t\\N", with: "1\tf\t2025-02-02 12:00:00\t\\N")
        #expect(Self.check(cleared).contains { $0.contains("LOCKGRANTED not cleared") })
        let styled = Self.released.replacingOccurrences(of: "('km01', false,", with: "('km01', 0,")
        #expect(Self.check(styled).contains { $0.contains("not its release") })
        let key = Self.released.replacingOccurrences(of: "VALUES (1, 0);", with: "VALUES (2, 0);")
        #expect(Self.check(key).contains { $0.contains("index changed") })
    }

    @Test func catchesARowNotHeld() {
        let patched = Self.released.replacingOccurrences(of: "2\tf\t\\N\t\\N", with: "2\tf\t\\N\tx")
        #expect(!Self.check(patched).isEmpty)
    }

    // MARK: pg_dumpall: the same table in two databases, told apart by `\connect`.

    static let dumpAll = """
        \\connect app
        COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
        1\t1
        \\.
        \\connect billing
        COPY public.invoices (id, note) FROM stdin;
        1\t\\\\connect app
        \\.
        COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
        1\t1
        \\.

        """
    static let dumpAllLocks = ["app": locks, "billing": [locks[0]]]

    static func checkDumpAll(_ patched: String) -> [String] {
        PostgresDumpDiff.check(original: Data(dumpAll.utf8), patched: Data(patched.utf8), locksByDatabase: dumpAllLocks,
                               expectedHeld: ["app/public.knex_migrations_lock:1", "billing/public.knex_migrations_lock:1"]).problems
    }

    @Test func namesTheDatabaseOfEachRow() {
        #expect(Self.checkDumpAll(Self.dumpAll.replacingOccurrences(of: "1\t1\n", with: "1\t0\n")) == [])
        // Both released in one database and none in the other is not the same.
        let lines = Self.dumpAll.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var twice = lines
        twice[2] = "1\t0"
        let problems = Self.checkDumpAll(twice.joined(separator: "\n"))
        #expect(problems.contains { $0.contains("rows changed [\"app/public.knex_migrations_lock:1\"]") })
    }

    @Test func readsPsqlConnectLines() {
        #expect(PostgresDumpDiff.connectedDatabase("\\connect app") == "app")
        #expect(PostgresDumpDiff.connectedDatabase("\\connect \"My \"\"DB\"\"\"") == "My \"DB\"")
        #expect(PostgresDumpDiff.connectedDatabase("\\connect -reuse-previous=on \"dbname='it''s'\"") == "it's")
        #expect(PostgresDumpDiff.connectedDatabase("\\\\connect app") == nil)
        #expect(PostgresDumpDiff.connectedDatabase("COPY x FROM stdin;") == nil)
    }
}

