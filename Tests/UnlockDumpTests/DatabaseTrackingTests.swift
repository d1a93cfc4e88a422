import Testing
import UnlockDump

/// Where a row lives (database, schema, table) and which version of it is current: pg_dumpall's
/// `\connect`, MariaDB's system-versioned history, and a postgres `timestamptz` release stamp.
@Suite("Databases, schemas, history and time zones")
struct DatabaseTrackingTests {
    static func knexCopy(_ flag: String) -> String {
        "COPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n1\t\(flag)\n\\.\n\n"
    }

    @Test("pg_dumpall: each \\connect starts another database, reported apart from the schema")
    func pgDumpallDatabases() throws {
        let report = try expectPatch("""
            --
            -- PostgreSQL database cluster dump
            --

            \\restrict k1

            SET default_transaction_read_only = off;
            CREATE ROLE app;

            \\unrestrict k1

            \\connect template1

            --
            -- PostgreSQL database dump
            --

            \\restrict k2

            \\unrestrict k2

            \\connect app

            \\restrict k3

            SET statement_timeout = 0;

            """ + PostgresTests.knexCreate + Self.knexCopy("⟦1→0⟧") + """
            \\unrestrict k3

            \\encoding SQL_ASCII
            \\connect -reuse-previous=on "dbname='billing db'"

            \\restrict k4

            """ + PostgresTests.knexCreate + Self.knexCopy("⟦t→f⟧") + """
            \\unrestrict k4

            \\connect "Reports"

            COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
            1\t0
            \\.

            --
            -- PostgreSQL database cluster dump complete
            --


            """)
        #expect(report.heldLocks == [
            held("knex_migrations_lock", db: "app", schema: "public", key: "index", "1", change("is_locked", "1", "0")),
            held("knex_migrations_lock", db: "billing db", schema: "public", key: "index", "1", change("is_locked", "t", "f")),
        ])
        #expect(report.tables == [
            LockTableSummary(database: "app", schema: "public", table: "knex_migrations_lock", rowsSeen: 1, rowsReleased: 1),
            LockTableSummary(database: "billing db", schema: "public", table: "knex_migrations_lock", rowsSeen: 1, rowsReleased: 1),
            LockTableSummary(database: "Reports", schema: "public", table: "knex_migrations_lock", rowsSeen: 1, rowsReleased: 0),
        ])
        #expect(report.heldLocks.map(\.qualifiedTable) == ["app.public.knex_migrations_lock", "billing db.public.knex_migrations_lock"])
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test("a CREATE TABLE in one database gives no layout to the same name in another")
    func layoutsPerConnectedDatabase() throws {
        let report = try expectPatch(PostgresTests.header + """
            \\connect a
            CREATE TABLE public.migrations_lock (index integer NOT NULL, is_locked integer);
            INSERT INTO public.migrations_lock VALUES (1, ⟦1→0⟧);
            \\connect b
            CREATE TABLE public.migrations_lock (lock_key character varying(191) NOT NULL, locked boolean, acquired_at timestamp without time zone, released_at timestamp without time zone);
            INSERT INTO public.migrations_lock VALUES ('km01', ⟦true→false⟧, NULL, NULL);

            """ + PostgresTests.footer)
        #expect(report.heldLocks.map(\.family) == [.knex, .ghost])
    }

    @Test("the \\connect forms pg_dump and pg_dumpall write", arguments: [
        ("\\connect app", "app"), ("\\connect \"Billing\"", "Billing"), ("\\c app", "app"),
        ("\\connect -reuse-previous=on \"dbname='my db'\"", "my db"),
        ("\\connect -reuse-previous=on \"dbname='it\\'s'\"", "it's"),
        ("\\connect -reuse-previous=on \"dbname='C:\\\\x'\"", "C:\\x"),
        ("\\connect \"we\"\"ird\"\r", "we\"ird"),
    ])
    func connectForms(_ line: String, _ database: String) throws {
        let report = try expectPatch(PostgresTests.header + line + "\n" + Self.knexCopy("⟦1→0⟧") + PostgresTests.footer)
        #expect(report.heldLocks.first?.database == database)
    }

    @Test("meta-commands that are not \\connect change no database")
    func otherMetaCommands() throws {
        let report = try expectPatch(PostgresTests.header + "\\connect app\n\\encoding SQL_ASCII\n\\set ON_ERROR_STOP on\n"
            + Self.knexCopy("⟦1→0⟧") + PostgresTests.footer)
        #expect(report.heldLocks.first?.database == "app")
    }

    /// The shape mariadb-dump 10.11 --dump-history writes (read off the real tool).
    static let dumpHistory = Fixtures.mariadbHeader + """
        CREATE TABLE `migrations_lock` (
          `lock_key` varchar(191) NOT NULL,
          `locked` tinyint(1) DEFAULT 0,
          `acquired_at` datetime DEFAULT NULL,
          `released_at` datetime DEFAULT NULL,
          PRIMARY KEY (`lock_key`)
        ) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci WITH SYSTEM VERSIONING;

        /*M!101100 SET @old_system_versioning_insert_history=@@session.system_versioning_insert_history, @@session.system_versioning_insert_history=1 */;
        LOCK TABLES `migrations_lock` WRITE;
        INSERT INTO `migrations_lock` (`lock_key`, `locked`, `acquired_at`, `released_at`, row_start, row_end) VALUES ('km01',0,NULL,NULL,'2026-12-01 08:38:10.321297','2026-12-01 08:38:10.321837'),
        ('km01',1,'2026-12-01 08:38:10',NULL,'2026-12-01 08:38:10.321837','2026-12-01 08:38:10.322249'),
        ('km01',0,'2026-12-01 08:38:10',NULL,'2026-12-01 08:38:10.322249','2026-12-01 08:38:10.322671'),
        ('km01',⟦1→0⟧,'2026-12-01 08:38:10',NULL,'2026-12-01 08:38:10.322671','2038-01-19 03:14:07.999999');
        UNLOCK TABLES;

        """ + Fixtures.mysqlFooter

    @Test("--dump-history: only the current version of a lock row is released; history stays as it was")
    func dumpHistory() throws {
        let report = try expectPatch(Self.dumpHistory)
        #expect(report.heldLocks.count == 1)
        #expect(report.lockRowsSeen == 4)
    }

    @Test("explicit period columns: the column the CREATE TABLE marks AS ROW END decides, and 11.5's 2106 maximum")
    func explicitRowEnd() throws {
        try expectPatch(Fixtures.mariadbHeader + """
            CREATE TABLE `knex_migrations_lock` (
              `index` int(10) unsigned NOT NULL,
              `is_locked` int(11) DEFAULT NULL,
              `valid_from` timestamp(6) GENERATED ALWAYS AS ROW START,
              `valid_to` timestamp(6) GENERATED ALWAYS AS ROW END,
              PRIMARY KEY (`index`,`valid_to`),
              PERIOD FOR SYSTEM_TIME (`valid_from`, `valid_to`)
            ) ENGINE=InnoDB WITH SYSTEM VERSIONING;
            INSERT INTO `knex_migrations_lock` VALUES (1,1,'2026-01-01 00:00:00.000000','2026-01-02 00:00:00.000000'),(1,⟦1→0⟧,'2026-01-02 00:00:00.000000','2106-02-07 06:28:15.999999');

            """ + Fixtures.mysqlFooter)
    }

    static let stamp = ReleaseStamp(utc: "2026-11-25 12:00:00")

    static func ghostPostgres(_ type: String, rows: String) -> String {
        PostgresTests.header + """
            CREATE TABLE public.migrations_lock (
                lock_key character varying(191) NOT NULL,
                locked boolean DEFAULT false,
                acquired_at \(type),
                released_at \(type)
            );

            """ + rows + PostgresTests.footer
    }

    @Test("--stamp-release writes explicit UTC into a postgres timestamp with time zone", arguments: [
        ("timestamp with time zone", "'2026-11-25 12:00:00+00'", "2026-11-25 12:00:00+00"),
        ("timestamptz", "'2026-11-25 12:00:00+00'", "2026-11-25 12:00:00+00"),
        ("timestamp(6) with time zone", "'2026-11-25 12:00:00+00'", "2026-11-25 12:00:00+00"),
        ("timestamp without time zone", "'2026-11-25 12:00:00'", "2026-11-25 12:00:00"),
    ])
    func stampTimeZone(_ type: String, _ literal: String, _ copyText: String) throws {
        let inserts = try run(
            Self.ghostPostgres(type, rows: "INSERT INTO public.migrations_lock VALUES ('km01', true, '2026-11-25 11:00:00+00', NULL);\n"))
        #expect(inserts.contains("('km01', false, '2026-11-25 11:00:00+00', \(literal));"), "\(inserts)")
        let copy = try run(Self.ghostPostgres(type, rows: """
            COPY public.migrations_lock (lock_key, locked, acquired_at, released_at) FROM stdin;
            km01\tt\t2026-11-25 11:00:00+00\t\\N
            \\.

            """))
        #expect(copy.contains("km01\tf\t2026-11-25 11:00:00+00\t\(copyText)\n"), "\(copy)")
    }

    private func run(_ dump: String) throws -> String {
        String(decoding: try DumpPatcher.patch(bytes(dump), options: PatchOptions(releaseStamp: Self.stamp)).output, as: UTF8.self)
    }
}
