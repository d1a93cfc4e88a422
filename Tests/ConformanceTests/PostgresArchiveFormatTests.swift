import Foundation
import Testing
import TestSupport

extension PostgresConformanceTests {
    /// pg_dump's archive formats are no SQL: the real `-Fc` and `-Ft` files are refused with
    /// exit 3, naming the format and `pg_restore -f -`, in release and check mode, the output file
    /// never written. The hint is then followed: pg_restore's SQL is patched as usual.
    @Test(arguments: [("c", "pg_dump custom-format archive (pg_dump -Fc)"), ("t", "pg_dump tar-format archive (pg_dump -Ft)")])
    func archiveFormatIsRefused(_ format: String, _ named: String) throws {
        let server = try PostgresServerScope.server()
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let archive = scratch.path("app.\(format)")
        try server.dump(["-F\(format)", PostgresFixture.database], to: archive)
        for mode in [["-o", scratch.path("out.sql")], ["--check"]] {
            let result = try Unlockdump.run(mode + [archive])
            #expect(result.status == 3, "\(mode): \(result.stderr)")
            #expect(result.stderr.contains("not a SQL dump: the input is a \(named)"), "\(result.stderr)")
            #expect(result.stderr.contains("pg_restore -f - FILE | unlockdump"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out.sql")))

        let restore = try PostgresTools.run("pg_restore", ["-f", "-", archive])
        let checked = try Unlockdump.run(["--check"], stdin: .data(restore.stdout))
        #expect(checked.status == 1, "pg_restore's SQL holds the fixture's held locks: \(checked.stderr)")
    }
}
