import CZlib

/// Compresses a stream as one gzip member (`-o FILE.gz`, `--gzip`), in constant memory: zlib's
/// state at level 6 is about 256 KiB, plus one output buffer written out as it fills.
public final class GzipEncoder<Output: CompressedOutput> {
    private let deflater: DeflateStream<Output>

    /// Level 6 is gzip(1)'s default: the usual size for the usual time.
    public init(writingTo destination: Output, level: Int32 = 6) {
        // 16 + 15: a gzip header and trailer around the deflate data, the largest window.
        deflater = DeflateStream(writingTo: destination, level: level, windowBits: 16 + MAX_WBITS)
    }

    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Output.Failure) {
        try deflater.write(bytes)
    }

    public func finish() throws(Output.Failure) {
        try deflater.flush(Z_FINISH)
    }
}
