import Foundation
import TestSupport
import Testing

/// `--report json` and `--report-file`: one JSON object, valid whatever the dump's names and
/// literals hold, bare on stderr (one line) or in a file.
@Suite struct JSONReportTests {
    private func object(_ text: some StringProtocol) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(parsed as? [String: Any])
    }

    @Test func jsonOnStandardErrorIsOneBareLine() throws {
        let result = try Unlockdump.run(["--report", "json"], stdin: .data(Data(Dumps.heldGhostLock.utf8)))
        #expect(result.status == 0)
        #expect(result.stderrLines.count == 1)
        let line = try #require(result.stderrLines.first)
        #expect(line.hasPrefix("{"), "the JSON object alone, without the unlockdump: prefix")
        let json = try object(result.stderr)
        #expect(json["status"] as? Int == 0)
        #expect(json["mode"] as? String == "release")
        #expect(json["dialect"] as? String == "mysql")
        #expect(json["bytes_read"] as? Int == 57)
        #expect(json["bytes_written"] as? Int == 57)
        #expect(json["input_gzip"] as? Bool == false)
        #expect(json["output_gzip"] as? Bool == false)
        #expect(json["input_compression"] as? String == "none")
        #expect(json["output_compression"] as? String == "none")
        #expect((json["duration_seconds"] as? Double).map { $0 >= 0 && $0 < 60 } == true)
        #expect(json["warnings"] is [String])
        let locks = try #require(json["held_locks"] as? [[String: Any]])
        #expect(locks.count == 1)
        #expect(locks.first?["table"] as? String == "migrations_lock")
        #expect(locks.first?["action"] as? String == "release")
        #expect(locks.first?["key"] as? String == "km01")
        #expect(locks.first?["key_literal"] as? String == "'km01'")
        let changes = try #require(locks.first?["changes"] as? [[String: String]])
        #expect(changes.first == ["column": "locked", "old": "1", "new": "0"])
    }

    @Test func reportFileGetsBareJSONAndStderrStaysEmpty() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.heldGhostLock)
        let result = try Unlockdump.run(["--check", "--report=json", "--report-file", "report.json", "dump.sql"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let json = try object(String(decoding: try scratch.read("report.json"), as: UTF8.self))
        #expect(json["status"] as? Int == 1)
        #expect(json["mode"] as? String == "check")
    }

    @Test func textReportFileHasNoPrefixAndQuietStillWritesIt() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.heldGhostLock)
        let result = try Unlockdump.run(["-q", "--report-file", "report.txt", "dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let text = String(decoding: try scratch.read("report.txt"), as: UTF8.self)
        #expect(text.hasSuffix("1 lock released in 1 table (57 bytes read)\n"))
        #expect(!text.contains("unlockdump:"))
    }

    /// A key literal with a double quote, a backslash, a raw newline and a control byte (which
    /// the engine shows as `\x0a`, `\x01`) comes out as JSON that parses back to the key the text
    /// report shows.
    @Test func stringsAreEscaped() throws {
        let dump = "PRAGMA foreign_keys=OFF;\nINSERT INTO migrations_lock VALUES('a\"b\\c\nd\u{1}e',1,NULL,NULL);\n"
        let text = try Unlockdump.run(["--dialect", "sqlite"], stdin: .data(Data(dump.utf8)))
        let textLine = try #require(text.stderrLines.first { $0.contains("released lock_key") })
        let shownKey = textLine.split(separator: "released lock_key ", maxSplits: 1)[1].split(separator: " (locked")[0]
        #expect(shownKey.contains("\"") && shownKey.contains("\\"))
        let result = try Unlockdump.run(["--report", "json", "--dialect", "sqlite"], stdin: .data(Data(dump.utf8)))
        #expect(result.status == 0)
        let json = try object(result.stderr)
        let locks = try #require(json["held_locks"] as? [[String: Any]])
        #expect(locks.first?["key_literal"] as? String == String(shownKey))
        #expect(locks.first?["key"] as? String == "a\"b\\c\nd\u{1}e", "the value itself, quotes undone")
    }

    @Test func gzipIsReported() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql.gz", try Gzip.compress(Data(Dumps.heldGhostLock.utf8)))
        let result = try Unlockdump.run(["--report", "json", "--report-file", "r.json", "dump.sql.gz", "-o", "out.sql.gz"], in: scratch.url)
        #expect(result.status == 0)
        let json = try object(String(decoding: try scratch.read("r.json"), as: UTF8.self))
        #expect(json["input_gzip"] as? Bool == true)
        #expect(json["output_gzip"] as? Bool == true)
        #expect(json["input_compression"] as? String == "gzip")
        #expect(json["output_compression"] as? String == "gzip")
        #expect(json["bytes_read"] as? Int == 57)
    }

    /// The booleans stay false for zstd; the compression names say what it was.
    @Test(arguments: [("out.sql.zst", "zstd"), ("out.sql", "none")])
    func zstdIsReported(output: String, outputCompression: String) throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql.zst", try Zstd.compress(Data(Dumps.heldGhostLock.utf8)))
        let result = try Unlockdump.run(["--report", "json", "dump.sql.zst", "-o", output], in: scratch.url)
        #expect(result.status == 0)
        let json = try object(result.stderr)
        #expect(json["input_gzip"] as? Bool == false)
        #expect(json["output_gzip"] as? Bool == false)
        #expect(json["input_compression"] as? String == "zstd")
        #expect(json["output_compression"] as? String == outputCompression)
        #expect(json["bytes_read"] as? Int == 57)
    }

    @Test func unwritableReportFileIsAnIOError() throws {
        let result = try Unlockdump.run(["--report-file", "/nonexistent/r.json"], stdin: .data(Data(Dumps.heldGhostLock.utf8)))
        #expect(result.status == 4)
        #expect(result.stderrLines.last == "unlockdump: /nonexistent/r.json: No such file or directory")
    }


    @Test func unknownFormatIsAUsageError() throws {
        let result = try Unlockdump.run(["--report", "yaml"])
        #expect(result.status == 2)
        #expect(result.stderrLines.first == "unlockdump: invalid report format 'yaml' (expected text or json)")
    }

    /// Waits for the engine's per-table summaries (PatchReport.tables).
    @Test func tablesListRowsSeenReleasedAndKeys() throws {
        let dump = Dumps.heldGhostLock + "INSERT INTO migrations_lock VALUES ('km02',0,NULL,NULL);\n"
        let result = try Unlockdump.run(["--report", "json"], stdin: .data(Data(dump.utf8)))
        #expect(result.status == 0)
        let json = try object(result.stderr)
        let tables = try #require(json["tables"] as? [[String: Any]])
        #expect(tables.count == 1)
        #expect(tables.first?["table"] as? String == "migrations_lock")
        #expect(tables.first?["database"] is NSNull)
        #expect(tables.first?["rows_seen"] as? Int == 2)
        #expect(tables.first?["rows_released"] as? Int == 1)
        #expect(tables.first?["lock_keys"] as? [String] == ["km01"])
    }
}
