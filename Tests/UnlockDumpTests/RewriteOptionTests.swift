import Testing
import UnlockDump

/// `--only`, `--set ... --where ...`, `--stamp-release` and the per-table summary, at the
/// engine's level (the CLI maps its flags onto these options).
@Suite("Catalogue options: families, --set rewrites, release stamps")
struct RewriteOptionTests {
    static let ghostAndKnex = """
        -- MySQL dump 10.13
        INSERT INTO `migrations_lock` VALUES ('km01',1,NULL,NULL);
        INSERT INTO `knex_migrations_lock` VALUES (1,1);

        """

    private func run(_ text: String, _ options: PatchOptions) throws -> (output: String, report: PatchReport) {
        let (output, report) = try DumpPatcher.patch(Array(text.utf8), options: options)
        return (String(decoding: output, as: UTF8.self), report)
    }

    @Test("--only limits the built-in catalogue")
    func onlyFamilies() throws {
        let knexOnly = try run(Self.ghostAndKnex, PatchOptions(families: [.knex]))
        #expect(knexOnly.output.contains("('km01',1,NULL,NULL)"))
        #expect(knexOnly.output.contains("(1,0)"))
        #expect(knexOnly.report.heldLocks.map(\.table) == ["knex_migrations_lock"])
        let ghostOnly = try run(Self.ghostAndKnex, PatchOptions(families: [.ghost]))
        #expect(ghostOnly.output.contains("('km01',0,NULL,NULL)"))
        #expect(ghostOnly.output.contains("(1,1)"))
    }

    @Test("--only ghost leaves a migrations_lock with knex's columns alone, silently")
    func onlyGhostSkipsKnexLayout() throws {
        let dump = "CREATE TABLE `migrations_lock` (`index` int, `is_locked` int);\nINSERT INTO `migrations_lock` VALUES (1,1);\n"
        let result = try run(dump, PatchOptions(dialect: .mysql, families: [.ghost]))
        #expect(result.output == dump)
        #expect(result.report.warnings.isEmpty)
        #expect(result.report.heldLocks.isEmpty)
    }

    static let golangMigrate = """
        -- MySQL dump 10.13
        CREATE TABLE `schema_migrations` (`version` bigint NOT NULL, `dirty` tinyint(1) NOT NULL);
        INSERT INTO `schema_migrations` VALUES (20,1),(21,0);
        INSERT INTO `schema_migrations_old` VALUES (20,1);

        """

    @Test("--set rewrites any column, only where it differs, byte for byte")
    func setRewrite() throws {
        let options = PatchOptions(rewrites: [ColumnRewrite(table: "schema_migrations", column: "dirty", value: "0")])
        let result = try run(Self.golangMigrate, options)
        #expect(result.output == Self.golangMigrate.replacingOccurrences(of: "VALUES (20,1),(21,0)", with: "VALUES (20,0),(21,0)"))
        #expect(result.report.heldLocks == [HeldLock(
            database: nil, table: "schema_migrations", keyColumn: "version", displayedKey: "20",
            changes: [ColumnChange(column: "dirty", displayedOld: "1", displayedNew: "0")])])
        #expect(result.report.tables == [LockTableSummary(database: nil, table: "schema_migrations", rowsSeen: 2, rowsReleased: 1)])
        // Idempotent: the patched dump needs nothing more.
        #expect(try run(result.output, options).report.heldLocks.isEmpty)
    }

    @Test("--where limits a --set to rows whose column holds a value, quotes undone")
    func setWhere() throws {
        let dump = "-- MySQL dump\nINSERT INTO `jobs` VALUES ('a','running'),('b','running'),('c','done');\n"
        let rewrite = ColumnRewrite(
            table: "jobs", column: "state", value: "'failed'", condition: RowCondition(column: "name", value: "b"))
        let create = "CREATE TABLE `jobs` (`name` varchar(9), `state` varchar(9));\n"
        let result = try run(create + dump, PatchOptions(rewrites: [rewrite]))
        #expect(result.output == create + dump.replacingOccurrences(of: "('b','running')", with: "('b','failed')"))
    }

    @Test("--set on a table the dump gives no columns for is left alone, with a warning")
    func setWithoutColumns() throws {
        let dump = "-- MySQL dump\nINSERT INTO `schema_migrations` VALUES (20,1);\n"
        let result = try run(dump, PatchOptions(rewrites: [ColumnRewrite(table: "schema_migrations", column: "dirty", value: "0")]))
        #expect(result.output == dump)
        #expect(result.report.warnings.count == 1)
    }

    @Test("--stamp-release also sets Ghost's released_at, and only on held rows")
    func stampRelease() throws {
        let dump = "-- MySQL dump\nINSERT INTO `migrations_lock` VALUES ('km01',1,'2025-08-26 22:44:15',NULL),('km02',0,NULL,NULL);\n"
        let stamp = "'2026-11-25 12:00:00'"
        let result = try run(dump, PatchOptions(releaseStamp: ReleaseStamp(utc: "2026-11-25 12:00:00")))
        #expect(result.output == "-- MySQL dump\nINSERT INTO `migrations_lock` VALUES ('km01',0,'2025-08-26 22:44:15','2026-11-25 12:00:00'),('km02',0,NULL,NULL);\n")
        #expect(result.report.heldLocks.first?.changes.last == ColumnChange(column: "released_at", displayedOld: "NULL", displayedNew: stamp))
        // knex and Liquibase have no release time: the stamp changes nothing there.
        let knex = try run("-- MySQL dump\nINSERT INTO `knex_migrations_lock` VALUES (1,1);\n", PatchOptions(releaseStamp: ReleaseStamp(utc: "2026-11-25 12:00:00")))
        #expect(knex.output.hasSuffix("(1,0);\n"))
    }

    @Test("the per-table summary counts rows seen and released, per database")
    func tableSummaries() throws {
        let dump = """
            -- MySQL dump
            USE `a`;
            INSERT INTO `migrations_lock` VALUES ('km01',1,NULL,NULL),('km02',0,NULL,NULL);
            USE `b`;
            INSERT INTO `migrations_lock` VALUES ('km01',0,NULL,NULL);

            """
        let result = try run(dump, PatchOptions())
        #expect(result.report.tables == [
            LockTableSummary(database: "a", table: "migrations_lock", rowsSeen: 2, rowsReleased: 1),
            LockTableSummary(database: "b", table: "migrations_lock", rowsSeen: 1, rowsReleased: 0),
        ])
    }
}
