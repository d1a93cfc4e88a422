import Foundation
import Testing
import TestSupport

/// One `pg_dump` invocation style of the matrix.
struct PostgresCase: Sendable, CustomTestStringConvertible {
    let options: [String]
    var dataOnly: Bool { options.contains("--data-only") }
    /// Nothing to release: no data at all.
    var schemaOnly: Bool { options.contains("--schema-only") }
    /// `--data-only --inserts` names no columns anywhere: the known layouts apply, with a warning.
    var assumesLayouts: Bool { dataOnly && options.contains("--inserts") }
    var testDescription: String { (["pg_dump"] + options + [PostgresFixture.database]).joined(separator: " ") }

    static let matrix: [PostgresCase] = [
        PostgresCase(options: []),
        PostgresCase(options: ["--inserts"]),
        PostgresCase(options: ["--column-inserts"]),
        PostgresCase(options: ["--rows-per-insert=3"]),
        PostgresCase(options: ["--data-only"]),
        PostgresCase(options: ["--data-only", "--inserts"]),
        PostgresCase(options: ["--schema-only"]),
        PostgresCase(options: ["--quote-all-identifiers"]),
        PostgresCase(options: ["--quote-all-identifiers", "--column-inserts"]),
        PostgresCase(options: ["--clean", "--if-exists", "--no-owner"]),
    ]
}

/// Round trips through the real `pg_dump` and a private PostgreSQL server: dump the fixture, patch
/// it with the built binary (both ways), prove the byte difference is exactly the held rows'
/// release, restore the result into a fresh database with psql, and compare it with the source.
/// Serialized: the cases share one server.
@Suite(.serialized, .enabled(if: PostgresTools.enabled, PostgresTools.skipMessage), PostgresServerScope())
struct PostgresConformanceTests {
    /// A fixed `\restrict` key, so two dumps of equal databases are equal byte for byte.
    static let restrictKey = "--restrict-key=UnlockdumpConformanceKey"

    @Test(arguments: PostgresCase.matrix.enumerated().map { ($0.offset, $0.element) })
    func roundTrip(_ index: Int, _ testCase: PostgresCase) throws {
        let server = try PostgresServerScope.server()
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let source = PostgresFixture.database
        let original = scratch.path("\(source).sql")
        try server.dump(testCase.options + [source], to: original)
        let patched = try Self.patch(original, testCase)

        let target = "restored_\(index)"
        try server.sql("DROP DATABASE IF EXISTS \(target);")
        try server.sql("CREATE DATABASE \(target);")
        defer { _ = try? server.sql("DROP DATABASE IF EXISTS \(target);") }
        if testCase.dataOnly {
            // As pg_restore orders it: tables first, the data, then indexes, constraints and the
            // trigger (which must not fire while the rows are loaded).
            let pre = scratch.path("pre-data.sql"), post = scratch.path("post-data.sql")
            try server.dump(["--section=pre-data", source], to: pre)
            try server.dump(["--section=post-data", source], to: post)
            try server.restore(pre, database: target)
            try server.restore(patched, database: target)
            try server.restore(post, database: target)
        } else {
            try server.restore(patched, database: target)
        }

        // 1. Every lock row is released exactly as the rules say; rows not held are untouched.
        if !testCase.schemaOnly {
            for lock in PostgresFixture.locks {
                let expected = try server.sql(lock.releasedRowsQuery, database: source)
                let restored = try server.sql(lock.rowsAsTextQuery, database: target)
                #expect(restored == expected, "\(lock.name) after restore")
            }
        }

        // 2. Everything else is identical to the source: the whole schema (functions, trigger,
        //    view, comments), and the data of every other table, as pg_dump itself writes them.
        let schema = [Self.restrictKey, "--schema-only"]
        let sourceSchema = try Self.dumpText(server, schema + [source], scratch)
        let targetSchema = try Self.dumpText(server, schema + [target], scratch)
        #expect(targetSchema == sourceSchema, "schema differs after restore")
        if !testCase.schemaOnly {
            let data = [Self.restrictKey, "--data-only"] + PostgresFixture.locks.map { "--exclude-table-data=\($0.sql)" }
            let sourceData = try Self.dumpText(server, data + [source], scratch)
            let targetData = try Self.dumpText(server, data + [target], scratch)
            #expect(sourceData.contains("COPY public.posts"))
            #expect(targetData == sourceData, "other tables' data differs after restore")
        }
    }

    /// `RoundTrip.run`, then the warnings and the byte difference. Returns the patched file.
    static func patch(_ original: String, _ testCase: PostgresCase) throws -> String {
        let holdsLocks = !testCase.schemaOnly
        let result = try RoundTrip.run(original, holdsLocks: holdsLocks)
        let warnings = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains("warning") }
        let expectedWarnings = testCase.assumesLayouts ? warnings.filter { $0.contains("assumed the layout") } : []
        #expect(warnings == expectedWarnings, "unexpected warnings:\n\(result.stderr)")

        let report = PostgresDumpDiff.check(original: result.input, patched: result.output, locks: PostgresFixture.locks,
                                            expectedHeld: holdsLocks ? PostgresFixture.heldRows : [])
        #expect(report.problems.isEmpty, "\(report.problems.prefix(10).joined(separator: "\n"))")
        return result.written
    }

    static func dumpText(_ server: PostgresServer, _ arguments: [String], _ scratch: Scratch) throws -> String {
        let file = scratch.path("compare.sql")
        try server.dump(arguments, to: file)
        return try String(contentsOfFile: file, encoding: .utf8)
    }
}
