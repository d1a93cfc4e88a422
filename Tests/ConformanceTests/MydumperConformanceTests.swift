import Foundation
import Testing
import TestSupport

/// One `mydumper` invocation style: a directory of one file per table (and per chunk with
/// `--rows`), restored with `myloader`.
struct MydumperCase: Sendable, CustomTestStringConvertible {
    let options: [String]
    var triggers: Bool { options.contains("--triggers") }
    var routines: Bool { options.contains("--routines") }
    /// Every INSERT names its columns: no layout is assumed, so no warning says so.
    var namesColumns: Bool { options.contains("--complete-insert") }
    var testDescription: String {
        (["mydumper"] + options + ["--regex", MydumperCase.regex]).joined(separator: " ")
    }

    /// The fixture databases and nothing else (no `mysql`, no `sys`).
    static let regex = "^(" + MariaDBFixture.names.joined(separator: "|") + ")\\."

    static let matrix: [MydumperCase] = [
        // Default options: no triggers, no routines, `INSERT INTO t VALUES` with a row a line.
        MydumperCase(options: []),
        MydumperCase(options: ["--triggers", "--routines"]),
        MydumperCase(options: ["--complete-insert", "--triggers", "--routines"]),
        // A chunk file per row where the primary key is an integer: DATABASECHANGELOGLOCK's held
        // row and its row that is not held land in different files.
        MydumperCase(options: ["--rows=1"]),
    ]

    /// The database and table a file of the directory belongs to, from its name:
    /// `db.table.sql` / `db.table.00001.sql` (data), `db.table-schema.sql`, `db-schema-create.sql`
    /// (no table). The fixture's names hold no `.` or `-`.
    static func table(of file: String) -> (database: String, table: String?) {
        let name = file.hasSuffix(".sql") ? String(file.dropLast(4)) : file
        let database = String(name.prefix { $0 != "." && $0 != "-" })
        let rest = name.dropFirst(database.count)
        guard rest.first == "." else { return (database, nil) }
        return (database, String(rest.dropFirst().prefix { $0 != "." && $0 != "-" }))
    }

    /// A row as mydumper 0.10 writes it on its own line: strings (a BIT(1) too) in double
    /// quotes, escaped as `mysql_real_escape_string` does. Used to find, independently of
    /// unlockdump, which files hold which held rows.
    static func tuple(_ row: [Value]) -> String {
        func quoted(_ bytes: [UInt8]) -> String {
            var out = [UInt8(ascii: "\"")]
            for byte in bytes {
                switch byte {
                case 0x00: out += Array("\\0".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x1A: out += Array("\\Z".utf8)
                case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), byte]
                default: out.append(byte)
                }
            }
            return String(decoding: out + [UInt8(ascii: "\"")], as: UTF8.self)
        }
        let values = row.map { value -> String in
            switch value {
            case .null: return "NULL"
            case .int(let n): return String(n)
            case .text(let s): return quoted(Array(s.utf8))
            case .blob(let bytes): return quoted(bytes)
            case .bit(let b): return quoted([b ? 0x01 : 0x00])
            }
        }
        return "(" + values.joined(separator: ",") + ")"
    }
}

/// Round trips through the real `mydumper` and `myloader`: dump the fixture databases into a
/// directory, run the built binary on every `*.sql` file of it, load the patched copy of the
/// directory into the target, and compare as the `mariadb-dump` round trips do.
extension MariaDBConformanceTests {
    @Test(.enabled(if: Tools.enabled(Tools.mydumperNames), Tools.skipMessage(Tools.mydumperNames)),
          arguments: MydumperCase.matrix)
    func mydumperRoundTrip(_ testCase: MydumperCase) throws {
        try Tools.require(Tools.mydumperNames)
        let servers = try MariaDBServers.pair()
        let source = servers.source, target = servers.target
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let dump = scratch.path("dump"), patched = scratch.path("patched")

        try source.mydumper(testCase.options + ["--regex", MydumperCase.regex], into: dump)
        let files = try FileManager.default.contentsOfDirectory(atPath: dump).sorted()
        let sqlFiles = files.filter { $0.hasSuffix(".sql") }
        // What mydumper 0.10 writes: `db-schema-create.sql`, `db.table-schema.sql` (CREATE TABLE),
        // `db.table.sql` or `db.table.NNNNN.sql` (data, no CREATE TABLE, no USE), and `metadata`.
        #expect(files.contains("metadata"), "no metadata file in \(files)")
        for database in MariaDBFixture.names {
            #expect(sqlFiles.contains("\(database)-schema-create.sql"), "no \(database)-schema-create.sql in \(files)")
        }
        if testCase.options.contains("--rows=1") {
            let chunks = sqlFiles.filter { $0.hasPrefix("app.DATABASECHANGELOGLOCK.") && !$0.contains("-schema") }
            #expect(chunks.count == 2, "app.DATABASECHANGELOGLOCK was not split by --rows=1: \(chunks)")
        }

        // mydumper's metadata file is not SQL; unlockdump must say what it is, not lex it.
        try Self.expectMetadataRefused(scratch.path("dump/metadata"), scratch: scratch)

        // Every *.sql file through the binary, the held rows in each found independently first.
        try FileManager.default.createDirectory(atPath: patched, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dump + "/metadata", toPath: patched + "/metadata")
        var heldFound: [String] = []
        for name in sqlFiles {
            let (database, table) = MydumperCase.table(of: name)
            let locks = Fixture.lockTables.filter { $0.database == database }
            let original = dump + "/" + name
            let lines = Set(String(decoding: try Data(contentsOf: URL(fileURLWithPath: original)), as: UTF8.self)
                .split(separator: "\n").map(String.init))
            let held = locks.filter { $0.table.name == table }.flatMap { lock in
                lock.heldRows.filter { row in
                    let tuple = MydumperCase.tuple(row)
                    return lines.contains(tuple + ",") || lines.contains(tuple + ";")
                }.map { DumpDiff.heldRow(lock, $0, quote: "\"") }
            }
            heldFound += held

            let result = try RoundTrip.run(original, holdsLocks: !held.isEmpty)
            let report = DumpDiff.check(original: result.input, patched: result.output, dialect: .mysql,
                                        database: database, locks: locks, expectedHeld: held)
            #expect(report.problems.isEmpty, "\(name):\n\(report.problems.prefix(10).joined(separator: "\n"))")
            if testCase.namesColumns {
                #expect(!result.stderr.contains("assumed the layout"), "\(name): a layout was assumed although every INSERT names its columns:\n\(result.stderr)")
            }
            try FileManager.default.copyItem(atPath: result.written, toPath: patched + "/" + name)
        }
        // Every held row of the fixture is in exactly one file (or the rendering above is wrong).
        #expect(heldFound.sorted() == DumpDiff.heldRows(of: Fixture.lockTables, quote: "\"").sorted(),
                "held rows found in the mydumper files")

        try target.sql(MariaDBFixture.names.map { "DROP DATABASE IF EXISTS `\($0)`;" }.joined(separator: "\n"))
        try target.myloader(patched)
        try Self.compareRestored(source: source, target: target, triggers: testCase.triggers, routines: testCase.routines,
                                 mydumperBodies: true)
    }

    /// mydumper's `metadata` (`Started dump at: ...` in 0.10; `# Started dump at:` and INI
    /// sections in newer versions) is refused with exit status 3 and a message that names it,
    /// and the output file is not written.
    static func expectMetadataRefused(_ metadata: String, scratch: Scratch, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let head = String(decoding: try Data(contentsOf: URL(fileURLWithPath: metadata)).prefix(200), as: UTF8.self)
        #expect(head.hasPrefix("Started dump at: ") || head.hasPrefix("# Started dump at: "),
                "mydumper's metadata starts: \(head)", sourceLocation: sourceLocation)
        let out = scratch.path("metadata.out.sql")
        let run = try Unlockdump.run([metadata, "-o", out])
        #expect(run.status == 3, "unlockdump on mydumper's metadata file: exit \(run.status), expected 3: \(run.stderr)",
                sourceLocation: sourceLocation)
        let message = run.stderr.lowercased()
        #expect(message.contains("mydumper") && message.contains("metadata"),
                "unlockdump on mydumper's metadata file does not say it is mydumper's metadata file: \(run.stderr)",
                sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), "unlockdump wrote \(out) from mydumper's metadata", sourceLocation: sourceLocation)
    }
}
