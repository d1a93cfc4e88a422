import CZlib
import Foundation
import Testing
import TestSupport
@testable import StreamCompression

/// A spliced stream must decompress, with zlib and with gzip(1), to exactly the edited bytes,
/// whatever made the input, wherever the edits fall and however far the engine lags behind.
@Suite struct GzipSplicerTests {
    /// Level 0 writes stored blocks only, which pad to a byte boundary: the tail taken up again
    /// must keep its place within the byte.
    @Test(arguments: 0...9)
    func zlibLevels(level: Int32) throws {
        var random = SplitMix64(seed: UInt64(level))
        for round in 0..<12 {
            let data = dumpLikeText(Int.random(in: 20_000...300_000, using: &random), using: &random)
            let edits = randomEdits(in: data.count, number: Int.random(in: 1...4, using: &random), using: &random)
            let harness = SpliceHarness(chunkSize: Int.random(in: 1...70_000, using: &random), lag: Int.random(in: 0...5_000, using: &random))
            try expectSplice(deflated(data, level: level), of: data, edits: edits, harness, "level \(level) round \(round)")
        }
    }

    @Test(arguments: [["-1"], ["-6"], ["-9"]])
    func gzipTool(options: [String]) throws {
        try expectSplices(madeBy: "gzip", options + ["-c", "-n"], seed: 100)
    }

    @Test(arguments: [["-6", "-p", "2"], ["-6", "-p", "2", "-b", "32"], ["-9", "-p", "2", "-b", "64", "--independent"]])
    func pigz(options: [String]) throws {
        try expectSplices(madeBy: "pigz", options + ["-c", "-n"], seed: 200)
    }

    @Test func severalMembers() throws {
        var random = SplitMix64(seed: 7)
        for round in 0..<20 {
            let parts = (0..<Int.random(in: 2...5, using: &random)).map { _ in
                dumpLikeText(Int.random(in: 0...60_000, using: &random), using: &random)
            }
            let data = parts.flatMap { $0 }
            let gzip = parts.flatMap { deflated($0, level: 6) }
            let edits = randomEdits(in: data.count, number: Int.random(in: 1...6, using: &random), using: &random)
            // An edit across two members cannot be spliced; the index gives up, as it must.
            var boundaries = Set<Int>()
            var sum = 0
            for part in parts.dropLast() { sum += part.count; boundaries.insert(sum) }
            let crossing = edits.contains { edit in boundaries.contains { $0 > edit.offset && $0 < edit.end } }
            let spliced = try SpliceHarness(lag: Int.random(in: 0...3_000, using: &random)).splice(gzip, edits: edits)
            if crossing {
                #expect(spliced == nil, "round \(round)")
            } else {
                let output = try #require(spliced, "round \(round)")
                #expect(try inflated(output) == applying(edits, to: data), "round \(round)")
            }
        }
    }

    /// The last member ends where the input does: an insertion there still finds it, however
    /// far the engine settled before reporting it (found by the splice fuzzer).
    @Test func anInsertionAtTheEndOfTheLastMember() throws {
        var random = SplitMix64(seed: 13)
        let parts = [dumpLikeText(40_000, using: &random), dumpLikeText(30_000, using: &random)]
        let data = parts[0] + parts[1]
        let gzip = deflated(parts[0], level: 3) + deflated(parts[1], level: 3)
        let edits = [SpliceEdit(offset: 5, length: 1, replacement: [0x30]), SpliceEdit(offset: data.count, length: 0, replacement: [0x0A])]
        for chunkSize in [97, 777, 4096] {
            let output = try #require(try SpliceHarness(chunkSize: chunkSize).splice(gzip, edits: edits), "chunks of \(chunkSize)")
            #expect(try inflated(output) == applying(edits, to: data), "chunks of \(chunkSize)")
        }
    }

    @Test func editsAtTheVeryStartAndEnd() throws {
        var random = SplitMix64(seed: 11)
        let data = dumpLikeText(200_000, using: &random)
        let gzip = deflated(data, level: 6)
        let cases: [[SpliceEdit]] = [
            [SpliceEdit(offset: 0, length: 1, replacement: [0x30])],
            [SpliceEdit(offset: 0, length: 0, replacement: [0x30, 0x31])],
            [SpliceEdit(offset: data.count, length: 0, replacement: [0x0A])],
            [SpliceEdit(offset: data.count - 3, length: 3, replacement: [])],
            [SpliceEdit(offset: 0, length: 2, replacement: []), SpliceEdit(offset: data.count - 1, length: 1, replacement: [0x41, 0x42])],
        ]
        for edits in cases {
            try expectSplice(gzip, of: data, edits: edits, SpliceHarness(), "\(edits.map(\.offset))")
        }
    }

    /// An edit noted before the decoder reached its member's data (the splice fuzzer's insertion
    /// at offset 0, noted after one byte of header) leaves nowhere to resume: the index gives up,
    /// and the command line compresses afresh, rather than trapping.
    @Test func anEditNotedBeforeTheDataGivesUp() throws {
        let gzip = deflated(Array("INSERT INTO t VALUES (1);\n".utf8), level: 6)
        let index = GzipSpliceIndex()
        let decoder = GzipDecoder(indexingInto: index)
        try gzip.prefix(1).withUnsafeBytes { try decoder.decode($0) { _ in } }
        index.note(SpliceEdit(offset: 0, length: 0, replacement: [0x30]))
        try gzip.dropFirst().withUnsafeBytes { try decoder.decode($0) { _ in } }
        try decoder.finish()
        #expect(index.plan == nil)
    }

    /// The point of splicing: an edit near the end keeps the stream before it byte for byte.
    @Test func anEditNearTheEndKeepsTheStreamBeforeIt() throws {
        var random = SplitMix64(seed: 12)
        let data = dumpLikeText(400_000, using: &random)
        let gzip = deflated(data, level: 6)
        let edits = [SpliceEdit(offset: 380_000, length: 1, replacement: [0x30])]
        let output = try #require(try SpliceHarness(chunkSize: 65_536, lag: 1_000).splice(gzip, edits: edits))
        let kept = zip(output, gzip).prefix { $0 == $1 }.count
        #expect(kept > gzip.count * 8 / 10, "only \(kept) of \(gzip.count) bytes kept")
        #expect(try inflated(output) == applying(edits, to: data))
    }

    /// Edits far apart are recompressed each in its own region; the stream between them is kept.
    @Test func editsFarApartKeepTheStreamBetweenThem() throws {
        var random = SplitMix64(seed: 16)
        let data = dumpLikeText(600_000, using: &random)
        let gzip = deflated(data, level: 6)
        let edits = [SpliceEdit(offset: 50_000, length: 1, replacement: [0x30]), SpliceEdit(offset: 550_000, length: 2, replacement: [])]
        let output = try #require(try SpliceHarness(chunkSize: 65_536, lag: 1_000).splice(gzip, edits: edits))
        #expect(try inflated(output) == applying(edits, to: data))
        let middle = Data(gzip[gzip.count * 3 / 10..<gzip.count * 7 / 10])
        #expect(Data(output).range(of: middle) != nil, "the stream between the edits was not kept")
    }

    /// A header with every optional field (extra, name, comment, header CRC) is copied as it is.
    @Test func aHeaderWithEveryFieldIsKept() throws {
        var random = SplitMix64(seed: 17)
        let data = dumpLikeText(200_000, using: &random)
        let raw = ByteCollector()
        let deflater = DeflateStream(writingTo: raw, level: 6, windowBits: -15)
        data.withUnsafeBytes { deflater.write($0) }
        deflater.flush(Z_FINISH)
        var header: [UInt8] = [0x1F, 0x8B, 8, 0b0001_1110, 1, 2, 3, 4, 0, 3, 4, 0]  // FHCRC FEXTRA FNAME FCOMMENT
        header += [0x41, 0x42, 0x01, 0x00, 0x07] + Array("dump.sql".utf8) + [0] + Array("a comment".utf8) + [0]
        let headerCRC = header.withUnsafeBytes { CRC32.checksum($0) }
        header += [UInt8(truncatingIfNeeded: headerCRC), UInt8(truncatingIfNeeded: headerCRC >> 8)]
        let crc = data.withUnsafeBytes { CRC32.checksum($0) }
        let trailer = (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) } + (0..<4).map { UInt8(truncatingIfNeeded: data.count >> (8 * $0)) }
        let gzip = header + raw.bytes + trailer
        #expect(try inflated(gzip) == data)
        let edits = [SpliceEdit(offset: 150_000, length: 1, replacement: [0x30])]
        let output = try #require(try SpliceHarness().splice(gzip, edits: edits))
        #expect(Array(output.prefix(header.count)) == header)
        #expect(try inflated(output) == applying(edits, to: data))
    }

    @Test func noEditsCopiesTheInput() throws {
        var random = SplitMix64(seed: 13)
        let gzip = deflated(dumpLikeText(100_000, using: &random), level: 6) + deflated([], level: 6)
        #expect(try SpliceHarness().splice(gzip, edits: []) == gzip)
    }

    @Test func crcOfASuffixFromTheWholeAndThePrefix() {
        var random = SplitMix64(seed: 14)
        for _ in 0..<50 {
            let bytes = (0..<Int.random(in: 0...5_000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let cut = Int.random(in: 0...bytes.count, using: &random)
            bytes.withUnsafeBytes { all in
                let whole = CRC32.checksum(all)
                let prefix = CRC32.checksum(UnsafeRawBufferPointer(rebasing: all[..<cut]))
                let suffix = CRC32.checksum(UnsafeRawBufferPointer(rebasing: all[cut...]))
                #expect(CRC32.suffix(of: whole, prefix: prefix, suffixLength: bytes.count - cut) == suffix)
                #expect(CRC32.combine(prefix, suffix, secondLength: bytes.count - cut) == whole)
            }
        }
    }

    // MARK: Helpers

    private func expectSplices(madeBy tool: String, _ arguments: [String], seed: UInt64) throws {
        let executable = try #require(Subprocess.which(tool), "\(tool) is needed")
        var random = SplitMix64(seed: seed)
        for round in 0..<4 {
            let data = dumpLikeText(Int.random(in: 50_000...600_000, using: &random), using: &random)
            let result = try Subprocess.run(executable, arguments, stdin: .data(Data(data)))
            #expect(result.status == 0)
            let edits = randomEdits(in: data.count, number: Int.random(in: 1...3, using: &random), using: &random)
            try expectSplice([UInt8](result.stdout), of: data, edits: edits, SpliceHarness(lag: 2_000), "\(tool) round \(round)")
        }
    }

    private func expectSplice(_ gzip: [UInt8], of data: [UInt8], edits: [SpliceEdit], _ harness: SpliceHarness, _ what: String) throws {
        let output = try #require(try harness.splice(gzip, edits: edits), "\(what): not spliced")
        let expected = applying(edits, to: data)
        #expect(try inflated(output) == expected, "\(what)")
        let gzipTool = try #require(Subprocess.which("gzip"))
        let result = try Subprocess.run(gzipTool, ["-dc"], stdin: .data(Data(output)))
        #expect(result.status == 0 && [UInt8](result.stdout) == expected, "\(what): gzip(1) says \(result.stderr)")
    }
}

/// The verifier follows a stream as it is published, on a thread of its own, and tells what it
/// decompresses to, or why it does not.
@Suite struct GzipVerifierTests {
    @Test func followsTheWriterToTheDecompressedChecksum() throws {
        var random = SplitMix64(seed: 21)
        let data = dumpLikeText(300_000, using: &random)
        let gzip = deflated(data, level: 6) + deflated(Array(data.prefix(1000)), level: 1)
        let verifier = GzipVerifier(following: gzip)
        var published = 0
        while published < gzip.count {
            published = min(gzip.count, published + Int.random(in: 1...40_000, using: &random))
            verifier.published(upTo: published)
        }
        var expected = StreamChecksum()
        (data + data.prefix(1000)).withUnsafeBytes { expected.add($0) }
        #expect(try verifier.finish().get() == expected)
    }

    @Test func aDamagedOrShortStreamFails() {
        var random = SplitMix64(seed: 22)
        var gzip = deflated(dumpLikeText(50_000, using: &random), level: 6)
        for damaged in [Array(gzip.dropLast(3)), { gzip[gzip.count / 2] ^= 0x10; return gzip }()] {
            let verifier = GzipVerifier(following: damaged)
            verifier.published(upTo: damaged.count)
            #expect(throws: (any Error).self) { try verifier.finish().get() }
        }
    }
}
