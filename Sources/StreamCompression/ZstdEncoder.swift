import CZstd

/// Compresses a stream as one zstd frame (`-o FILE.zst`, `--in-place` on a zstd file), in
/// constant memory: at level 3 libzstd keeps a 2 MiB window and its tables, plus one output
/// buffer written out as it fills.
public final class ZstdEncoder<Output: CompressedOutput> {
    private let destination: Output
    private let context: OpaquePointer
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 1)

    /// Level 3 and a checksum are zstd(1)'s defaults: `zstd -t` then verifies the file too.
    public init(writingTo destination: Output, level: Int32 = 3) {
        self.destination = destination
        guard let context = ZSTD_createCCtx() else { preconditionFailure("ZSTD_createCCtx failed") }
        self.context = context
        for (parameter, value) in [(ZSTD_c_compressionLevel, level), (ZSTD_c_checksumFlag, 1)] {
            precondition(ZSTD_isError(ZSTD_CCtx_setParameter(context, parameter, value)) == 0, "zstd parameter refused")
        }
    }

    deinit {
        ZSTD_freeCCtx(context)
        output.deallocate()
    }

    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Output.Failure) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var source = ZSTD_inBuffer(src: base, size: bytes.count, pos: 0)
        while source.pos < source.size {
            _ = try compressStep(&source, ZSTD_e_continue)
        }
    }

    /// Ends the frame: the last block and the checksum.
    public func finish() throws(Output.Failure) {
        var nothing = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try compressStep(&nothing, ZSTD_e_end) != 0 {}
    }

    /// One ZSTD_compressStream2 call into the output buffer, whose content is then written out;
    /// returns what libzstd still holds back. With memory allocated and the parameters valid it
    /// cannot fail, so an error is a bug.
    private func compressStep(_ source: inout ZSTD_inBuffer, _ directive: ZSTD_EndDirective) throws(Output.Failure) -> Int {
        var sink = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        let remaining = ZSTD_compressStream2(context, &sink, &source, directive)
        precondition(ZSTD_isError(remaining) == 0, "ZSTD_compressStream2 failed: \(remaining)")
        try destination.writeAll(UnsafeRawBufferPointer(rebasing: output[..<sink.pos]))
        return remaining
    }
}
