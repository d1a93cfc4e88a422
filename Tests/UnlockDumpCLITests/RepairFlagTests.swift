import Foundation
import TestSupport
import Testing

/// `--repair` and the presence locks on the command line: what is written, what the report says,
/// and `--check`'s exit status.
@Suite("--repair and row removal on the command line")
struct RepairFlagTests {
    static let dump = """
        PRAGMA foreign_keys=OFF;
        BEGIN TRANSACTION;
        CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TEXT NOT NULL, execution_time INT NOT NULL, success BOOLEAN NOT NULL);
        INSERT INTO flyway_schema_history VALUES(1,'1','init','SQL','V1__init.sql',1,'me','2024',5,1);
        INSERT INTO flyway_schema_history VALUES(2,'2','add','SQL','V2__add.sql',2,'me','2024',5,0);
        COMMIT;

        """

    static let yoyo = "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nINSERT INTO yoyo_lock VALUES(1,'2024-01-01 00:00:00',4242);\nCOMMIT;\n"

    @Test func repairRemovesTheFailedRowAndWarnsWhichMigration() throws {
        let result = try Unlockdump.run(["--repair", "flyway"], stdin: .data(Data(Self.dump.utf8)))
        #expect(result.status == 0)
        #expect(result.stdoutText == Self.dump.replacingOccurrences(of: "INSERT INTO flyway_schema_history VALUES(2,'2','add','SQL','V2__add.sql',2,'me','2024',5,0);\n", with: ""))
        #expect(result.stderrLines.contains("unlockdump: flyway_schema_history: removed the failed migration script 'V2__add.sql' (--repair flyway)"))
        #expect(result.stderrLines.contains { $0.contains("script 'V2__add.sql' is a failed migration; --repair flyway removes its row") })
        #expect(result.stderrLines.last?.hasPrefix("unlockdump: 1 failed migration repaired in 1 table") == true)
    }

    static let leftAsItIs = "unlockdump: warning: line 5, column 41 (byte 504): flyway_schema_history: script 'V2__add.sql' is a failed migration, left as it is: --repair flyway removes its row, so it runs again (check by hand first that what it changed before failing is undone)"

    @Test func withoutRepairTheDumpIsUnchangedAndTheFailedMigrationTold() throws {
        let result = try Unlockdump.run([], stdin: .data(Data(Self.dump.utf8)))
        #expect(result.status == 0)
        #expect(result.stdoutText == Self.dump)
        #expect(result.stderrLines == [Self.leftAsItIs, "unlockdump: no held lock found; 1 failed migration left as it is (see --repair) (\(Self.dump.utf8.count) bytes read)"])
    }

    static let checks: [([String], Int32)] = [([], 0), (["--repair", "flyway"], 1), (["--repair", "prisma"], 0)]

    @Test(arguments: checks)
    func checkReportsEveryFailedMigrationAndFailsForTheRepairsGiven(extra: [String], status: Int32) throws {
        let result = try Unlockdump.run(["--check"] + extra, stdin: .data(Data(Self.dump.utf8)))
        #expect(result.status == status)
        let found = "unlockdump: flyway_schema_history: script 'V2__add.sql' is a failed migration (--repair flyway removes the row)"
        #expect(result.stderrLines.contains(found) == (status == 1))
        #expect(result.stderrLines.contains(Self.leftAsItIs) == (status == 0))
        let json = try Unlockdump.run(["--check", "--report", "json"] + extra, stdin: .data(Data(Self.dump.utf8)))
        #expect(json.status == status)
        let counts = status == 1 ? "\"failed_migrations_total\":1,\"failed_migrations_unrepaired\":0" : "\"failed_migrations_total\":0,\"failed_migrations_unrepaired\":1"
        #expect(json.stderr.contains(counts))
    }

    @Test func presenceLocksAreRemovedAndCountAsHeld() throws {
        let released = try Unlockdump.run([], stdin: .data(Data(Self.yoyo.utf8)))
        #expect(released.stdoutText == Self.yoyo.replacingOccurrences(of: "INSERT INTO yoyo_lock VALUES(1,'2024-01-01 00:00:00',4242);\n", with: ""))
        #expect(released.stderrLines.contains("unlockdump: yoyo_lock: removed pid 4242 (the row is the lock)"))
        let checked = try Unlockdump.run(["--check", "--report", "json"], stdin: .data(Data(Self.yoyo.utf8)))
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("\"action\":\"remove\",\"family\":\"yoyo\",\"repair\":null,\"removed\":true"))
    }
}
