import Foundation
import TestSupport
import Testing

/// gzip input is told by its magic bytes, decompressed on the fly (several members too), and
/// output is compressed for `-o *.gz`, `--gzip` and `--in-place` on a gzip file. A damaged gzip
/// input stops the run with exit 3 and the compressed byte offset, leaving any target untouched.
@Suite struct GzipTests {
    private let held = Data(Dumps.heldGhostLock.utf8)
    private let released = Data("INSERT INTO migrations_lock VALUES ('km01',0,NULL,NULL);\n".utf8)

    @Test func gzipFileIsReadByItsMagicNotItsName() throws {
        let scratch = try Scratch()
        try scratch.write("backup.sql", try Gzip.compress(held))  // no .gz in the name
        let result = try Unlockdump.run(["backup.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == released)
        #expect(result.stderrLines.last == "unlockdump: 1 lock released in 1 table (57 bytes read)")
    }

    @Test func gzipStandardInputIsDecompressed() throws {
        let result = try Unlockdump.run([], stdin: .data(try Gzip.compress(held)))
        #expect(result.status == 0)
        #expect(result.stdout == released)
    }

    /// The magic split across two pipe writes: the peek must wait for the second byte, and a plain
    /// dump that arrives a byte at first must lose nothing to it.
    @Test(arguments: [true, false])
    func magicSplitAcrossPipeWrites(compressed: Bool) throws {
        let input = compressed ? try Gzip.compress(held) : held
        let result = try Unlockdump.run(
            ["-q"], stdin: .data(input),
            wrapper: ["/bin/sh", "-c", "{ dd bs=1 count=1 2>/dev/null; sleep 0.2; cat; } | \"$0\" \"$@\""])
        #expect(result.status == 0)
        #expect(result.stdout == released)
    }

    @Test func gzipInputToPlainOutputFile() throws {
        let scratch = try Scratch()
        try scratch.write("backup.sql.gz", try Gzip.compress(held))
        let result = try Unlockdump.run(["backup.sql.gz", "-o", "restored.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try scratch.read("restored.sql") == released)
    }

    @Test func concatenatedMembersAreOneDump() throws {
        let plain = Data(Dumps.withoutLock(rows: 2).utf8)
        let members = try Gzip.compress(plain) + Gzip.compress(held) + Gzip.compress(plain)
        let result = try Unlockdump.run([], stdin: .data(members))
        #expect(result.status == 0)
        #expect(result.stdout == plain + released + plain)
    }

    /// Larger than one read and one inflate buffer, so member and chunk boundaries fall anywhere.
    @Test func largeMultiMemberInputMatchesThePlainRun() throws {
        let plain = Data(Dumps.withoutLock(rows: 40_000).utf8)
        let whole = plain + held + plain
        let members = try Gzip.compress(plain) + Gzip.compress(held + plain)
        let fromGzip = try Unlockdump.run(["-q"], stdin: .data(members))
        let fromPlain = try Unlockdump.run(["-q"], stdin: .data(whole))
        #expect(fromGzip.status == 0)
        #expect(fromGzip.stdout.count == fromPlain.stdout.count)
        #expect(fromGzip.stdout == fromPlain.stdout)
    }

    @Test(arguments: [["-o", "out.sql.gz"], ["--gzip", "-o", "out.sql"]])
    func outputIsCompressed(arguments: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", held)
        let result = try Unlockdump.run(arguments + ["dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        let name = arguments.contains("out.sql") ? "out.sql" : "out.sql.gz"
        let written = try scratch.read(name)
        #expect(written.prefix(2) == Data([0x1f, 0x8b]))
        #expect(try Gzip.decompress(written) == released)
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    @Test func gzipToStandardOutput() throws {
        let result = try Unlockdump.run(["--gzip"], stdin: .data(try Gzip.compress(held)))
        #expect(result.status == 0)
        #expect(try Gzip.decompress(result.stdout) == released)
    }

    @Test func emptyInputGivesAValidEmptyGzip() throws {
        let result = try Unlockdump.run(["--gzip"], stdin: .data(Data()))
        #expect(result.status == 0)
        #expect(try Gzip.decompress(result.stdout).isEmpty)
    }

    @Test func inPlaceKeepsAGzipFileCompressed() throws {
        let scratch = try Scratch()
        try scratch.write("ghost.sql.gz", try Gzip.compress(held))
        let result = try Unlockdump.run(["--in-place", "ghost.sql.gz"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try Gzip.decompress(try scratch.read("ghost.sql.gz")) == released)
    }

    @Test func truncatedGzipExitsThreeWithTheOffsetAndKeepsTheTarget() throws {
        let scratch = try Scratch()
        let compressed = try Gzip.compress(Data(Dumps.withoutLock(rows: 500).utf8))
        try scratch.write("cut.sql.gz", compressed.prefix(compressed.count / 2))
        try scratch.write("out.sql", "previous\n")
        let result = try Unlockdump.run(["cut.sql.gz", "-o", "out.sql"], in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stderrLines == ["unlockdump: cut.sql.gz: gzip stream truncated at byte \(compressed.count / 2)"])
        #expect(try scratch.read("out.sql") == Data("previous\n".utf8))
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    @Test func corruptGzipExitsThreeWithTheOffsetAndZlibsReason() throws {
        var compressed = try Gzip.compress(Data(Dumps.withoutLock(rows: 500).utf8))
        compressed[3] = 0xE0  // reserved header flag bits: zlib refuses the header at once
        let result = try Unlockdump.run([], stdin: .data(compressed))
        #expect(result.status == 3)
        let line = try #require(result.stderrLines.first)
        #expect(line.hasPrefix("unlockdump: <stdin>: gzip stream corrupt at byte "))
        #expect(line.hasSuffix("(unknown header flags set)"))
        #expect(result.stderrLines.count == 1)
    }

    @Test func damagedDataIsCaughtByTheChecksum() throws {
        var compressed = try Gzip.compress(Data(Dumps.withoutLock(rows: 50).utf8))
        compressed[compressed.count - 6] ^= 0xFF  // inside the CRC-32 of the trailer
        let result = try Unlockdump.run([], stdin: .data(compressed))
        #expect(result.status == 3)
        #expect(result.stderr == "unlockdump: <stdin>: gzip stream corrupt at byte \(compressed.count - 4) (incorrect data check)\n")
    }

    @Test func trailingBytesThatAreNotAMemberAreCorrupt() throws {
        let input = try Gzip.compress(held) + Data("garbage".utf8)
        let result = try Unlockdump.run([], stdin: .data(input))
        #expect(result.status == 3)
        #expect(result.stderrLines.first?.contains("gzip stream corrupt at byte") == true)
    }

    /// Inflate and deflate in constant memory: over 32 MiB of SQL through both, peak RSS under
    /// 16 MiB. (The name starts like StreamingTests' so scripts/asan.sh skips it too.)
    @Test func memoryStaysFlatThroughGzip() throws {
        let scratch = try Scratch()
        let dump = Data(Dumps.withoutLock(rows: 800_000).utf8)
        #expect(dump.count > 32 << 20)
        let path = try scratch.write("huge.sql.gz", try Gzip.compress(dump))
        let result = try Unlockdump.run(["-q", "-o", scratch.path("out.sql.gz"), path], wrapper: ["/usr/bin/time", "-f", "%M"])
        #expect(result.status == 0)
        let peakKiB = Int(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
        #expect(peakKiB < 16 * 1024)
        #expect(try Gzip.decompress(try scratch.read("out.sql.gz")) == dump)
    }

    @Test(arguments: [["--gzip", "--check"], ["--gzip", "--in-place", "x.sql"]])
    func gzipContradictionsAreUsageErrors(arguments: [String]) throws {
        let result = try Unlockdump.run(arguments)
        #expect(result.status == 2)
    }
}
