import Foundation
import TestSupport
import Testing

/// zstd input is told by its magic bytes and decoded on the fly (several frames, skippable ones
/// between them), `-o *.zst` and `--in-place` on a zstd file write zstd, and what cannot be
/// decoded in bounded memory, or at all, stops the run with exit 3 and the compressed offset,
/// leaving any target untouched.
@Suite struct ZstdTests {
    private let held = Data(Dumps.heldGhostLock.utf8)
    private let released = Data("INSERT INTO migrations_lock VALUES ('km01',0,NULL,NULL);\n".utf8)

    @Test func zstdFileIsReadByItsMagicNotItsName() throws {
        let scratch = try Scratch()
        try scratch.write("backup.sql", try Zstd.compress(held))  // no .zst in the name
        let result = try Unlockdump.run(["backup.sql"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == released)
        #expect(result.stderrLines.last == "unlockdump: 1 lock released in 1 table (57 bytes read)")
    }

    /// Each producer's frame header, checked so the fixture stays what it claims to be.
    @Test(arguments: Zstd.Producer.allCases)
    func producersFramesAreDecoded(_ producer: Zstd.Producer) throws {
        let plain = Data(Dumps.withoutLock(rows: 50).utf8)
        let compressed = try Zstd.compress(plain + held, as: producer)
        #expect(compressed.prefix(5) == Data([0x28, 0xB5, 0x2F, 0xFD, producer.descriptor]))
        let result = try Unlockdump.run(["-q"], stdin: .data(compressed))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == plain + released)
    }

    /// The magic split across pipe writes: the peek must wait for all four bytes, and a plain
    /// dump that arrives two bytes at first must lose nothing to it.
    @Test(arguments: [true, false])
    func magicSplitAcrossPipeWrites(compressed: Bool) throws {
        let input = compressed ? try Zstd.compress(held) : held
        let result = try Unlockdump.run(
            ["-q"], stdin: .data(input),
            wrapper: ["/bin/sh", "-c", "{ dd bs=1 count=2 2>/dev/null; sleep 0.2; cat; } | \"$0\" \"$@\""])
        #expect(result.status == 0)
        #expect(result.stdout == released)
    }

    @Test func framesOneAfterAnotherAreOneDump() throws {
        let plain = Data(Dumps.withoutLock(rows: 2).utf8)
        let frames = try Zstd.compress(plain) + Zstd.compress(held, as: .pgDump16) + Zstd.compress(plain, as: .zstdPipe)
        let result = try Unlockdump.run([], stdin: .data(frames))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == plain + released + plain)
    }

    /// Skippable frames first (the input is still zstd), between frames and last.
    @Test func skippableFramesArePassedOver() throws {
        let plain = Data(Dumps.withoutLock(rows: 2).utf8)
        let input = Zstd.skippableFrame("first", variant: 0xF) + (try Zstd.compress(plain))
            + Zstd.skippableFrame("between") + (try Zstd.compress(held)) + Zstd.skippableFrame("")
        let result = try Unlockdump.run(["-q"], stdin: .data(input))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == plain + released)
    }

    /// Larger than one read and one output buffer, so frame and chunk boundaries fall anywhere.
    @Test func largeMultiFrameInputMatchesThePlainRun() throws {
        let plain = Data(Dumps.withoutLock(rows: 40_000).utf8)
        let frames = try Zstd.compress(plain, as: .pgDump16) + Zstd.compress(held + plain)
        let fromZstd = try Unlockdump.run(["-q"], stdin: .data(frames))
        let fromPlain = try Unlockdump.run(["-q"], stdin: .data(plain + held + plain))
        #expect(fromZstd.status == 0)
        #expect(fromZstd.stdout.count == fromPlain.stdout.count)
        // Not `==`: a failing `==` on megabytes makes swift-testing diff them, for minutes.
        #expect(fromZstd.stdout.elementsEqual(fromPlain.stdout))
    }

    /// One frame with zstd(1)'s checksum, which `zstd -t` verifies.
    @Test func zstOutputNameWritesZstd() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", held)
        let result = try Unlockdump.run(["dump.sql", "-o", "out.sql.zst"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try scratch.read("out.sql.zst")
        #expect(written.prefix(4) == Data([0x28, 0xB5, 0x2F, 0xFD]))
        #expect(written[4] & 0x04 != 0, "checksum flag")
        #expect(try Zstd.decompress(written) == released)
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    @Test func gzipInputToZstdOutputAndBack() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql.gz", try Gzip.compress(held))
        #expect(try Unlockdump.run(["-q", "dump.sql.gz", "-o", "out.sql.zst"], in: scratch.url).status == 0)
        #expect(try Zstd.decompress(try scratch.read("out.sql.zst")) == released)
        #expect(try Unlockdump.run(["-q", "out.sql.zst", "-o", "again.sql.gz"], in: scratch.url).status == 0)
        #expect(try Gzip.decompress(try scratch.read("again.sql.gz")) == released)
    }

    @Test func emptyInputGivesAValidEmptyZstd() throws {
        let scratch = try Scratch()
        let result = try Unlockdump.run(["-o", scratch.path("empty.sql.zst")], stdin: .data(Data()))
        #expect(result.status == 0)
        let written = try scratch.read("empty.sql.zst")
        #expect(written.prefix(4) == Data([0x28, 0xB5, 0x2F, 0xFD]))
        #expect(try Zstd.decompress(written).isEmpty)
    }

    @Test func inPlaceKeepsAZstdFileCompressed() throws {
        let scratch = try Scratch()
        try scratch.write("ghost.sql.zst", try Zstd.compress(held, as: .pgDump16))
        let result = try Unlockdump.run(["--in-place", "ghost.sql.zst"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try scratch.read("ghost.sql.zst")
        #expect(written.prefix(4) == Data([0x28, 0xB5, 0x2F, 0xFD]))
        #expect(try Zstd.decompress(written) == released)
    }

    @Test func truncatedZstdExitsThreeWithTheOffsetAndKeepsTheTarget() throws {
        let scratch = try Scratch()
        let compressed = try Zstd.compress(Data(Dumps.withoutLock(rows: 500).utf8))
        try scratch.write("cut.sql.zst", compressed.prefix(compressed.count / 2))
        try scratch.write("out.sql", "previous\n")
        let result = try Unlockdump.run(["cut.sql.zst", "-o", "out.sql"], in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stderrLines == ["unlockdump: cut.sql.zst: zstd stream truncated at byte \(compressed.count / 2)"])
        #expect(try scratch.read("out.sql") == Data("previous\n".utf8))
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    @Test func damagedDataIsCaughtByTheChecksum() throws {
        var compressed = try Zstd.compress(Data(Dumps.withoutLock(rows: 50).utf8))
        compressed[compressed.count - 1] ^= 0xFF  // inside the XXH64 checksum that ends the frame
        let result = try Unlockdump.run([], stdin: .data(compressed))
        #expect(result.status == 3)
        #expect(result.stderr == "unlockdump: <stdin>: zstd stream corrupt at byte \(compressed.count - 4) (Restored data doesn't match checksum)\n")
    }

    /// libzstd is handed one block per call, so the offset is where the refused block's data
    /// starts, not where the chunk read from the file did.
    @Test func corruptBlockIsNamedByItsOffset() throws {
        let dump = Data(Dumps.withoutLock(rows: 40_000).utf8)
        var compressed = try Zstd.compress(dump)
        let damaged = compressed.count / 2
        compressed[damaged] ^= 0x55
        let result = try Unlockdump.run(["-q"], stdin: .data(compressed))
        #expect(result.status == 3)
        let line = try #require(result.stderrLines.first)
        let offset = try #require(Int(line.split(separator: " ")[7]), "\(line)")
        #expect(line.hasPrefix("unlockdump: <stdin>: zstd stream corrupt at byte "), "\(line)")
        #expect(offset <= damaged && offset > damaged - (128 << 10), "within the block holding byte \(damaged): \(line)")
    }

    @Test func corruptHeaderExitsThreeWithLibzstdsReason() throws {
        var compressed = try Zstd.compress(Data(Dumps.withoutLock(rows: 50).utf8))
        compressed[4] |= 0x08  // the descriptor's reserved bit: libzstd refuses the header at once
        let result = try Unlockdump.run(["--report", "json"], stdin: .data(compressed))
        #expect(result.status == 3)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        let error = try #require(json["error"] as? [String: Any])
        #expect(error["kind"] as? String == "corrupt_zstd")
        let message = try #require(error["message"] as? String)
        #expect(message.hasPrefix("zstd stream corrupt at byte "), "\(message)")
    }

    @Test func trailingBytesThatAreNotAFrameAreCorrupt() throws {
        let input = try Zstd.compress(held) + Data("garbage".utf8)
        let result = try Unlockdump.run([], stdin: .data(input))
        #expect(result.status == 3)
        #expect(result.stderrLines.first?.contains("zstd stream corrupt at byte") == true, "\(result.stderr)")
    }

    /// `zstd --long=27` on a dump over 32 MiB: from a pipe the frame asks for the whole 128 MiB
    /// window; from a file, a single segment as large as the dump. Refused before any output.
    @Test(arguments: [Zstd.Producer.zstdPipe, .zstdFile])
    func longWindowIsRefusedWithTheSizeItNeeds(_ producer: Zstd.Producer) throws {
        let scratch = try Scratch()
        let dump = Data(Dumps.withoutLock(rows: 800_000).utf8)
        #expect(dump.count > 32 << 20)
        let path = try scratch.write("long.sql.zst", try Zstd.compress(dump, as: producer, options: ["--long=27", "-1"]))
        let result = try Unlockdump.run([path, "-o", scratch.path("out.sql")])
        #expect(result.status == 3)
        let window = producer == .zstdPipe ? 128 : (dump.count + (1 << 20) - 1) >> 20
        #expect(result.stderrLines == [
            "unlockdump: \(path): zstd frame at byte 0 needs a \(window) MiB window (made with --long or --ultra?); "
                + "unlockdump decodes windows up to 32 MiB; decompress it first: zstd -dc --memory=\(window)MB FILE | unlockdump",
        ])
        #expect(try scratch.names() == ["long.sql.zst"])
    }

    /// Decoding and encoding in bounded memory: a frame with the largest window accepted (32 MiB,
    /// `--long=25`) costs that window once; zstd(1)'s default level about 2 MiB each way. (The
    /// name starts like StreamingTests' so scripts/asan.sh skips it too.)
    @Test(arguments: [([String](), 24), (["--long=25"], 56)])
    func memoryStaysFlatThroughZstd(options: [String], budgetMiB: Int) throws {
        let scratch = try Scratch()
        let dump = Data(Dumps.withoutLock(rows: 800_000).utf8)
        let path = try scratch.write("huge.sql.zst", try Zstd.compress(dump, as: .zstdPipe, options: options))
        let result = try Unlockdump.run(["-q", "-o", scratch.path("out.sql.zst"), path], wrapper: ["/usr/bin/time", "-f", "%M"])
        #expect(result.status == 0)
        let peakKiB = Int(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
        #expect(peakKiB < budgetMiB * 1024)
        #expect(try Zstd.decompress(try scratch.read("out.sql.zst")).elementsEqual(dump))
    }

    @Test func gzipFlagContradictsAZstName() throws {
        let scratch = try Scratch()
        let result = try Unlockdump.run(["--gzip", "-o", "out.sql.zst"], stdin: .data(held), in: scratch.url)
        #expect(result.status == 2)
        #expect(try scratch.names().isEmpty)
        #expect(result.stderrLines.first == "unlockdump: --gzip contradicts the output name out.sql.zst, which asks for zstd")
    }
}
