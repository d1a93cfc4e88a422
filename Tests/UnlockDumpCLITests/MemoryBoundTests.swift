import Foundation
import TestSupport
import Testing

/// What is kept per row, per table and per database is bounded: peak RSS stays under 16 MiB
/// however many lock rows, lock tables or databases the dump holds, in every dialect and report
/// form. (Names start with memoryStaysFlat so scripts/asan.sh skips them: ASan's own memory
/// would be measured.)
@Suite struct MemoryBoundTests {
    static let rows = 100_000

    /// Runs the binary under /usr/bin/time and returns its peak RSS in KiB.
    private func peakKiB(_ arguments: [String], _ dump: String, expectStatus: Int32 = 0) throws -> Int {
        let scratch = try Scratch()
        let path = try scratch.write("dump.sql", dump)
        let result = try Unlockdump.run(arguments + [path], stdoutPath: "/dev/null", wrapper: ["/usr/bin/time", "-f", "peak %M"])
        #expect(result.status == expectStatus, "\(result.stderr.suffix(500))")
        let line = try #require(result.stderrLines.last { $0.hasPrefix("peak ") })
        return Int(line.dropFirst("peak ".count)) ?? .max
    }

    static let manyRowsOneInsert: String = {
        let values = (0..<rows).map { "(\($0),1)" }.joined(separator: ",\n")
        return "-- MySQL dump 10.13\nINSERT INTO `knex_migrations_lock` VALUES " + values + ";\n-- Dump completed\n"
    }()

    @Test(arguments: [[], ["--report", "json"], ["--check"], ["--check", "--report", "json"]])
    func memoryStaysFlatWithManyHeldRowsInOneInsert(_ arguments: [String]) throws {
        let peak = try peakKiB(["-q"] + arguments, Self.manyRowsOneInsert, expectStatus: arguments.contains("--check") ? 1 : 0)
        #expect(peak < 16 * 1024, "\(arguments): peak RSS \(peak) KiB")
    }

    /// Rows that go are dropped as they end: one INSERT of 100,000 of them is removed whole with
    /// only its head held; one of failed migrations among kept rows holds only a separator.
    @Test(arguments: [["-q"], ["-q", "--check"], ["-q", "--repair", "sqlx"]])
    func memoryStaysFlatWithManyRemovedRowsInOneInsert(_ arguments: [String]) throws {
        let presence = (0..<Self.rows).map { "(\($0),'2024-01-01 00:00:00',\($0))" }.joined(separator: ",\n")
        let failed = (0..<Self.rows).map { "(\($0),'m','2024',\($0 % 2),X'00',1)" }.joined(separator: ",")
        let dump = "-- MySQL dump 10.13\nINSERT INTO `yoyo_lock` VALUES " + presence + ";\n"
            + "INSERT INTO `_sqlx_migrations` VALUES " + failed + ";\n-- Dump completed\n"
        let peak = try peakKiB(arguments, dump, expectStatus: arguments.contains("--check") ? 1 : 0)
        #expect(peak < 16 * 1024, "\(arguments): peak RSS \(peak) KiB")
    }

    @Test func memoryStaysFlatWithManyHeldSQLiteRows() throws {
        var dump = "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n"
        for row in 0..<Self.rows { dump += "INSERT INTO migrations_lock VALUES('k\(row)',1,NULL,NULL);\n" }
        let peak = try peakKiB(["--report", "json"], dump + "COMMIT;\n")
        #expect(peak < 16 * 1024, "peak RSS \(peak) KiB")
    }

    @Test func memoryStaysFlatWithManyHeldCopyRows() throws {
        var dump = "--\n-- PostgreSQL database dump\n--\n\nCOPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n"
        for row in 0..<Self.rows { dump += "\(row)\t1\n" }
        dump += "\\.\n\n--\n-- PostgreSQL database dump complete\n--\n\n"
        for arguments in [["-q"], ["--check", "-q"]] {
            let peak = try peakKiB(arguments, dump, expectStatus: arguments.contains("--check") ? 1 : 0)
            #expect(peak < 16 * 1024, "\(arguments): peak RSS \(peak) KiB")
        }
    }

    /// A schema-only dump of many databases, each creating its lock table: the shapes kept from
    /// the CREATE TABLEs stay bounded, and each costs what its names need.
    @Test func memoryStaysFlatWithManyCreateTables() throws {
        var dump = "-- MySQL dump 10.13\n"
        for database in 0..<Self.rows {
            dump += "USE `d\(database)`;\nCREATE TABLE `knex_migrations_lock` (`index` int, `is_locked` int);\n"
        }
        let peak = try peakKiB(["-q"], dump + "-- Dump completed\n")
        #expect(peak < 16 * 1024, "peak RSS \(peak) KiB")
    }

    /// An --all-databases dump of a hosting provider: a database a site, each with its lock table.
    @Test func memoryStaysFlatWithManyDatabases() throws {
        var dump = "-- MySQL dump 10.13\n"
        for database in 0..<20_000 {
            dump += "USE `site\(database)`;\nCREATE TABLE `migrations_lock` (`lock_key` varchar(191) NOT NULL, `locked` tinyint(1) DEFAULT '0', `acquired_at` datetime DEFAULT NULL, `released_at` datetime DEFAULT NULL);\n"
            dump += "INSERT INTO `migrations_lock` VALUES ('km01',1,NULL,NULL);\n"
        }
        let peak = try peakKiB(["--report", "json"], dump + "-- Dump completed\n")
        #expect(peak < 16 * 1024, "peak RSS \(peak) KiB")
    }
}
