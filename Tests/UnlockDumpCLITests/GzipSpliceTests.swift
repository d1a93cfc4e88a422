import Foundation
import TestSupport
import Testing

/// A gzip input written as gzip to a file (`--in-place`, `-o OUT.gz`) is spliced: the compressed
/// stream is kept but around the edits. The output must pass gzip(1) and decompress to exactly
/// what the plain path writes; the JSON report says how it was made. When the splice cannot be
/// trusted, the dump is compressed afresh, with a warning, and the output is just as right.
@Suite struct GzipSpliceTests {
    /// About 3 MB of rows varied enough that deflate ends blocks all along, with held Ghost
    /// locks at the given fractions of the dump.
    private func dump(locksAt fractions: [Double]) -> Data {
        var generator = SplitMix64(seed: 42)
        var dump = "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n"
        dump += "CREATE TABLE `migrations_lock` (`lock_key` varchar(191) NOT NULL, `locked` tinyint(1) DEFAULT '0', `acquired_at` datetime DEFAULT NULL, `released_at` datetime DEFAULT NULL);\n"
        let rows = 30_000
        let lockRows = Set(fractions.map { Int($0 * Double(rows)) })
        for row in 0..<rows {
            if lockRows.contains(row) { dump += "INSERT INTO `migrations_lock` VALUES ('km\(row)',1,'2024-05-01 10:00:00',NULL);\n" }
            let words = (0..<Int(generator.next() % 12 + 2)).map { _ in String(generator.next() % 100_000, radix: 36) }
            dump += "INSERT INTO `posts` VALUES (\(row),'\(words.joined(separator: " "))');\n"
        }
        return Data((dump + "-- Dump completed on 2025-08-26 22:50:01\n").utf8)
    }

    private func plainOutput(of dump: Data) throws -> Data {
        let result = try Unlockdump.run(["-q"], stdin: .data(dump))
        #expect(result.status == 0)
        return result.stdout
    }

    private func method(_ result: Subprocess.Result) -> String? {
        guard let range = result.stderr.range(of: #""output_gzip_method":"[a-z]*""#, options: .regularExpression) else { return nil }
        return String(result.stderr[range].split(separator: ":")[1].dropFirst().dropLast())
    }

    @Test(arguments: [[0.99], [0.5], [0.001], [0.2, 0.8]])
    func outputFileIsSplicedAndDecompressesToThePlainOutput(locksAt: [Double]) throws {
        let scratch = try Scratch()
        let dump = dump(locksAt: locksAt)
        let compressed = try Gzip.compress(dump)
        try scratch.write("backup.sql.gz", compressed)
        let result = try Unlockdump.run(["backup.sql.gz", "-o", "out.sql.gz", "--report", "json"], in: scratch.url)
        #expect(result.status == 0)
        #expect(method(result) == "spliced")
        let written = try scratch.read("out.sql.gz")
        #expect(try Gzip.decompress(written) == plainOutput(of: dump))
        #expect(try scratch.read("backup.sql.gz") == compressed)
        if locksAt == [0.99] {
            let kept = zip(written, compressed).prefix { $0 == $1 }.count
            #expect(kept > compressed.count * 8 / 10, "only \(kept) of \(compressed.count) compressed bytes kept")
        }
    }

    /// Rows that go are edits with no replacement: the splice takes the stream up again after them.
    @Test func removedRowsAreSpliced() throws {
        let scratch = try Scratch()
        var dump = String(decoding: dump(locksAt: [0.3]), as: UTF8.self)
        let middle = dump.index(dump.startIndex, offsetBy: dump.utf8.count / 2)
        let line = dump[middle...].firstIndex(of: "\n").map { dump.index(after: $0) }!
        dump.insert(contentsOf: "INSERT INTO `yoyo_lock` VALUES (1,'2024-05-01 10:00:00',4242);\n"
            + "INSERT INTO `flyway_schema_history` VALUES (1,'1','a','SQL','V1__a.sql',1,'me','2024',5,1),(2,'2','b','SQL','V2__b.sql',2,'me','2024',5,0);\n", at: line)
        let compressed = try Gzip.compress(Data(dump.utf8))
        try scratch.write("backup.sql.gz", compressed)
        let result = try Unlockdump.run(["--repair", "flyway", "backup.sql.gz", "-o", "out.sql.gz", "--report", "json"], in: scratch.url)
        #expect(result.status == 0)
        #expect(method(result) == "spliced")
        let plain = try Unlockdump.run(["-q", "--repair", "flyway"], stdin: .data(Data(dump.utf8)))
        let expected = dump.replacingOccurrences(of: "INSERT INTO `yoyo_lock` VALUES (1,'2024-05-01 10:00:00',4242);\n", with: "")
            .replacingOccurrences(of: ",(2,'2','b','SQL','V2__b.sql',2,'me','2024',5,0)", with: "")
            .replacingOccurrences(of: "('km9000',1,", with: "('km9000',0,")
        #expect(plain.stdoutText == expected)
        #expect(try Gzip.decompress(try scratch.read("out.sql.gz")) == plain.stdout)
    }

    @Test func inPlaceIsSplicedAndKeepsABackup() throws {
        let scratch = try Scratch()
        let dump = dump(locksAt: [0.9])
        let compressed = try Gzip.compress(dump)
        try scratch.write("ghost.sql.gz", compressed)
        let result = try Unlockdump.run(["--in-place", "--backup", ".orig", "ghost.sql.gz", "--report", "json"], in: scratch.url)
        #expect(result.status == 0)
        #expect(method(result) == "spliced")
        #expect(try Gzip.decompress(try scratch.read("ghost.sql.gz")) == plainOutput(of: dump))
        #expect(try scratch.read("ghost.sql.gz.orig") == compressed)
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    /// Made by pigz (blocks sync-flushed, stored blocks between) and in several members.
    @Test(arguments: [["pigz", "-6", "-p", "2", "-c", "-n"], ["pigz", "-9", "-p", "2", "-b", "64", "-c", "-n"]])
    func pigzInputIsSpliced(command: [String]) throws {
        let pigz = try #require(Subprocess.which(command[0]), "pigz is needed")
        let dump = dump(locksAt: [0.3, 0.95])
        let compressed = try Subprocess.run(pigz, Array(command.dropFirst()), stdin: .data(dump))
        try expectSpliced(compressed.stdout, of: dump)
    }

    @Test func severalMembersAreSpliced() throws {
        let dump = dump(locksAt: [0.1, 0.6, 0.95])
        let cut = dump.count / 3
        try expectSpliced(try Gzip.compress(dump.prefix(cut)) + Gzip.compress(dump.dropFirst(cut)), of: dump)
    }

    /// The index is made to miss an edit, so the splice decompresses to the wrong bytes: the
    /// verification must catch it, and the dump be compressed afresh, right.
    @Test func aSpliceThatDoesNotVerifyIsCompressedAfresh() throws {
        let scratch = try Scratch()
        let dump = dump(locksAt: [0.99])
        try scratch.write("backup.sql.gz", try Gzip.compress(dump))
        let result = try Unlockdump.run(
            ["backup.sql.gz", "-o", "out.sql.gz", "--report", "json"], in: scratch.url,
            environment: ["UNLOCKDUMP_TEST_FAULT": "splice-drops-edit"])
        #expect(result.status == 0)
        #expect(method(result) == "compressed")
        #expect(result.stderr.contains("the spliced gzip stream did not verify (it decompresses to "))
        #expect(try Gzip.decompress(try scratch.read("out.sql.gz")) == plainOutput(of: dump))
    }

    /// Nothing to splice into: standard output is compressed as before.
    @Test func standardOutputIsCompressed() throws {
        let dump = dump(locksAt: [0.5])
        let result = try Unlockdump.run(["--gzip", "--report", "json"], stdin: .data(try Gzip.compress(dump)))
        #expect(result.status == 0)
        #expect(method(result) == "compressed")
        #expect(try Gzip.decompress(result.stdout) == plainOutput(of: dump))
    }

    @Test(arguments: [["-o", "out.sql.gz"], ["--in-place"]])
    func corruptInputLeavesEverythingAsItWas(options: [String]) throws {
        let scratch = try Scratch()
        var compressed = try Gzip.compress(dump(locksAt: [0.5]))
        compressed[compressed.count / 2] ^= 0x55
        try scratch.write("backup.sql.gz", compressed)
        let result = try Unlockdump.run(["backup.sql.gz"] + options, in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stderr.contains("gzip stream corrupt at byte"))
        #expect(try scratch.read("backup.sql.gz") == compressed)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.sql.gz").path))
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    private func expectSpliced(_ compressed: Data, of dump: Data) throws {
        let scratch = try Scratch()
        try scratch.write("backup.sql.gz", compressed)
        let result = try Unlockdump.run(["backup.sql.gz", "-o", "out.sql.gz", "--report", "json"], in: scratch.url)
        #expect(result.status == 0)
        #expect(method(result) == "spliced")
        #expect(try Gzip.decompress(try scratch.read("out.sql.gz")) == plainOutput(of: dump))
    }
}
