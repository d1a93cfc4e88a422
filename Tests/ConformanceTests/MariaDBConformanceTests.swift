import Foundation
import Testing
import TestSupport

/// One `mariadb-dump` invocation style of the matrix.
struct MariaDBCase: Sendable, CustomTestStringConvertible {
    enum Scope: Sendable {
        case eachDatabase   // `mariadb-dump [options] ghost`, then app, then wiki: restored one by one
        case databases      // `--databases ghost app wiki`: one dump with CREATE DATABASE / USE
        case allDatabases   // `--all-databases`: the system database too
    }
    let options: [String]
    var scope: Scope = .eachDatabase
    /// `--no-create-info`: restored onto a schema loaded first.
    var dataOnly = false
    /// The dump carries the stored procedures (`--routines`, or mysql.proc in `--all-databases`).
    var routines = false

    var testDescription: String {
        switch scope {
        case .eachDatabase: return (["mariadb-dump"] + options + ["DB"]).joined(separator: " ")
        case .databases: return (["mariadb-dump"] + options + ["--databases"] + MariaDBFixture.names).joined(separator: " ")
        case .allDatabases: return (["mariadb-dump"] + options + ["--all-databases"]).joined(separator: " ")
        }
    }

    static let matrix: [MariaDBCase] = [
        MariaDBCase(options: []),
        MariaDBCase(options: ["--skip-extended-insert"]),
        MariaDBCase(options: ["--complete-insert"]),
        MariaDBCase(options: ["--compact"]),
        MariaDBCase(options: ["--hex-blob"]),
        MariaDBCase(options: ["--insert-ignore"]),
        MariaDBCase(options: ["--replace"]),
        MariaDBCase(options: ["--no-create-info"], dataOnly: true),
        MariaDBCase(options: ["--net-buffer-length=4096"]),
        MariaDBCase(options: [], scope: .databases),
        MariaDBCase(options: [], scope: .allDatabases, routines: true),
        MariaDBCase(options: ["--triggers", "--routines"], routines: true),
        MariaDBCase(options: ["--skip-comments"]),
        // `--compatible=ansi` alone drops `SET NAMES utf8mb4` and writes every 4-byte character
        // (emoji) as `?`: a lossy dump before unlockdump sees it. The charset is set as a user must.
        MariaDBCase(options: ["--compatible=ansi", "--default-character-set=utf8mb4"]),
    ]

    /// (database the dump starts in, mariadb-dump arguments) for each dump of the case.
    var dumps: [(database: String?, arguments: [String])] {
        switch scope {
        case .eachDatabase: return MariaDBFixture.names.map { ($0, options + [$0]) }
        case .databases: return [(nil, options + ["--databases"] + MariaDBFixture.names)]
        case .allDatabases: return [(nil, options + ["--all-databases"])]
        }
    }
}

/// Round trips through the real `mariadb-dump` and a private MariaDB server: dump the fixture,
/// patch it with the built binary, restore the result into a fresh database, and compare.
/// Serialized: the cases share the target server, which each one wipes.
@Suite(.serialized, .enabled(if: Tools.enabled(Tools.mariadbNames), Tools.skipMessage(Tools.mariadbNames)), MariaDBServers())
struct MariaDBConformanceTests {
    @Test(arguments: MariaDBCase.matrix)
    func roundTrip(_ testCase: MariaDBCase) throws {
        let servers = try MariaDBServers.pair()
        let source = servers.source, target = servers.target
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let names = MariaDBFixture.names

        try target.sql(names.map { "DROP DATABASE IF EXISTS `\($0)`;" }.joined(separator: "\n"))
        for (index, dump) in testCase.dumps.enumerated() {
            let label = dump.database ?? "dump\(index)"
            let original = scratch.path("\(label).sql")
            try source.dump(dump.arguments, to: original)
            let locks = dump.database.map { name in Fixture.lockTables.filter { $0.database == name } } ?? Fixture.lockTables
            let patched = try RoundTrip.patch(original, dialect: .mysql, database: dump.database, locks: locks)

            if testCase.options.contains("--net-buffer-length=4096"), dump.database == "ghost" {
                // The case proves something only if the lock table's rows really were split.
                let statements = DumpDiff.lines(try Data(contentsOf: URL(fileURLWithPath: original)))
                    .filter { $0.starts(with: Array("INSERT INTO `migrations_lock` VALUES".utf8)) }.count
                #expect(statements >= 2, "migrations_lock was not split by --net-buffer-length (\(statements) INSERT)")
            }

            if let database = dump.database {
                try target.sql("CREATE DATABASE `\(database)` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;")
                if testCase.dataOnly {
                    let schema = scratch.path("\(database).schema.sql")
                    try source.dump(["--no-data", "--skip-triggers", database], to: schema)
                    try target.restore(schema, database: database)
                }
            }
            try target.restore(patched, database: dump.database)
        }

        try Self.compareRestored(source: source, target: target, routines: testCase.routines)
    }

    /// Checks 1 and 2 of every MariaDB round trip, on the fixture databases restored into `target`:
    /// every lock row released as the rules say (rows not held untouched), and everything else as
    /// in `source`: the table list, `CHECKSUM TABLE` of every other table, the triggers (unless the
    /// dump left them out) and the procedures (when the dump carries them).
    /// - Parameter mydumperBodies: mydumper 0.10 writes each line end inside a trigger or routine
    ///   body, `;` + LF, as `; ` + LF so that myloader's line splitter does not cut the body there;
    ///   the restored bodies carry that space. The bodies are compared with it taken out again.
    static func compareRestored(
        source: MariaDBServer, target: MariaDBServer, triggers hasTriggers: Bool = true, routines hasRoutines: Bool,
        mydumperBodies: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let names = MariaDBFixture.names
        func body(_ column: String) -> String {
            mydumperBodies ? "HEX(REPLACE(\(column), '; \\n', ';\\n'))" : "HEX(\(column))"
        }
        // 1. Every lock row is released exactly as the rules say; rows not held are untouched.
        for lock in Fixture.lockTables {
            let rows = try target.sql(lock.canonicalQuery(.mariadb, qualified: true))
                .split(separator: "\n").map(String.init).sorted()
            #expect(rows == lock.expectedAfterRelease, "\(lock.database).\(lock.table.name) after restore", sourceLocation: sourceLocation)
        }

        // 2. Every other table is identical to the source, and so are triggers and procedures.
        let schemas = names.map { "'\($0)'" }.joined(separator: ",")
        let tableList = "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN (\(schemas)) ORDER BY 1, 2;"
        let tables = try source.sql(tableList)
        let targetTables = try target.sql(tableList)
        #expect(targetTables == tables, "the restored databases hold other tables: \(Self.difference(tables, targetTables))", sourceLocation: sourceLocation)
        let lockNames = Set(Fixture.lockTables.map { "\($0.database).\($0.table.name)" })
        let others = tables.split(separator: "\n").map { $0.replacingOccurrences(of: "\t", with: ".") }
            .filter { !lockNames.contains($0) }
        let checksum = "CHECKSUM TABLE " + others.map { name in
            name.split(separator: ".").map { "`\($0)`" }.joined(separator: ".")
        }.joined(separator: ", ") + ";"
        let sourceSums = try source.sql(checksum)
        #expect(sourceSums.split(separator: "\n").count == others.count, sourceLocation: sourceLocation)
        let targetSums = try target.sql(checksum)
        #expect(targetSums == sourceSums, "CHECKSUM TABLE differs: \(Self.difference(sourceSums, targetSums))", sourceLocation: sourceLocation)

        let triggers = """
            SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_TIMING, SQL_MODE,
                   \(body("ACTION_STATEMENT")) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA IN (\(schemas)) ORDER BY 1, 2;
            """
        let sourceTriggers = try source.sql(triggers)
        #expect(sourceTriggers.split(separator: "\n").count == 2, sourceLocation: sourceLocation)
        let targetTriggers = try target.sql(triggers)
        let expectedTriggers = hasTriggers ? sourceTriggers : ""
        #expect(targetTriggers == expectedTriggers, "triggers differ after restore: \(Self.difference(expectedTriggers, targetTriggers))", sourceLocation: sourceLocation)
        let routines = """
            SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, SQL_MODE, \(body("ROUTINE_DEFINITION"))
            FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN (\(schemas)) ORDER BY 1, 2;
            """
        let sourceRoutines = try source.sql(routines)
        #expect(sourceRoutines.split(separator: "\n").count == 2, sourceLocation: sourceLocation)
        let targetRoutines = try target.sql(routines)
        let expectedRoutines = hasRoutines ? sourceRoutines : ""
        #expect(targetRoutines == expectedRoutines, "procedures differ after restore: \(Self.difference(expectedRoutines, targetRoutines))", sourceLocation: sourceLocation)
    }

    /// The lines only in `expected` and only in `actual`, shortened, for a failure message.
    static func difference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n").map { String($0.prefix(200)) }
        let b = actual.split(separator: "\n").map { String($0.prefix(200)) }
        return "source only: \(a.filter { !b.contains($0) }); restored only: \(b.filter { !a.contains($0) })"
    }
}
