import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Compresses a stream as one gzip member on every core, as pigz does: the input is cut into
/// blocks that workers deflate independently, each primed with the 32 KiB before it so it
/// compresses nearly as well as one stream would. Every block but the last ends with a sync
/// flush (byte-aligned, not final), so the blocks concatenated are one deflate stream; the
/// per-block CRCs are combined for the trailer.
///
/// Memory is bounded by the blocks in flight, two per worker, whatever the input's size. Only
/// the caller's thread writes to the destination, so its errors surface from `writeAll` and
/// `finish` as its own; after one, or on deinit, every worker is stopped and joined.
public final class ParallelGzipEncoder<Output: CompressedOutput> {
    private let destination: Output
    private let level: Int32
    private let workers: CompressionWorkers
    private var filling: BlockJob
    /// Submitted blocks, oldest first: the order they are written in.
    private var inFlight: [BlockJob] = []
    private var idle: [BlockJob] = []
    private var crc: UInt = 0
    private var length: UInt64 = 0
    private var headerWritten = false
    private var finished = false
    /// The destination's error, thrown again by any later call.
    private var failure: Output.Failure?
    /// The header or the trailer on its way out.
    private let frame = UnsafeMutableRawBufferPointer.allocate(byteCount: 10, alignment: 1)

    /// - Parameters:
    ///   - threads: worker threads; 0 compresses on the caller's thread, block by block.
    ///   - blockSize: bytes a worker compresses at once, at least 32 KiB.
    public init(writingTo destination: Output, level: Int32 = 6,
                threads: Int = onlineProcessors, blockSize: Int = defaultBlockSize) {
        self.destination = destination
        self.level = level
        workers = CompressionWorkers(count: max(threads, 0), level: level)
        filling = BlockJob(capacity: blockSize)
        filling.start(after: nil)
        // Two blocks per worker, the one filling included: when the caller waits, each worker
        // has one compressing and one queued, so one that finishes early finds more work.
        idle = (1..<(2 * max(threads, 1))).map { _ in BlockJob(capacity: blockSize) }
    }

    deinit {
        workers.stop()
        frame.deallocate()
    }

    /// pigz's block size. On a generated mysqldump, 256 KiB and 1 MiB blocks come out only 0.13%
    /// and 0.14% smaller (all within 0.21% of gzip -6) for 0.7 and 5 MiB more peak RSS: the
    /// 16 MiB budget of a gzip round trip has room for neither.
    public static var defaultBlockSize: Int { 128 << 10 }

    /// The CPUs online now, at least 1.
    public static var onlineProcessors: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Worker threads not yet joined, for tests that check none is left behind.
    var runningThreads: Int { workers.runningThreads }

    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Output.Failure) {
        if let failure { throw failure }
        precondition(!finished, "write after finish")
        var rest = bytes
        while !rest.isEmpty {
            rest = UnsafeRawBufferPointer(rebasing: rest[filling.append(rest)...])
            if filling.room == 0 { try submitFilling(isLast: false) }
        }
    }

    /// Compresses what is left, waits for every block and writes the trailer.
    public func finish() throws(Output.Failure) {
        if let failure { throw failure }
        precondition(!finished, "finish called twice")
        finished = true
        try submitFilling(isLast: true)
        while !inFlight.isEmpty { try writeOldest() }
        try sendTrailer()
        workers.stop()
    }

    /// Hands the filled block to the workers and takes the next one to fill, waiting for the
    /// oldest block to be written if none is free.
    private func submitFilling(isLast: Bool) throws(Output.Failure) {
        let submitted = filling
        submitted.isLast = isLast
        length += UInt64(submitted.count)
        workers.submit(submitted)
        inFlight.append(submitted)
        guard !isLast else { return }
        if idle.isEmpty { try writeOldest() }
        filling = idle.removeLast()
        filling.start(after: submitted)
        while let oldest = inFlight.first, workers.isDone(oldest) { try writeOldest() }
    }

    private func writeOldest() throws(Output.Failure) {
        let job = inFlight.removeFirst()
        workers.waitUntilDone(job)
        if !headerWritten {
            try sendHeader()
            headerWritten = true
        }
        try send(job.compressed)
        crc = crc32_combine(crc, job.crc, off_t(job.count))
        idle.append(job)
    }

    private func send(_ bytes: UnsafeRawBufferPointer) throws(Output.Failure) {
        do {
            try destination.writeAll(bytes)
        } catch {
            failure = error
            workers.stop()
            throw error
        }
    }

    /// The header zlib writes, so the output starts as `GzipEncoder`'s: deflate, no name, no
    /// time, the extra flags zlib sets for the level (2 for the slowest, 4 for the fastest), Unix.
    private func sendHeader() throws(Output.Failure) {
        let extraFlags: UInt8 = level == 9 ? 2 : level < 2 ? 4 : 0
        try send(frame: [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, extraFlags, 3])
    }

    /// CRC-32 and length modulo 2^32, little-endian.
    private func sendTrailer() throws(Output.Failure) {
        let size = UInt32(truncatingIfNeeded: length)
        try send(frame: (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) })
    }

    /// Array's withUnsafeBytes does not pass a typed error through; the frame buffer does.
    private func send(frame bytes: [UInt8]) throws(Output.Failure) {
        frame.copyBytes(from: bytes)
        try send(UnsafeRawBufferPointer(rebasing: frame[..<bytes.count]))
    }
}
