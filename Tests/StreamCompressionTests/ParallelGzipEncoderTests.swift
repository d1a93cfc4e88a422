import CZlib
import Foundation
@testable import StreamCompression
import TestSupport
import Testing

/// The parallel encoder's output is one gzip member that zlib and gzip(1) both inflate to exactly
/// the input, whatever the input's size against the block size, its content, how it is cut into
/// writes, and how many threads compress it; a failing destination's error reaches the caller,
/// and no worker thread outlives the encoder.
@Suite struct ParallelGzipEncoderTests {
    /// The smallest block (one window), so block boundaries are cheap to reach.
    private static let block = BlockJob.window

    @Test(arguments: [0, 1, block - 1, block, block + 1, 3 * block + 17, 12 * block])
    func textOfEverySizeRoundTrips(size: Int) throws {
        for threads in [0, 1, 2, 3] {
            var random = SplitMix64(seed: UInt64(size * 10 + threads))
            let input = Samples.text(count: size, using: &random)
            let compressed = Samples.compress(input, threads: threads, blockSize: Self.block, using: &random)
            #expect(try Inflate.singleMember(compressed) == input, "threads \(threads)")
            #expect(try Gzip.decompress(compressed) == input, "threads \(threads)")
        }
    }

    /// Random bytes do not compress: deflate falls back to stored blocks, its worst case, which
    /// the output buffer of a block must hold.
    @Test(arguments: [block - 1, block, 5 * block + 3])
    func incompressibleBytesRoundTrip(size: Int) throws {
        var random = SplitMix64(seed: UInt64(size))
        let input = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let compressed = Samples.compress(input, threads: 2, blockSize: Self.block, using: &random)
        #expect(compressed.count < size + size / 100 + 64)
        #expect(try Inflate.singleMember(compressed) == input)
        #expect(try Gzip.decompress(compressed) == input)
    }

    /// The defaults the command line uses: pigz's block size, a thread per CPU.
    @Test func defaultsRoundTrip() throws {
        var random = SplitMix64(seed: 7)
        let input = Samples.text(count: 3 << 20, using: &random)
        let output = Collected()
        let encoder = ParallelGzipEncoder(writingTo: output)
        #expect(encoder.runningThreads == ParallelGzipEncoder<Collected>.onlineProcessors)
        input.withUnsafeBytes { encoder.writeAll($0) }
        encoder.finish()
        #expect(encoder.runningThreads == 0)
        #expect(try Inflate.singleMember(output.bytes) == input)
        #expect(try Gzip.decompress(output.bytes) == input)
    }

    /// A 16 KiB random pattern repeated: each block alone holds one copy of it and compresses to
    /// little less than that, but primed with the block before, every copy is a back-reference.
    /// Without the dictionary the output would be what one gzip member a block gives.
    @Test func dictionaryPrimesEveryBlock() throws {
        var random = SplitMix64(seed: 3)
        let pattern = (0..<(16 << 10)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let input = Array((0..<16).map { _ in pattern }.joined())
        let primed = Samples.compress(input, threads: 2, blockSize: Self.block, using: &random)
        let unprimed = stride(from: 0, to: input.count, by: Self.block).reduce(0) { total, start in
            total + Samples.singleThreaded(Array(input[start..<min(start + Self.block, input.count)])).count
        }
        #expect(unprimed > 8 * pattern.count)
        #expect(primed.count < 2 * pattern.count)
        #expect(try Inflate.singleMember(primed) == input)
    }

    @Test func headerMatchesZlibs() throws {
        var random = SplitMix64(seed: 5)
        let parallel = Samples.compress(Array("x".utf8), threads: 1, blockSize: Self.block, using: &random)
        #expect(parallel.prefix(10) == Samples.singleThreaded(Array("x".utf8)).prefix(10))
    }

    /// The destination fails mid-stream: the error is its own, again on every later call, and
    /// by then every worker has been joined.
    @Test(arguments: [0, 1, 2])
    func writeFailureSurfacesAndStopsTheWorkers(threads: Int) throws {
        var random = SplitMix64(seed: 11)
        let input = Samples.text(count: 40 * Self.block, using: &random)
        let encoder = ParallelGzipEncoder(writingTo: Failing(capacity: 5000), threads: threads, blockSize: Self.block)
        #expect(throws: Failing.Full.self) {
            try input.withUnsafeBytes { try encoder.writeAll($0) }
        }
        #expect(encoder.runningThreads == 0)
        #expect(throws: Failing.Full.self) { try input.withUnsafeBytes { try encoder.writeAll($0) } }
        #expect(throws: Failing.Full.self) { try encoder.finish() }
    }

    /// The trailer alone does not fit: the error comes from `finish`.
    @Test func failureInTheTrailerSurfacesFromFinish() throws {
        var random = SplitMix64(seed: 13)
        let input = Samples.text(count: 3 * Self.block, using: &random)
        let size = Samples.compress(input, threads: 2, blockSize: Self.block, using: &random).count
        let encoder = ParallelGzipEncoder(writingTo: Failing(capacity: size - 1), threads: 2, blockSize: Self.block)
        try input.withUnsafeBytes { try encoder.writeAll($0) }
        #expect(throws: Failing.Full.self) { try encoder.finish() }
        #expect(encoder.runningThreads == 0)
    }

    /// An encoder dropped mid-stream, blocks still queued (the engine threw, say): deinit stops
    /// and joins its workers, and returns.
    @Test(.timeLimit(.minutes(1)))
    func abandonedEncoderStopsItsWorkers() throws {
        var random = SplitMix64(seed: 17)
        let input = Samples.text(count: 20 * Self.block, using: &random)
        for threads in [1, 2, 4] {
            var encoder: ParallelGzipEncoder? = ParallelGzipEncoder(writingTo: Collected(), threads: threads, blockSize: Self.block)
            input.withUnsafeBytes { encoder?.writeAll($0) }
            #expect(encoder?.runningThreads == threads)
            encoder = nil
        }
    }
}

/// Test inputs and the encoder run over them.
enum Samples {
    /// SQL-like text: repeated words with random numbers, compressible as a dump is.
    static func text(count: Int, using random: inout SplitMix64) -> [UInt8] {
        let words = ["INSERT", "INTO", "`posts`", "VALUES", "('", "',", "NULL", "\\n", "ghost", "lock"]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 32)
        while bytes.count < count {
            bytes += Array(random.pick(words).utf8)
            bytes += Array(" \(random.int(0...99_999)) ".utf8)
        }
        return Array(bytes.prefix(count))
    }

    /// Compresses `input` written in random pieces, from single bytes to several blocks.
    static func compress(_ input: [UInt8], threads: Int, blockSize: Int, using random: inout SplitMix64) -> [UInt8] {
        let output = Collected()
        let encoder = ParallelGzipEncoder(writingTo: output, threads: threads, blockSize: blockSize)
        input.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let piece = min(bytes.count - offset, random.chance(30) ? random.int(1...16) : random.int(1...(3 * blockSize)))
                encoder.writeAll(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + piece)]))
                offset += piece
            }
        }
        encoder.finish()
        return output.bytes
    }

    /// One gzip member from `GzipEncoder`.
    static func singleThreaded(_ input: [UInt8]) -> [UInt8] {
        let output = Collected()
        let encoder = GzipEncoder(writingTo: output)
        input.withUnsafeBytes { encoder.writeAll($0) }
        encoder.finish()
        return output.bytes
    }
}

final class Collected: CompressedOutput {
    var bytes: [UInt8] = []

    func writeAll(_ bytes: UnsafeRawBufferPointer) {
        self.bytes += bytes
    }
}

/// A destination that takes `capacity` bytes, then fails as a full disk does.
final class Failing: CompressedOutput {
    struct Full: Error {}
    private var room: Int

    init(capacity: Int) { room = capacity }

    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Full) {
        guard bytes.count <= room else { throw Full() }
        room -= bytes.count
    }
}

/// zlib's inflate with gzip framing, required to end exactly at the end of the data: one
/// member, nothing after it.
enum Inflate {
    struct Failed: Error { let status: Int32 }

    static func singleMember(_ compressed: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init(&stream, 16 + MAX_WBITS) == Z_OK else { throw Failed(status: Z_STREAM_ERROR) }
        defer { inflateEnd(&stream) }
        var input = compressed
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        return try input.withUnsafeMutableBufferPointer { input in
            stream.next_in = input.baseAddress
            stream.avail_in = UInt32(input.count)
            while true {
                let (status, produced) = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return (inflate(&stream, Z_NO_FLUSH), out.count - Int(stream.avail_out))
                }
                result += buffer[..<produced]
                if status == Z_STREAM_END { break }
                guard status == Z_OK else { throw Failed(status: status) }
            }
            guard stream.avail_in == 0 else { throw Failed(status: Z_DATA_ERROR) }
            return result
        }
    }
}

/// The system's gzip(1), the reader users have.
enum Gzip {
    struct Failed: Error { let stderr: String }

    static func decompress(_ compressed: [UInt8]) throws -> [UInt8] {
        let gzip = try #require(Subprocess.which("gzip"), "gzip(1) is needed")
        let result = try Subprocess.run(gzip, ["-dc"], stdin: .data(Data(compressed)))
        guard result.status == 0 else { throw Failed(stderr: result.stderr) }
        return Array(result.stdout)
    }
}
