import CZlib

/// A raw deflate stream (no gzip or zlib framing) that compresses one whole block per call, for
/// a worker of the parallel encoder: the stream is reset and reused block after block, so its
/// 256 KiB of state is allocated once per thread.
final class RawDeflater {
    private let state: DeflateState
    private var stream: UnsafeMutablePointer<z_stream> { state.stream }

    init(level: Int32) {
        state = DeflateState(level: level, windowBits: -MAX_WBITS)  // raw deflate, a 32 KiB window
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
        state.setDictionary(dictionary)
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
