import Foundation
import Testing
import TestSupport

/// A system-versioned Ghost lock table: its history is a record of the past, and releasing the
/// lock must change the current row only.
enum HistoryFixture {
    static let database = "ghost_history"

    /// `km01`: 0, then held, then released, then held again (the current version). `km02`: held
    /// once, released now. Each change at a fixed time (`SET timestamp`), so the history is the
    /// same on every run.
    static let script = """
        CREATE DATABASE `\(database)` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
        USE `\(database)`;
        CREATE TABLE `migrations_lock` (
        \(Fixture.ghostLockColumnsMariaDB),
          PRIMARY KEY (`lock_key`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci WITH SYSTEM VERSIONING;
        SET time_zone = '+00:00';
        SET timestamp = UNIX_TIMESTAMP('2025-08-20 09:00:00');
        INSERT INTO migrations_lock VALUES ('km01',0,NULL,NULL), ('km02',1,'2025-08-20 09:00:00',NULL);
        SET timestamp = UNIX_TIMESTAMP('2025-08-20 09:00:04');
        UPDATE migrations_lock SET locked=0, released_at='2025-08-20 09:00:04' WHERE lock_key='km02';
        SET timestamp = UNIX_TIMESTAMP('2025-08-26 22:44:15');
        UPDATE migrations_lock SET locked=1, acquired_at='2025-08-26 22:44:15' WHERE lock_key='km01';
        SET timestamp = UNIX_TIMESTAMP('2025-08-26 22:44:18');
        UPDATE migrations_lock SET locked=0, released_at='2025-08-26 22:44:18' WHERE lock_key='km01';
        SET timestamp = UNIX_TIMESTAMP('2025-08-27 08:00:00');
        UPDATE migrations_lock SET locked=1, acquired_at='2025-08-27 08:00:00', released_at=NULL WHERE lock_key='km01';
        SET timestamp = DEFAULT;
        """

    /// The current rows, as the oracle knows a lock table.
    static let lock = LockTable(database: database, table: Table(
        name: "migrations_lock", mariadb: "", sqlite: "",
        rows: [[.text("km01"), .int(1), .text("2025-08-27 08:00:00"), .null],
               [.text("km02"), .int(0), .text("2025-08-20 09:00:00"), .text("2025-08-20 09:00:04")]]),
        kind: .ghost)

    private static let columns = "lock_key, IFNULL(locked,'NULL'), IFNULL(acquired_at,'NULL'), IFNULL(released_at,'NULL')"

    /// The current rows, one line each.
    static let currentRows = """
        SELECT CONCAT_WS('|', \(columns)) FROM `\(database)`.migrations_lock ORDER BY lock_key;
        """

    /// Every version but the current ones (row_end is not the maximum), with its period.
    static let historyRows = """
        SET time_zone = '+00:00';
        SELECT CONCAT_WS('|', \(columns), row_start, row_end) FROM `\(database)`.migrations_lock FOR SYSTEM_TIME ALL
        WHERE row_end <> (SELECT MAX(row_end) FROM `\(database)`.migrations_lock FOR SYSTEM_TIME ALL)
        ORDER BY lock_key, row_start;
        """
}

extension MariaDBConformanceTests {
    /// `mariadb-dump --dump-history`: every version of the rows, with `row_start, row_end`,
    /// loaded with `system_versioning_insert_history=1`. Only the current held row is released;
    /// the restored history still says the lock was held in the past. A plain dump of the same
    /// table (current rows only) releases the current row.
    @Test(arguments: [["--dump-history"], []])
    func systemVersionedHistory(_ options: [String]) throws {
        let servers = try MariaDBServers.pair()
        let source = servers.source, target = servers.target
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let database = HistoryFixture.database
        let drop = "DROP DATABASE IF EXISTS `\(database)`;"
        // Created for this test only: the other cases dump every database of the source.
        try source.sql(drop + "\n" + HistoryFixture.script)
        defer { _ = try? source.sql(drop); _ = try? target.sql(drop) }
        let sourceHistory = try source.sql(HistoryFixture.historyRows)
        #expect(sourceHistory.split(separator: "\n").count == 4, "the source's history: \(sourceHistory)")

        let original = scratch.path("\(database).sql")
        try source.dump(options + [database], to: original)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: original)), as: UTF8.self)
        if options.contains("--dump-history") {
            // The shape the case is about: every version in the INSERT, with its period.
            #expect(text.contains("system_versioning_insert_history=1"), "no system_versioning_insert_history in the dump")
            #expect(text.contains("INSERT INTO `migrations_lock` (`lock_key`, `locked`, `acquired_at`, `released_at`, row_start, row_end) VALUES "),
                    "the dump's INSERT does not carry row_start, row_end")
        }
        // Only the current held row changes, exactly as the rules say.
        let patched = try RoundTrip.patch(original, dialect: .mysql, database: database, locks: [HistoryFixture.lock])

        try target.sql(drop + "\nCREATE DATABASE `\(database)` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;")
        try target.restore(patched, database: database)

        let current = try target.sql(HistoryFixture.currentRows)
        #expect(current == "km01|0|2025-08-27 08:00:00|NULL\nkm02|0|2025-08-20 09:00:00|2025-08-20 09:00:04\n",
                "current rows after restore")
        if options.contains("--dump-history") {
            let restoredHistory = try target.sql(HistoryFixture.historyRows)
            #expect(restoredHistory == sourceHistory,
                    "history rows changed: \(Self.difference(sourceHistory, restoredHistory))")
        }
    }
}
