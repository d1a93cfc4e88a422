import Foundation
import Testing

/// The suite's own oracle must catch what it is there to catch: these run without any database.
@Suite struct DumpDiffTests {
    static let locks = Fixture.app.locks
    static let held = DumpDiff.heldRows(of: locks)

    static let original = """
        INSERT INTO `knex_migrations` VALUES
        (1,'INSERT INTO knex_migrations_lock VALUES (1,1);',1,NULL);
        INSERT INTO `DATABASECHANGELOGLOCK` VALUES
        (1,'\u{01}','2025-01-01 10:00:00','build-host (10.0.0.7)'),
        (2,'\\0','2024-12-31 09:00:00','old-host (10.0.0.8)');
        INSERT INTO `knex_migrations_lock` (`index`, `is_locked`) VALUES (1,1);

        """

    static func check(_ patched: String, held: [String] = held) -> [String] {
        DumpDiff.check(original: Data(original.utf8), patched: Data(patched.utf8), dialect: .mysql,
                       database: "app", locks: locks, expectedHeld: held).problems
    }

    static func replacing(_ pairs: [(String, String)]) -> String {
        pairs.reduce(original) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static let released = replacing([
        ("(1,'\u{01}','2025-01-01 10:00:00','build-host (10.0.0.7)')", "(1,'\\0',NULL,NULL)"),
        ("VALUES (1,1);\n", "VALUES (1,0);\n"),
    ])

    @Test func acceptsExactlyTheRelease() {
        #expect(Self.check(Self.released).isEmpty)
    }

    @Test func catchesAChangeOutsideTheLockRows() {
        let patched = Self.released.replacingOccurrences(of: "knex_migrations_lock VALUES (1,1);',", with: "knex_migrations_lock VALUES (1,0);',")
        #expect(Self.check(patched).contains { $0.contains("outside any lock table") })
    }

    @Test func catchesAHeldRowLeftHeld() {
        let patched = Self.replacing([("VALUES (1,1);\n", "VALUES (1,0);\n")])
        #expect(!Self.check(patched).isEmpty)
    }

    @Test func catchesTheWrongLiteralStyle() {
        let patched = Self.released.replacingOccurrences(of: "(1,'\\0',NULL,NULL)", with: "(1,0,NULL,NULL)")
        #expect(Self.check(patched).contains { $0.contains("flag released as `0`") })
    }

    @Test func catchesLockedByLeftSet() {
        let patched = Self.released.replacingOccurrences(of: "(1,'\\0',NULL,NULL)", with: "(1,'\\0',NULL,'build-host (10.0.0.7)')")
        #expect(!Self.check(patched).isEmpty)
    }

    @Test func catchesARowThatIsNotHeldBeingChanged() {
        let patched = Self.released.replacingOccurrences(of: "(2,'\\0','2024-12-31 09:00:00','old-host (10.0.0.8)')", with: "(2,'\\0',NULL,NULL)")
        #expect(!Self.check(patched).isEmpty)
    }

    @Test func catchesALineBreakAddedOrRemoved() {
        #expect(Self.check(Self.released + "\n") == ["line count changed: 7 -> 8"])
    }

    // MARK: mydumper: strings (a BIT(1) too) in double quotes, a row a line under the INSERT.

    static let mydumper = """
        /*!40101 SET NAMES binary*/;
        INSERT INTO `DATABASECHANGELOGLOCK` VALUES
        (1,"\u{01}","2025-01-01 10:00:00","build-host (10.0.0.7)"),
        (2,"\\0","2024-12-31 09:00:00","old-host (10.0.0.8)");

        """

    static func checkMydumper(_ patched: String) -> [String] {
        DumpDiff.check(original: Data(mydumper.utf8), patched: Data(patched.utf8), dialect: .mysql, database: "app",
                       locks: locks, expectedHeld: ["app.DATABASECHANGELOGLOCK:1"]).problems
    }

    @Test func readsMydumpersDoubleQuotes() {
        let released = Self.mydumper.replacingOccurrences(of: "(1,\"\u{01}\",\"2025-01-01 10:00:00\",\"build-host (10.0.0.7)\")",
                                                          with: "(1,\"\\0\",NULL,NULL)")
        #expect(Self.checkMydumper(released) == [])
        let singleQuoted = released.replacingOccurrences(of: "(1,\"\\0\",NULL,NULL)", with: "(1,'\\0',NULL,NULL)")
        #expect(Self.checkMydumper(singleQuoted).contains { $0.contains("flag released as `'\\0'`") })
        #expect(DumpDiff.heldRows(of: Self.locks, quote: "\"") == ["app.DATABASECHANGELOGLOCK:1", "app.knex_migrations_lock:1"])
        #expect(DumpDiff.heldRows(of: Fixture.ghost.locks, quote: "\"").first == "ghost.migrations_lock:\"km01\"")
    }
}

