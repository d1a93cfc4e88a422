import CZlib

/// A raw deflate stream (no gzip or zlib framing) that compresses one whole block per call, for
/// a worker of the parallel encoder: the stream is reset and reused block after block, so its
/// 256 KiB of state is allocated once per thread.
final class RawDeflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    init(level: Int32) {
        stream.initialize(to: z_stream())
        // -15: raw deflate, the largest window (32 KiB).
        let status = czlib_deflate_init(stream, level, -MAX_WBITS)
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `block` into `output` in one call, matches reaching back into `dictionary`
    /// (the input just before the block). The last block ends the stream; any other ends
    /// byte-aligned and not final (a sync flush), so the next block's data can follow it.
    /// Returns the bytes written. `output` must hold deflate's worst case (`compressBound` and a
    /// few bytes for the flush): with memory allocated, deflate cannot fail, so running out of
    /// room, like any other error, is a bug and stops the program.
    func compress(_ block: UnsafeRawBufferPointer, dictionary: UnsafeRawBufferPointer,
                  into output: UnsafeMutableRawBufferPointer, isLast: Bool) -> Int {
        deflateReset(stream)
        if let base = dictionary.baseAddress, !dictionary.isEmpty {
            let status = deflateSetDictionary(stream, base.assumingMemoryBound(to: UInt8.self), UInt32(dictionary.count))
            precondition(status == Z_OK, "deflateSetDictionary failed: \(status)")
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: block.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(block.count)
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = deflate(stream, isLast ? Z_FINISH : Z_SYNC_FLUSH)
        let complete = stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0
        precondition(complete && status == (isLast ? Z_STREAM_END : Z_OK), "deflate failed: \(status)")
        return output.count - Int(stream.pointee.avail_out)
    }
}
