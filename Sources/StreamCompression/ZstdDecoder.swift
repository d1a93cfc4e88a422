import CZstd

/// Decodes a zstd input chunk by chunk, in bounded memory: the frame's window (at most
/// `windowLimit`) and one output buffer. Frames one after the other (`cat a.zst b.zst`) are one
/// input, as zstd(1) reads them, and skippable frames (metadata some tools write) are passed over.
public final class ZstdDecoder: StreamDecoder {
    /// 2^25 bytes. zstd's levels 1 to 19 never use more than 8 MiB; only `--long`, `--ultra`
    /// and pg_dump's `zstd:long` ask for more (128 MiB and up), and memory must stay bounded.
    public static let windowLimit: UInt64 = 1 << windowLogLimit
    private static let windowLogLimit: Int32 = 25
    /// A frame's first call: its magic number and header descriptor, after which libzstd's hints
    /// say how much more of the header it needs.
    private static let frameStartInput = 5

    private let context: OpaquePointer
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 1)
    /// Compressed bytes consumed by earlier calls, for the offsets in errors.
    private var consumed = 0
    /// A frame was begun and has not ended yet.
    private var frameOpen = false
    /// Input for the next call: libzstd's hint, one block and the next block's header. On an
    /// error libzstd does not say how far it read, so the offset named is where the refused
    /// call's input began; calls of one block each make that the start of the bad block.
    private var nextInput = frameStartInput
    private var frameHead = ZstdFrameHead()

    public init() {
        guard let context = ZSTD_createDCtx() else { preconditionFailure("ZSTD_createDCtx failed") }
        self.context = context
        let status = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, Self.windowLogLimit)
        precondition(ZSTD_isError(status) == 0, "ZSTD_d_windowLogMax refused")
    }

    deinit {
        ZSTD_freeDCtx(context)
        output.deallocate()
    }

    public func decode(_ input: UnsafeRawBufferPointer, into body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        var source = ZSTD_inBuffer(src: base, size: input.count, pos: 0)
        frameHead.gather(input, at: consumed)
        defer { consumed += input.count }
        // Runs until the input is used up and the last call left output room (no output pending).
        while true {
            source.size = min(input.count, source.pos + nextInput)
            var sink = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
            let status = ZSTD_decompressStream(context, &sink, &source)
            if ZSTD_isError(status) != 0 { throw failure(status, at: consumed + source.pos) }
            if sink.pos > 0 { try body(UnsafeRawBufferPointer(rebasing: output[..<sink.pos])) }
            // 0: a frame ended here and all of it was handed out; the next one starts here.
            frameOpen = status != 0
            nextInput = frameOpen ? status : Self.frameStartInput
            if !frameOpen {
                frameHead.begin(at: consumed + source.pos)
                frameHead.gather(input, at: consumed)
            }
            if source.pos == input.count && sink.pos < sink.size { return }
        }
    }

    public func finish() throws(CorruptZstd) {
        guard !frameOpen else { throw CorruptZstd(kind: .truncated, offset: consumed) }
    }

    private func failure(_ status: Int, at offset: Int) -> CorruptZstd {
        if ZSTD_getErrorCode(status) == ZSTD_error_frameParameter_windowTooLarge, let window = frameHead.windowSize() {
            return CorruptZstd(kind: .windowTooLarge(windowBytes: window), offset: frameHead.offset)
        }
        return CorruptZstd(kind: .corrupt(zstdMessage: String(cString: ZSTD_getErrorName(status))), offset: offset)
    }
}
