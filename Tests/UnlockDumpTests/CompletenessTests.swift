import Testing
import UnlockDump

/// A dump whose header names its producer but whose end lacks that producer's closing line is
/// reported as truncated: a restored truncated backup loses data without a sound.
@Suite("Truncated dumps")
struct CompletenessTests {
    static let truncationMarker = "the dump looks truncated"

    static let cases: [(name: String, complete: String, cut: String, trailer: String)] = [
        ("mariadb-dump", Fixtures.mariadbHeader + "INSERT INTO `t` VALUES (1);\n" + Fixtures.mysqlFooter,
         Fixtures.mariadbHeader + "INSERT INTO `t` VALUES (1);\n", "-- Dump completed"),
        ("mysqldump --skip-dump-date", Fixtures.mysqlHeader + "INSERT INTO `t` VALUES (1);\n\n-- Dump completed\n",
         Fixtures.mysqlHeader + "INSERT INTO `t` VALUES (1);\n", "-- Dump completed"),
        ("pg_dump", PostgresTests.header + "CREATE TABLE public.t (a integer);\n" + PostgresTests.footer,
         PostgresTests.header + "CREATE TABLE public.t (a integer);\n", "-- PostgreSQL database dump complete"),
        ("pg_dumpall", "--\n-- PostgreSQL database cluster dump\n--\n\n\\connect app\n" + PostgresTests.header + PostgresTests.footer
            + "--\n-- PostgreSQL database cluster dump complete\n--\n\n",
         "--\n-- PostgreSQL database cluster dump\n--\n\n\\connect app\n" + PostgresTests.header + PostgresTests.footer,
         "-- PostgreSQL database cluster dump complete"),
        ("sqlite3 .dump", Fixtures.sqliteHeader + "CREATE TABLE t(a);\nINSERT INTO t VALUES(1);\nCOMMIT;\n",
         Fixtures.sqliteHeader + "CREATE TABLE t(a);\nINSERT INTO t VALUES(1);\n", "COMMIT;"),
    ]

    @Test("a cut dump is reported, in release and check mode; the complete one is not", arguments: cases)
    func truncation(_ name: String, _ complete: String, _ cut: String, _ trailer: String) throws {
        for mode: PatchMode in [.release, .check] {
            for chunking: Chunking in [.whole, .size(1), .random(seed: 5)] {
                let full = try patch(bytes(complete), mode: mode, chunking: chunking)
                #expect(!full.report.warnings.contains { $0.contains(Self.truncationMarker) }, "\(name): \(full.report.warnings)")
                let short = try patch(bytes(cut), mode: mode, chunking: chunking)
                let warning = short.report.warnings.first { $0.contains(Self.truncationMarker) }
                #expect(warning?.contains("'\(trailer)'") == true, "\(name), \(mode), \(chunking): \(short.report.warnings)")
            }
        }
    }

    @Test("dumps with no producer header (--skip-comments, --compact, sqlite --data-only) are not judged")
    func noHeaderNoVerdict() throws {
        for dump in ["INSERT INTO `t` VALUES (1);\n", "INSERT INTO t VALUES(1);\n", "CREATE TABLE public.t (a integer);\n"] {
            #expect(try patch(bytes(dump)).report.warnings.allSatisfy { !$0.contains(Self.truncationMarker) })
        }
    }

    @Test("sqlite3's ROLLBACK after errors is named as such")
    func sqliteRollback() throws {
        let report = try patch(bytes(Fixtures.sqliteHeader + "CREATE TABLE t(a);\nROLLBACK; -- due to errors\n")).report
        #expect(report.warnings.contains { $0.contains("ended the dump with ROLLBACK") }, "\(report.warnings)")
    }

    @Test("a trailer far from the end (a dump with something appended) still counts only near the end")
    func trailerNearTheEnd() throws {
        let appended = Fixtures.mysqlHeader + Fixtures.mysqlFooter + String(repeating: "INSERT INTO `t` VALUES (1);\n", count: 100)
        #expect(try patch(bytes(appended)).report.warnings.contains { $0.contains(Self.truncationMarker) })
    }
}
