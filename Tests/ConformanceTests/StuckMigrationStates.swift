import Foundation
import Testing
import TestSupport

/// Stuck migration states as the tools leave them, per database: EF Core's and yoyo's lock rows,
/// a failed Flyway, sqlx and Prisma migration, a dirty golang-migrate version. The tables are
/// created with the tools' own CREATE TABLE statements; the rows are this project's.
enum StuckMigrationStates {
    /// Every repair, as the round trips ask for them.
    static let repairs = ["--repair", "flyway", "--repair", "sqlx", "--repair", "prisma", "--repair", "golang-migrate"]

    /// A query of the restored state and the rows it must give once patched (one per line,
    /// columns as the client prints them).
    struct Probe {
        let query: String
        let expected: String
    }

    static let sqlite = """
        CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
            "Timestamp" TEXT NOT NULL
        );
        INSERT OR IGNORE INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2024-11-13 10:00:00.1234567+00:00');
        CREATE TABLE IF NOT EXISTS "yoyo_lock" (locked INT DEFAULT 1, ctime TIMESTAMP,pid INT NOT NULL,PRIMARY KEY (locked));
        INSERT INTO yoyo_lock (locked, ctime, pid) VALUES (1, '2024-01-01 00:00:00', 4242);
        CREATE TABLE "flyway_schema_history" ("installed_rank" INT NOT NULL PRIMARY KEY, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL, "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL, "checksum" INT, "installed_by" VARCHAR(100) NOT NULL, "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')), "execution_time" INT NOT NULL, "success" BOOLEAN NOT NULL);
        INSERT INTO flyway_schema_history VALUES (1,'1','init','SQL','V1__init.sql',11,'app','2024-01-01 00:00:00',5,1), (2,'2','add','SQL','V2__add.sql',22,'app','2024-01-02 00:00:00',5,1), (3,'3','half','SQL','V3__half.sql',33,'app','2024-01-03 00:00:00',5,0);
        CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, checksum BLOB NOT NULL, execution_time BIGINT NOT NULL);
        INSERT INTO _sqlx_migrations VALUES (20240101000000,'init','2024-01-01 00:00:00',1,X'0011',7), (20240102000000,'half','2024-01-02 00:00:00',0,X'2233',7);
        CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0);
        INSERT INTO _prisma_migrations VALUES ('a1','c1','2024-01-01 00:00:01','20240101_init',NULL,NULL,'2024-01-01 00:00:00',1), ('b2','c2',NULL,'20240102_half','error: boom',NULL,'2024-01-02 00:00:00',0);
        CREATE TABLE schema_migrations (version uint64,dirty bool);
        CREATE UNIQUE INDEX version_unique ON schema_migrations (version);
        INSERT INTO schema_migrations VALUES (3, 1);

        """

    static let mariadb = """
        CREATE TABLE IF NOT EXISTS `yoyo_lock` (locked INT DEFAULT 1, ctime TIMESTAMP,pid INT NOT NULL,PRIMARY KEY (locked));
        INSERT INTO yoyo_lock (locked, ctime, pid) VALUES (1, '2024-01-01 00:00:00', 4242);
        CREATE TABLE `flyway_schema_history` (`installed_rank` INT NOT NULL, `version` VARCHAR(50), `description` VARCHAR(200) NOT NULL, `type` VARCHAR(20) NOT NULL, `script` VARCHAR(1000) NOT NULL, `checksum` INT, `installed_by` VARCHAR(100) NOT NULL, `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, `execution_time` INT NOT NULL, `success` BOOL NOT NULL, CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)) ENGINE=InnoDB;
        CREATE INDEX `flyway_schema_history_s_idx` ON `flyway_schema_history` (`success`);
        INSERT INTO flyway_schema_history VALUES (1,'1','init','SQL','V1__init.sql',11,'app','2024-01-01 00:00:00',5,1), (2,'2','add','SQL','V2__add.sql',22,'app','2024-01-02 00:00:00',5,1), (3,'3','half','SQL','V3__half.sql',33,'app','2024-01-03 00:00:00',5,0);
        CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, checksum BLOB NOT NULL, execution_time BIGINT NOT NULL);
        INSERT INTO _sqlx_migrations VALUES (20240101000000,'init','2024-01-01 00:00:00',1,X'0011',7), (20240102000000,'half','2024-01-02 00:00:00',0,X'2233',7);
        CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at DATETIME(3), migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at DATETIME(3), started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0) DEFAULT CHARACTER SET utf8mb4;
        INSERT INTO _prisma_migrations VALUES ('a1','c1','2024-01-01 00:00:01','20240101_init',NULL,NULL,'2024-01-01 00:00:00',1), ('b2','c2',NULL,'20240102_half','error: boom',NULL,'2024-01-02 00:00:00',0);
        CREATE TABLE IF NOT EXISTS `schema_migrations` (version bigint not null primary key, dirty boolean not null);
        INSERT INTO schema_migrations VALUES (3, 1);

        """

    static let postgres = """
        CREATE TABLE IF NOT EXISTS "yoyo_lock" (locked INT DEFAULT 1, ctime TIMESTAMP,pid INT NOT NULL,PRIMARY KEY (locked));
        INSERT INTO yoyo_lock (locked, ctime, pid) VALUES (1, '2024-01-01 00:00:00', 4242);
        CREATE TABLE "public"."flyway_schema_history" ("installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL, "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL, "checksum" INTEGER, "installed_by" VARCHAR(100) NOT NULL, "installed_on" TIMESTAMP NOT NULL DEFAULT now(), "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL);
        ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
        CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
        INSERT INTO flyway_schema_history VALUES (1,'1','init','SQL','V1__init.sql',11,'app','2024-01-01 00:00:00',5,true), (2,'2','add','SQL','V2__add.sql',22,'app','2024-01-02 00:00:00',5,true), (3,'3','half','SQL','V3__half.sql',33,'app','2024-01-03 00:00:00',5,false);
        CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(), success BOOLEAN NOT NULL, checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL);
        INSERT INTO _sqlx_migrations VALUES (20240101000000,'init','2024-01-01 00:00:00+00',true,'\\x0011',7), (20240102000000,'half','2024-01-02 00:00:00+00',false,'\\x2233',7);
        CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0);
        INSERT INTO _prisma_migrations VALUES ('a1','c1','2024-01-01 00:00:01+00','20240101_init',NULL,NULL,'2024-01-01 00:00:00+00',1), ('b2','c2',NULL,'20240102_half','error: boom',NULL,'2024-01-02 00:00:00+00',0);
        CREATE TABLE IF NOT EXISTS "schema_migrations" (version bigint not null primary key, dirty boolean not null);
        INSERT INTO schema_migrations VALUES (3, true);

        """

    /// What the restored database must hold, in each client's output (`t`/`f` from psql, `1`/`0`
    /// from mariadb and sqlite3; TAB between columns, `|` in sqlite3).
    static func probes(falseValue: String, separator: String, efCore: Bool) -> [Probe] {
        var probes = [
            Probe(query: "SELECT count(*) FROM yoyo_lock;", expected: "0"),
            Probe(query: "SELECT installed_rank FROM flyway_schema_history ORDER BY installed_rank;", expected: "1\n2"),
            Probe(query: "SELECT version FROM _sqlx_migrations ORDER BY version;", expected: "20240101000000"),
            Probe(query: "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL;", expected: ""),
            Probe(query: "SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL;", expected: "20240102_half"),
            Probe(query: "SELECT version, dirty FROM schema_migrations;", expected: "3\(separator)\(falseValue)"),
        ]
        if efCore { probes.append(Probe(query: "SELECT count(*) FROM \"__EFMigrationsLock\";", expected: "0")) }
        return probes
    }

    /// Patches `original` with every repair (`FILE -o OUT`), checks `--check` before (1) and
    /// after (0) and without the repairs (0, the failed migrations told), and returns the
    /// patched file.
    static func patch(_ original: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let patched = original + ".patched.sql"
        let run = try Unlockdump.run(repairs + [original, "-o", patched])
        try #require(run.status == 0, "unlockdump --repair ...: exit \(run.status)\n\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains("removed pid 4242"), sourceLocation: sourceLocation)
        #expect(run.stderr.contains("is a failed migration; --repair flyway"), sourceLocation: sourceLocation)
        let before = try Unlockdump.run(["--check"] + repairs + [original])
        #expect(before.status == 1, "--check on the original: exit \(before.status)\n\(before.stderr)", sourceLocation: sourceLocation)
        let after = try Unlockdump.run(["--check"] + repairs + [patched])
        #expect(after.status == 0, "--check on the patched dump: exit \(after.status)\n\(after.stderr)", sourceLocation: sourceLocation)
        // Without the repairs (and the presence locks left out), the four failed migrations are
        // told, not held.
        let told = try Unlockdump.run(["--check", "--only", "ghost", "--report", "json", original])
        #expect(told.status == 0, "--check without --repair: exit \(told.status)\n\(told.stderr)", sourceLocation: sourceLocation)
        #expect(told.stderr.contains("\"failed_migrations_unrepaired\":4"), "\(told.stderr)", sourceLocation: sourceLocation)
        return patched
    }
}

/// The stuck states built in real sqlite3, MariaDB and PostgreSQL, dumped with their own tools,
/// patched with every repair, restored, and queried.
@Suite("Stuck migration states, round trip")
struct StuckMigrationConformanceTests {
    @Test(.enabled(if: Tools.enabled(Tools.sqliteNames), Tools.skipMessage(Tools.sqliteNames)), arguments: [[String](), ["--data-only"]])
    func sqlite(_ options: [String]) throws {
        try Tools.require(Tools.sqliteNames)
        let scratch = try Scratch(prefix: "unlockdump-stuck")
        let source = scratch.path("source.db"), restored = scratch.path("restored.db"), dump = scratch.path("dump.sql")
        try Tools.run("sqlite3", ["-bail", source], stdin: .data(Data(StuckMigrationStates.sqlite.utf8)))
        try Tools.run("sqlite3", [source, ([".dump"] + options).joined(separator: " ")], stdoutPath: dump)
        let patched = try StuckMigrationStates.patch(dump)
        if !options.isEmpty {
            try Tools.run("sqlite3", ["-bail", restored], stdin: .data(try Tools.run("sqlite3", [source, ".schema"]).stdout))
        }
        try Tools.run("sqlite3", ["-bail", restored], stdin: .file(patched))
        for probe in StuckMigrationStates.probes(falseValue: "0", separator: "|", efCore: true) {
            let rows = try Tools.run("sqlite3", [restored, probe.query]).stdoutText
            #expect(rows.trimmingCharacters(in: .newlines) == probe.expected, "\(probe.query)")
        }
    }

    @Test(.enabled(if: Tools.enabled(Tools.mariadbNames), Tools.skipMessage(Tools.mariadbNames)), arguments: [[String](), ["--skip-extended-insert"], ["--complete-insert"]])
    func mariadb(_ options: [String]) throws {
        try Tools.require(Tools.mariadbNames)
        let server = try MariaDBServer(name: "stuck")
        defer { server.stop() }
        let scratch = try Scratch(prefix: "unlockdump-stuck")
        try server.sql("CREATE DATABASE app; CREATE DATABASE restored;")
        try server.sql(StuckMigrationStates.mariadb, database: "app")
        let dump = scratch.path("app.sql")
        try server.dump(options + ["app"], to: dump)
        let patched = try StuckMigrationStates.patch(dump)
        let restore = try server.restore(patched, database: "restored")
        try #require(restore.status == 0, "restore: \(restore.stderr)")
        for probe in StuckMigrationStates.probes(falseValue: "0", separator: "\t", efCore: false) {
            let rows = try server.sql(probe.query, database: "restored")
            #expect(rows.trimmingCharacters(in: .newlines) == probe.expected, "\(probe.query)")
        }
    }

    @Test(.enabled(if: PostgresTools.enabled, PostgresTools.skipMessage), arguments: [[String](), ["--inserts"], ["--column-inserts"]])
    func postgres(_ options: [String]) throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let scratch = try Scratch(prefix: "unlockdump-stuck")
        try server.sql("CREATE DATABASE app; CREATE DATABASE restored;")
        try server.sql(StuckMigrationStates.postgres, database: "app")
        let dump = scratch.path("app.sql")
        try server.dump(options + ["-d", "app"], to: dump)
        let patched = try StuckMigrationStates.patch(dump)
        try server.restore(patched, database: "restored")
        for probe in StuckMigrationStates.probes(falseValue: "f", separator: "\t", efCore: false) {
            let rows = try server.sql(probe.query, database: "restored")
            #expect(rows.trimmingCharacters(in: .newlines) == probe.expected, "\(probe.query)")
        }
    }
}
