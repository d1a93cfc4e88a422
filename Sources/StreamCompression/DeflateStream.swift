import CZlib

/// One zlib deflate stream, owned by whoever compresses with it: the single-threaded encoder, or
/// one worker of the parallel one. With memory allocated and the stream well formed, deflate
/// cannot fail, so a status other than progress is a bug and stops the program.
final class DeflateStream {
    /// What zlib writes around the deflate data.
    enum Framing {
        /// A gzip header and trailer: a whole member.
        case gzip
        /// Deflate data alone, for a block that becomes part of a member framed by someone else.
        case raw
    }

    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    init(level: Int32, framing: Framing) {
        stream.initialize(to: z_stream())
        // The largest window, 32 KiB; gzip framing is asked for by adding 16, raw by negating.
        let windowBits = framing == .gzip ? 16 + MAX_WBITS : -MAX_WBITS
        let status = czlib_deflate_init(stream, level, windowBits)
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    var hasInput: Bool { stream.pointee.avail_in > 0 }

    /// Back to the start of a stream, keeping the allocated state: one stream serves many blocks.
    func reset() {
        deflateReset(stream)
    }

    /// Primes the window with input that came before, so matches may reach back into it.
    func setDictionary(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let status = deflateSetDictionary(stream, base.assumingMemoryBound(to: UInt8.self), UInt32(bytes.count))
        precondition(status == Z_OK, "deflateSetDictionary failed: \(status)")
    }

    /// The bytes the next `deflate` calls read; they must stay valid until consumed.
    func setInput(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(bytes.count)
    }

    /// One deflate call into `output`; returns zlib's status and the bytes it wrote there.
    func deflate(into output: UnsafeMutableRawBufferPointer, flush: Int32) -> (status: Int32, produced: Int) {
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = CZlib.deflate(stream, flush)
        precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "deflate failed: \(status)")
        return (status, output.count - Int(stream.pointee.avail_out))
    }
}
