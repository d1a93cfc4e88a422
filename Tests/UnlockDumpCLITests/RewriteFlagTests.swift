import Foundation
import TestSupport
import Testing

/// `--set`, `--where`, `--only` and `--stamp-release`. The usage checks are the CLI's own; the
/// rewrites themselves are the engine's (PatchOptions.rewrites, .families, .releaseStamp).
@Suite struct RewriteFlagTests {
    private static let golangMigrate = """
        -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
        CREATE TABLE `schema_migrations` (`version` bigint NOT NULL, `dirty` tinyint(1) NOT NULL, PRIMARY KEY (`version`));
        INSERT INTO `schema_migrations` VALUES (20240101120000,1);

        """

    private static let jobs = """
        -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
        CREATE TABLE `jobs` (`name` varchar(20) NOT NULL, `state` varchar(10) NOT NULL);
        INSERT INTO `jobs` VALUES ('a','running'),('b','running');

        """

    // MARK: usage errors (the CLI's own checks)

    @Test(arguments: [
        (["--where", "name=b"], "--where needs a --set before it (it narrows the most recent --set)"),
        (["--set", "jobs.state=1", "--where", "name=a", "--where", "name=b"], "--set jobs.state already has a --where"),
        (["--set", "jobs=1"], "invalid --set 'jobs=1' (expected TABLE.COLUMN=VALUE, e.g. schema_migrations.dirty=0)"),
        (["--set", "jobs.state"], "invalid --set 'jobs.state' (expected TABLE.COLUMN=VALUE, e.g. schema_migrations.dirty=0)"),
        (["--set", ".state=1"], "invalid --set '.state=1' (expected TABLE.COLUMN=VALUE, e.g. schema_migrations.dirty=0)"),
        (["--set", "jobs.=1"], "invalid --set 'jobs.=1' (expected TABLE.COLUMN=VALUE, e.g. schema_migrations.dirty=0)"),
        (["--set", "jobs.state="], "invalid --set 'jobs.state=' (expected TABLE.COLUMN=VALUE, e.g. schema_migrations.dirty=0)"),
        (["--set", "jobs.state=1", "--where", "=b"], "invalid --where '=b' (expected COLUMN=VALUE, e.g. lock_key=km01)"),
        (["--only", "flyway"], "invalid --only 'flyway' (expected ghost, knex, liquibase, kysely, efcore or yoyo, or a comma-separated list)"),
        (["--only", "ghost,"], "invalid --only '' (expected ghost, knex, liquibase, kysely, efcore or yoyo, or a comma-separated list)"),
        (["--repair", "rails"], "invalid --repair 'rails' (expected flyway, sqlx, prisma or golang-migrate)"),
        (["--stamp-release=yes"], "option '--stamp-release' doesn't allow an argument"),
    ])
    func misuseIsAUsageError(arguments: [String], message: String) throws {
        let result = try Unlockdump.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderrLines.first == "unlockdump: \(message)")
    }

    @Test(arguments: [["--only", "ghost,knex,liquibase"], ["--only", "GHOST", "--only", "knex"], ["--only=liquibase"]])
    func familyListsAreAccepted(arguments: [String]) throws {
        let result = try Unlockdump.run(arguments, stdin: .data(Data(Dumps.withoutLock().utf8)))
        #expect(result.status == 0)
        #expect(result.stdoutText == Dumps.withoutLock())
    }

    // MARK: rewrites (wait for the engine)

    /// Waits for the engine (PatchOptions.rewrites).
    @Test func setRewritesAnyColumnAndTheReportSaysSet() throws {
        let result = try Unlockdump.run(["--set", "schema_migrations.dirty=0"], stdin: .data(Data(Self.golangMigrate.utf8)))
        #expect(result.status == 0)
        #expect(result.stdoutText == Self.golangMigrate.replacingOccurrences(of: "(20240101120000,1)", with: "(20240101120000,0)"))
        #expect(result.stderrLines.contains { $0.hasPrefix("unlockdump: schema_migrations: set version 20240101120000 (dirty 1 -> 0") })
        #expect(result.stderrLines.last == "unlockdump: 1 row set in 1 table (\(Self.golangMigrate.utf8.count) bytes read)")
    }

    /// Waits for the engine (PatchOptions.rewrites with a RowCondition).
    @Test func whereLimitsTheRowsOfItsSet() throws {
        let result = try Unlockdump.run(["--set=jobs.state='done'", "--where", "name=b"], stdin: .data(Data(Self.jobs.utf8)))
        #expect(result.status == 0)
        #expect(result.stdoutText == Self.jobs.replacingOccurrences(of: "('b','running')", with: "('b','done')"))
    }

    /// Waits for the engine (PatchOptions.families).
    @Test func onlyLimitsTheCatalogue() throws {
        let dump = Dumps.heldGhostLock + "INSERT INTO knex_migrations_lock VALUES (1,1);\n"
        let result = try Unlockdump.run(["--only", "knex"], stdin: .data(Data(dump.utf8)))
        #expect(result.status == 0)
        #expect(result.stdoutText == Dumps.heldGhostLock + "INSERT INTO knex_migrations_lock VALUES (1,0);\n")
        #expect(!result.stderr.contains("migrations_lock: released lock_key"))
    }

    /// Waits for the engine (PatchOptions.releaseStamp).
    @Test func stampReleaseSetsReleasedAtToNowInUTC() throws {
        let dump = "INSERT INTO migrations_lock VALUES ('km01',1,'2025-01-01 10:00:00',NULL);\n"
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let before = Date().addingTimeInterval(-1)
        let result = try Unlockdump.run(["--stamp-release"], stdin: .data(Data(dump.utf8)))
        let after = Date().addingTimeInterval(1)
        #expect(result.status == 0)
        let prefix = "INSERT INTO migrations_lock VALUES ('km01',0,'2025-01-01 10:00:00','"
        #expect(result.stdoutText.hasPrefix(prefix))
        #expect(result.stdoutText.hasSuffix("');\n"))
        let stamp = String(result.stdoutText.dropFirst(prefix.count).dropLast("');\n".count))
        let date = try #require(formatter.date(from: stamp), "released_at is '\(stamp)'")
        #expect(date >= before.addingTimeInterval(-1) && date <= after)
    }

    /// Without the flag only the flag column changes.
    @Test func withoutStampReleasedAtIsLeftAlone() throws {
        let dump = "INSERT INTO migrations_lock VALUES ('km01',1,'2025-01-01 10:00:00',NULL);\n"
        let result = try Unlockdump.run([], stdin: .data(Data(dump.utf8)))
        #expect(result.stdoutText == "INSERT INTO migrations_lock VALUES ('km01',0,'2025-01-01 10:00:00',NULL);\n")
    }
}
