import CZlib

/// Compresses a stream as one gzip member (`-o FILE.gz`, `--gzip`), in constant memory: zlib's
/// state at level 6 is about 256 KiB, plus one output buffer written out as it fills.
public final class GzipEncoder<Output: CompressedOutput> {
    private let destination: Output
    private let stream: DeflateStream
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 1)

    /// Level 6 is gzip(1)'s default: the usual size for the usual time.
    public init(writingTo destination: Output, level: Int32 = 6) {
        self.destination = destination
        stream = DeflateStream(level: level, framing: .gzip)
    }

    deinit {
        output.deallocate()
    }

    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Output.Failure) {
        stream.setInput(bytes)
        while stream.hasInput {
            _ = try deflateStep(Z_NO_FLUSH)
        }
    }

    public func finish() throws(Output.Failure) {
        while try deflateStep(Z_FINISH) != Z_STREAM_END {}
    }

    /// One deflate call into the output buffer, whose content is then written out.
    private func deflateStep(_ flush: Int32) throws(Output.Failure) -> Int32 {
        let (status, produced) = stream.deflate(into: output, flush: flush)
        try destination.writeAll(UnsafeRawBufferPointer(rebasing: output[..<produced]))
        return status
    }
}
