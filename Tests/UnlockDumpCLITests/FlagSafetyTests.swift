import Foundation
import TestSupport
import Testing

/// Flags against each other: the report file never lands on the dump, a `--set` does only what
/// it says, a run that changes nothing touches nothing, and terminals get no binary or no wait.
@Suite struct FlagSafetyTests {
    static let held = "-- MySQL dump 10.13\nINSERT INTO `migrations_lock` VALUES ('km01',1,'2025-01-01 10:00:00',NULL),('km02',1,NULL,NULL);\n-- Dump completed\n"

    private func inode(_ url: URL) throws -> (inode: UInt64, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0, attributes[.modificationDate] as? Date ?? .distantPast)
    }

    @Test(arguments: [
        ["--report-file", "./a.sql", "a.sql"],
        ["--report-file", "sub/../a.sql", "a.sql"],
        ["--report-file", "link.sql", "a.sql"],
        ["--report-file", "a.sql", "--in-place", "./a.sql"],
        ["a.sql", "-o", "out.sql", "--report-file", "linkdir/out.sql"],
        ["a.sql", "-o", "new.sql", "--report-file", "sub/../new.sql"],
    ])
    func reportFileThatIsTheDumpIsRefused(_ arguments: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("a.sql", Self.held)
        try scratch.write("out.sql", "previous output\n")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.sql"), withDestinationPath: "a.sql")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("linkdir"), withDestinationPath: ".")
        let result = try Unlockdump.run(arguments, in: scratch.url)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderrLines.first?.contains("the report would overwrite the dump") == true, "\(result.stderr)")
        #expect(try scratch.read("a.sql") == Data(Self.held.utf8))
        #expect(try scratch.read("out.sql") == Data("previous output\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("new.sql")))
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    @Test func reportFileThatIsStandardOutputIsRefused() throws {
        let scratch = try Scratch()
        try scratch.write("a.sql", Self.held)
        let result = try Unlockdump.run(["--report-file", "/dev/stdout", "a.sql"], in: scratch.url, stdoutPath: scratch.path("dump.out"))
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("is standard output, where the dump goes"), "\(result.stderr)")
        // With -o the dump goes elsewhere, and the report may go to stdout.
        let apart = try Unlockdump.run(["--report-file", "/dev/stdout", "-o", "out.sql", "a.sql"], in: scratch.url)
        #expect(apart.status == 0)
        #expect(apart.stdoutText.hasSuffix("2 locks released in 1 table (\(Self.held.utf8.count) bytes read)\n"), "\(apart.stdoutText)")
    }

    @Test func reportFileIsReplacedWholeAndAFailedJSONRunWritesTheError() throws {
        let scratch = try Scratch()
        try scratch.write("a.sql", Self.held)
        try scratch.write("bad.sql", "INSERT INTO t VALUES ('abc")
        try scratch.write("r.json", "old report\n")
        let ok = try Unlockdump.run(["--report", "json", "--report-file", "r.json", "-o", "out.sql", "a.sql"], in: scratch.url)
        #expect(ok.status == 0)
        let report = try JSONSerialization.jsonObject(with: try scratch.read("r.json")) as? [String: Any]
        #expect(report?["held_locks_total"] as? Int == 2)
        let failed = try Unlockdump.run(["--report", "json", "--report-file", "r.json", "-o", "out.sql", "bad.sql"], in: scratch.url)
        #expect(failed.status == 3)
        for text in [failed.stderr, String(decoding: try scratch.read("r.json"), as: UTF8.self)] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
            #expect(object["status"] as? Int == 3)
            let error = try #require(object["error"] as? [String: Any])
            #expect(error["kind"] as? String == "malformed_dump")
            #expect(error["line"] as? Int == 1 && error["column"] as? Int == 23 && error["byte"] as? Int == 22, "\(error)")
            #expect((error["message"] as? String)?.hasPrefix("unterminated string literal") == true)
        }
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    @Test func checkReportsRowsHeldAndKeyValues() throws {
        let result = try Unlockdump.run(["--check", "--report", "json"], stdin: .data(Data(Self.held.utf8)))
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        let table = try #require((object["tables"] as? [[String: Any]])?.first)
        #expect(table["rows_held"] as? Int == 2)
        #expect(table["rows_released"] == nil)
        #expect(table["lock_keys"] as? [String] == ["km01", "km02"])
        let lock = try #require((object["held_locks"] as? [[String: Any]])?.first)
        #expect(lock["key"] as? String == "km01")
        #expect(lock["key_literal"] as? String == "'km01'")
    }

    @Test func setOnABuiltInTableDoesOnlyWhatItSays() throws {
        let cleared = try Unlockdump.run(["--set", "migrations_lock.acquired_at=NULL", "-q"], stdin: .data(Data(Self.held.utf8)))
        #expect(cleared.stdoutText == Self.held.replacingOccurrences(of: "'2025-01-01 10:00:00'", with: "NULL"), "locked left alone")
        // The man page's own example: only km01.
        let one = try Unlockdump.run(["--set", "migrations_lock.locked=0", "--where", "lock_key=km01"], stdin: .data(Data(Self.held.utf8)))
        #expect(one.stdoutText == Self.held.replacingOccurrences(of: "('km01',1,", with: "('km01',0,"))
        #expect(one.stderrLines.contains("unlockdump: migrations_lock: set lock_key 'km01' (locked 1 -> 0)"), "\(one.stderr)")
        #expect(one.stderrLines.last == "unlockdump: 1 row set in 1 table (\(Self.held.utf8.count) bytes read)")
        // Two --sets on one table make one rewritten row each.
        let both = try Unlockdump.run(["--set", "migrations_lock.locked=0", "--set", "migrations_lock.acquired_at=NULL", "-q"],
                                      stdin: .data(Data(Self.held.utf8)))
        #expect(both.stdoutText == Self.held.replacingOccurrences(of: "('km01',1,'2025-01-01 10:00:00',", with: "('km01',0,NULL,")
            .replacingOccurrences(of: "('km02',1,", with: "('km02',0,"))
    }

    @Test func setThatMatchesNothingIsSaidAndQualifiedNamesWork() throws {
        let dump = "-- MySQL dump 10.13\nUSE `ghost`;\n" + Self.held.dropFirst("-- MySQL dump 10.13\n".count)
        let qualified = try Unlockdump.run(["--set", "ghost.migrations_lock.acquired_at=NULL"], stdin: .data(Data(dump.utf8)))
        #expect(qualified.stdoutText.contains("('km01',1,NULL,NULL)"), "\(qualified.stdoutText)")
        #expect(!qualified.stderr.contains("changed nothing"))
        for (argument, why) in [
            ("nosuch.col=1", "the dump has no rows of a table nosuch"),
            ("other.migrations_lock.acquired_at=NULL", "the dump has no rows of a table other.migrations_lock"),
            ("migrations_lock.nosuch=1", "the rows of migrations_lock have no column nosuch"),
        ] {
            let result = try Unlockdump.run(["--set", argument], stdin: .data(Data(dump.utf8)))
            #expect(result.status == 0)
            #expect(result.stderrLines.contains("unlockdump: warning: --set \(argument) changed nothing: \(why)"), "\(result.stderr)")
        }
    }

    @Test(arguments: ["dump.sql", "dump.sql.gz", "dump.sql.zst"])
    func inPlaceWithNothingToReleaseTouchesNothing(_ name: String) throws {
        let scratch = try Scratch()
        let plain = Data(Self.held.replacingOccurrences(of: ",1,", with: ",0,").utf8)
        let bytes = name.hasSuffix(".gz") ? try Gzip.compress(plain) : name.hasSuffix(".zst") ? try Zstd.compress(plain) : plain
        try scratch.write(name, bytes)
        let url = scratch.url.appendingPathComponent(name)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: url.path)
        let before = try inode(url)
        let result = try Unlockdump.run(["--in-place", "--backup", ".orig", name], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderrLines.last == "unlockdump: nothing to release: the file was left unchanged", "\(result.stderr)")
        let after = try inode(url)
        #expect(after.inode == before.inode && after.modified == before.modified)
        #expect(try scratch.read(name) == bytes)
        #expect(!FileManager.default.fileExists(atPath: url.path + ".orig"))
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    /// script(1) gives the run a terminal on stdin and stdout.
    @Test(arguments: [(["--gzip"], "compressed data not written to a terminal"), ([], "reading a dump from a terminal")])
    func terminalsAreRefused(_ arguments: [String], _ message: String) throws {
        let script = try #require(Subprocess.which("script"), "script(1) (util-linux) is needed")
        let scratch = try Scratch()
        try scratch.write("dump.sql", Self.held)
        let input = arguments.isEmpty ? [] : ["dump.sql"]
        let command = ([Unlockdump.binary.path] + arguments + input).joined(separator: " ") + "; echo status=$?"
        let result = try Subprocess.run(script, ["-qec", command, "/dev/null"], in: scratch.url)
        #expect(result.stdoutText.contains(message), "\(result.stdoutText)")
        #expect(result.stdoutText.contains("status=2"), "\(result.stdoutText)")
    }

    /// The text report on stderr streams every held row; a report file lists the first 1,000 and
    /// counts the rest, as JSON does.
    @Test func textReportStreamsEveryRowAndFilesListTheFirst() throws {
        let rows = (0..<1500).map { "(\($0),1)" }.joined(separator: ",")
        let dump = "-- MySQL dump 10.13\nINSERT INTO `knex_migrations_lock` VALUES \(rows);\n-- Dump completed\n"
        let streamed = try Unlockdump.run([], stdin: .data(Data(dump.utf8)))
        // Every row, the assumed-layout warning, the summary.
        #expect(streamed.stderrLines.count == 1502, "\(streamed.stderrLines.suffix(2))")
        #expect(streamed.stderrLines[1499] == "unlockdump: knex_migrations_lock: released index 1499 (is_locked 1 -> 0)")
        let scratch = try Scratch()
        let listed = try Unlockdump.run(["--report-file", "r.txt"], stdin: .data(Data(dump.utf8)), in: scratch.url)
        #expect(listed.stderr.isEmpty)
        let lines = String(decoding: try scratch.read("r.txt"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1003)
        #expect(lines[1000] == "... and 500 more held rows (the first 1000 are listed)")
        #expect(lines[1002] == "1500 locks released in 1 table (12.5 kB read)")
    }
}
