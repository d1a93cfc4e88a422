import CZlib

/// Compresses a stream as one gzip member (`-o FILE.gz`, `--gzip`), in constant memory: zlib's
/// state at level 6 is about 256 KiB, plus one output buffer written out as it fills.
public final class GzipEncoder<Output: CompressedOutput> {
    private let destination: Output
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 1)

    /// Level 6 is gzip(1)'s default: the usual size for the usual time.
    public init(writingTo destination: Output, level: Int32 = 6) {
        self.destination = destination
        stream.initialize(to: z_stream())
        // 16 + 15: a gzip header and trailer around the deflate data, the largest window.
        let status = czlib_deflate_init(stream, level, 16 + MAX_WBITS)
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Output.Failure) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(bytes.count)
        while stream.pointee.avail_in > 0 {
            _ = try deflateStep(Z_NO_FLUSH)
        }
    }

    public func finish() throws(Output.Failure) {
        while try deflateStep(Z_FINISH) != Z_STREAM_END {}
    }

    /// One deflate call into the output buffer, whose content is then written out. With memory
    /// allocated and the stream well formed, deflate cannot fail, so any other status is a bug.
    private func deflateStep(_ flush: Int32) throws(Output.Failure) -> Int32 {
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = deflate(stream, flush)
        precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "deflate failed: \(status)")
        let produced = output.count - Int(stream.pointee.avail_out)
        try destination.writeAll(UnsafeRawBufferPointer(rebasing: output[..<produced]))
        return status
    }
}
