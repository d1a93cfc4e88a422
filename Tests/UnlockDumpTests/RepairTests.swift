import Testing
import UnlockDump

/// `--repair`: failed-migration states, repaired only when asked, in every dialect and literal
/// style; rows that go leave the rest of their INSERT as it was.
@Suite("Repairs of failed migrations")
struct RepairTests {
    static let stamp = ReleaseStamp(utc: "2026-11-25 12:00:00")

    static func options(_ dialect: Dialect, _ repairs: Set<RepairTool>, mode: PatchMode = .release) -> PatchOptions {
        PatchOptions(dialect: dialect, mode: mode, repairs: repairs, repairTime: repairs.contains(.prisma) ? stamp : nil)
    }

    /// A Flyway history row as mysqldump writes it.
    static func flywayRow(_ rank: Int, success: String) -> String {
        "(\(rank),'\(rank)','step \(rank)','SQL','V\(rank)__step.sql',-\(rank)23,'flyway','2024-01-0\(rank) 00:00:00',12,\(success))"
    }

    static let flywayCreateMySQL = """
        CREATE TABLE `flyway_schema_history` (
          `installed_rank` int NOT NULL,
          `version` varchar(50) DEFAULT NULL,
          `description` varchar(200) NOT NULL,
          `type` varchar(20) NOT NULL,
          `script` varchar(1000) NOT NULL,
          `checksum` int DEFAULT NULL,
          `installed_by` varchar(100) NOT NULL,
          `installed_on` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
          `execution_time` int NOT NULL,
          `success` tinyint(1) NOT NULL,
          PRIMARY KEY (`installed_rank`),
          KEY `flyway_schema_history_s_idx` (`success`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

        """

    @Test("flyway: a failed row goes from an extended INSERT, with one separating comma", arguments: [
        // kept, gone, kept
        "INSERT INTO `flyway_schema_history` VALUES \(flywayRow(1, success: "1"))⟦,\(flywayRow(2, success: "0"))→⟧,\(flywayRow(3, success: "1"));\n",
        // gone first: the comma after it goes
        "INSERT INTO `flyway_schema_history` VALUES ⟦\(flywayRow(1, success: "0")),→⟧\(flywayRow(2, success: "1"));\n",
        // gone last, across a line break
        "INSERT INTO `flyway_schema_history` VALUES \(flywayRow(1, success: "1"))⟦,\n\(flywayRow(2, success: "0"))→⟧;\n",
        // two gone in a row, then one kept, then two gone
        "INSERT INTO `flyway_schema_history` VALUES ⟦\(flywayRow(1, success: "0")),\(flywayRow(2, success: "0")),→⟧\(flywayRow(3, success: "1"))⟦,\(flywayRow(4, success: "0")),\(flywayRow(5, success: "0"))→⟧;\n",
        // every row gone: the statement goes whole
        "⟦INSERT INTO `flyway_schema_history` VALUES \(flywayRow(1, success: "0")),\(flywayRow(2, success: "b'0'"));\n→⟧",
    ])
    func flywayMySQL(_ rows: String) throws {
        let template = Template(Fixtures.mysqlHeader + Self.flywayCreateMySQL) + Template(rows) + Template("UNLOCK TABLES;\n")
        let report = try expectRemoval(template, options: Self.options(.mysql, [.flyway]))
        #expect(report.heldLocks.allSatisfy { $0.repair == .flyway && $0.removed && $0.keyColumn == "script" })
        #expect(report.warnings.count { $0.contains("is a failed migration; --repair flyway removes its row") } == report.heldRowCount)
    }

    @Test("flyway and sqlx in pg_dump: COPY lines with success f go, t stay; INSERT false goes")
    func postgres() throws {
        let report = try expectRemoval(Template("""
            --
            -- PostgreSQL database dump
            --

            COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
            1\t1\tinit\tSQL\tV1__init.sql\t-123\tpostgres\t2024-01-01 00:00:00.1\t12\tt
            ⟦2\t2\tadd\tSQL\tV2__add.sql\t-456\tpostgres\t2024-01-02 00:00:00.1\t3\tf
            →⟧\\.

            INSERT INTO public._sqlx_migrations VALUES (1, 'init', '2024-01-01 00:00:00+00', true, '\\xdead', 100);
            ⟦INSERT INTO public._sqlx_migrations VALUES (2, 'add', '2024-01-02 00:00:00+00', false, '\\xbeef', 100);
            →⟧
            """), options: Self.options(.postgres, [.flyway, .sqlx]))
        #expect(report.heldLocks.map(\.repair) == [.flyway, .sqlx])
        #expect(report.heldLocks.map(\.keyValue) == ["V2__add.sql", "2"])
    }

    @Test("sqlx in sqlite: success 0 goes")
    func sqlxSQLite() throws {
        try expectRemoval(Template("""
            PRAGMA foreign_keys=OFF;
            BEGIN TRANSACTION;
            CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, checksum BLOB NOT NULL, execution_time BIGINT NOT NULL);
            INSERT INTO _sqlx_migrations VALUES(20240101000000,'init','2024-01-01 00:00:00',1,X'dead',100);
            ⟦INSERT INTO _sqlx_migrations VALUES(20240102000000,'add','2024-01-02 00:00:00',0,X'beef',100);
            →⟧COMMIT;

            """), options: Self.options(.sqlite, [.sqlx]))
    }

    @Test("prisma: a migration neither finished nor rolled back gets rolled_back_at", arguments: [
        (Dialect.mysql, "INSERT INTO `_prisma_migrations` VALUES ('a','c1','2024-01-01 00:00:00.000','20240101_init',NULL,NULL,'2024-01-01 00:00:00.000',1),('b','c2',NULL,'20240102_add','boom',⟦NULL→'2026-11-25 12:00:00'⟧,'2024-01-02 00:00:00.000',0),('c','c3',NULL,'20240103_old',NULL,'2024-01-03 00:00:00.000','2024-01-03 00:00:00.000',0);\n"),
        (.sqlite, "CREATE TABLE \"_prisma_migrations\" (\"id\" TEXT PRIMARY KEY NOT NULL, \"checksum\" TEXT NOT NULL, \"finished_at\" DATETIME, \"migration_name\" TEXT NOT NULL, \"logs\" TEXT, \"rolled_back_at\" DATETIME, \"started_at\" DATETIME NOT NULL DEFAULT current_timestamp, \"applied_steps_count\" INTEGER UNSIGNED NOT NULL DEFAULT 0);\nINSERT INTO _prisma_migrations VALUES('b','c2',NULL,'20240102_add','boom',⟦NULL→'2026-11-25 12:00:00'⟧,1704153600000,0);\n"),
        (.postgres, "CREATE TABLE public._prisma_migrations (\n    id character varying(36) NOT NULL,\n    checksum character varying(64) NOT NULL,\n    finished_at timestamp with time zone,\n    migration_name character varying(255) NOT NULL,\n    logs text,\n    rolled_back_at timestamp with time zone,\n    started_at timestamp with time zone DEFAULT now() NOT NULL,\n    applied_steps_count integer DEFAULT 0 NOT NULL\n);\n\nCOPY public._prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) FROM stdin;\nb\tc2\t\\N\t20240102_add\tboom\t⟦\\N→2026-11-25 12:00:00+00⟧\t2024-01-02 00:00:00+00\t0\n\\.\n"),
    ])
    func prisma(_ dialect: Dialect, _ text: String) throws {
        let report = try expectRemoval(Template(text), options: Self.options(dialect, [.prisma]))
        #expect(report.heldLocks.map(\.keyValue) == ["20240102_add"])
        #expect(report.heldLocks.first?.changes.map(\.column) == ["rolled_back_at"])
    }

    @Test("golang-migrate: dirty true becomes false, the version kept", arguments: [
        (Dialect.mysql, "INSERT INTO `schema_migrations` VALUES (20240102,⟦1→0⟧);\n"),
        (.sqlite, "CREATE TABLE schema_migrations (version uint64,dirty bool);\nINSERT INTO schema_migrations VALUES(20240102,⟦1→0⟧);\n"),
        (.postgres, "COPY public.schema_migrations (version, dirty) FROM stdin;\n20240102\t⟦t→f⟧\n\\.\n"),
        (.postgres, "INSERT INTO public.schema_migrations VALUES (20240102, ⟦true→false⟧);\n"),
    ])
    func golangMigrate(_ dialect: Dialect, _ text: String) throws {
        let report = try expectRemoval(Template(text), options: Self.options(dialect, [.golangMigrate]))
        #expect(report.heldLocks.map(\.keyValue) == ["20240102"])
        #expect(report.warnings.contains { $0.contains("marks it clean") })
    }

    static let failedEverywhere = bytes("""
        INSERT INTO schema_migrations VALUES(3,1);
        INSERT INTO flyway_schema_history VALUES(1,'1','init','SQL','V1__init.sql',1,'me','2024',5,0);

        """)

    @Test("without --repair nothing is repaired, but each failed migration is told; --check fails only for the repairs given")
    func notAsked() throws {
        let released = try patch(Self.failedEverywhere, options: Self.options(.sqlite, []), chunking: .whole)
        expectSameBytes(released.output, Self.failedEverywhere)
        #expect(released.report.heldRowCount == 0 && released.report.unrepairedFailureCount == 2)
        #expect(released.report.warnings == [
            "line 1, column 37 (byte 36): schema_migrations: version 3 is a failed migration, left as it is: --repair golang-migrate marks it clean, so it counts as applied (check by hand first that all its changes are in place)",
            "line 2, column 41 (byte 83): flyway_schema_history: script 'V1__init.sql' is a failed migration, left as it is: --repair flyway removes its row, so it runs again (check by hand first that what it changed before failing is undone)",
        ])
        // Tables no one asked to repair are no lock tables: no rows or tables counted.
        #expect(released.report.lockRowsSeen == 0 && released.report.tables.isEmpty)
        let checked = try patch(Self.failedEverywhere, options: Self.options(.sqlite, [.flyway], mode: .check), chunking: .size(3))
        #expect(checked.report.heldLocks.map(\.repair) == [.flyway])
        #expect(checked.report.repairRowCount == 1 && checked.report.unrepairedFailureCount == 1)
        #expect(checked.report.warnings.count { $0.contains("failed migration") } == 2)
    }

    @Test("a repair not asked for never refuses or warns about its table, and writes it as it was", arguments: [
        // Rails's schema_migrations, no dirty column.
        (Dialect.mysql, "CREATE TABLE `schema_migrations` (`version` varchar(255) NOT NULL);\nINSERT INTO `schema_migrations` VALUES ('20240101000000'),('20240102000000');\n"),
        // A success that is no truth value; a row count no layout has.
        (.sqlite, "INSERT INTO _sqlx_migrations VALUES(1,'init','2024',NULL,X'00',1);\nINSERT INTO _sqlx_migrations VALUES(1,2);\n"),
        // Rows past the bound (40 bytes here), failed or not, in an INSERT and in COPY.
        (.sqlite, "INSERT INTO _sqlx_migrations VALUES(1,'init','2024',0,X'\(String(repeating: "00", count: 40))',1),(2,'b','t',1,X'00',1);\n"),
        (.postgres, "COPY public._sqlx_migrations (version, description, installed_on, success, checksum, execution_time) FROM stdin;\n1\tinit\t2024\tf\t\\\\x\(String(repeating: "00", count: 40))\t1\n2\tb\t2024\tf\t\\\\x00\t1\n\\.\n"),
        // An INSERT ... SELECT, which a lock table's would be told about.
        (.postgres, "INSERT INTO _prisma_migrations SELECT * FROM old_migrations;\n"),
    ])
    func notAskedNeverRefuses(_ dialect: Dialect, _ text: String) throws {
        var options = Self.options(dialect, [])
        options.maxLockRowBytes = 40
        let report = try expectRemoval(Template(text), options: options)
        #expect(report.heldRowCount == 0)
        #expect(report.warnings.allSatisfy { $0.contains("is a failed migration, left as it is") })
        // Only the COPY's second line is a failed migration that fits the bound.
        #expect(report.unrepairedFailureCount == (dialect == .postgres && text.hasPrefix("COPY") ? 1 : 0))
    }

    @Test("Rails's schema_migrations (no dirty column) is left alone by --repair golang-migrate, with a warning")
    func railsNamesake() throws {
        let dump = bytes("-- MySQL dump\nCREATE TABLE `schema_migrations` (`version` varchar(255) NOT NULL);\nINSERT INTO `schema_migrations` VALUES ('20240101000000');\n")
        let result = try patch(dump, options: Self.options(.mysql, [.golangMigrate]), chunking: .whole)
        expectSameBytes(result.output, dump)
        #expect(result.report.warnings.contains { $0.contains("schema_migrations has none of the columns dirty") })
    }

    @Test("the space between rows is held under the row bound, refused the same way in every chunking")
    func gapBound() throws {
        let gap = ",/*" + String(repeating: "x", count: 300) + "*/"
        let input = bytes(chunkablePadding + "INSERT INTO _sqlx_migrations VALUES(1,'a','t',1,X'00',1)\(gap)(2,'b','t',0,X'00',1);\n")
        var errors: [MalformedDump] = []
        for chunking in [Chunking.whole, .size(1), .size(7), .random(seed: 5)] {
            var options = Self.options(.sqlite, [.sqlx])
            options.maxLockRowBytes = 200
            do {
                _ = try patch(input, options: options, chunking: chunking)
                Issue.record("accepted with \(chunking)")
            } catch let error as MalformedDump {
                errors.append(error)
            }
        }
        #expect(errors.count == 4 && Set(errors.map(\.message)).count == 1)
        #expect(errors.first?.kind == .lockRowTooLarge)
    }

    @Test("a success that is no truth value is refused when its repair is asked for")
    func unreadableSuccess() throws {
        let input = bytes("INSERT INTO _sqlx_migrations VALUES(1,'init','2024',NULL,X'00',1);\n")
        var refused: MalformedDump?
        for chunking in [Chunking.whole, .size(1)] {
            do {
                _ = try patch(input, options: Self.options(.sqlite, [.sqlx]), chunking: chunking)
            } catch let error as MalformedDump {
                refused = error
            }
            #expect(refused?.kind == .unreadableFlag)
        }
    }
}
