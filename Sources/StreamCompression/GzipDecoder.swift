import CZlib

/// Inflates a gzip input chunk by chunk, in constant memory (zlib's 32 KiB window and one
/// output buffer). `cat a.gz b.gz` is a valid gzip file, as gzip(1) reads it: when a member ends
/// and input remains, the stream is reset for the next member.
///
/// Given a `GzipSpliceIndex`, it also stops at every deflate block boundary (zlib's `Z_BLOCK`)
/// to tell the index where members and blocks lie, so the input can later be spliced.
public final class GzipDecoder {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 1)
    private let index: GzipSpliceIndex?
    /// Compressed bytes consumed by earlier calls, for the offsets in errors and in the index.
    private var consumed = 0
    /// The last member ended exactly at the end of the input seen so far.
    private var memberEnded = false

    public init(indexingInto index: GzipSpliceIndex? = nil) {
        self.index = index
        stream.initialize(to: z_stream())
        // 16 + 15: gzip framing only (a zlib or raw stream is corrupt input), the largest window.
        let status = czlib_inflate_init(stream, 16 + MAX_WBITS)
        precondition(status == Z_OK, "inflateInit2 failed: \(status)")
        index?.beginMember(at: 0)
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Inflates `input` and hands each stretch of decompressed bytes to `body`.
    public func decode(_ input: UnsafeRawBufferPointer, into body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
        defer { consumed += input.count }
        var position: Int { consumed + input.count - Int(stream.pointee.avail_in) }
        // Runs until the input is used up and the last call left output room (no output pending).
        while true {
            if memberEnded {
                guard stream.pointee.avail_in > 0 else { return }
                inflateReset(stream)
                memberEnded = false
                index?.beginMember(at: position)
            }
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_out = UInt32(output.count)
            let status = inflate(stream, index == nil ? Z_NO_FLUSH : Z_BLOCK)
            if index != nil { noteBoundary(at: position) }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try body(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
            switch status {
            case Z_STREAM_END:
                memberEnded = true
                index?.endMember(at: position, length: Int(stream.pointee.total_out), crc: UInt32(stream.pointee.adler))
            case Z_OK where stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0:
                continue
            case Z_OK, Z_BUF_ERROR:
                return  // everything consumed; the member goes on in the next chunk
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw CorruptGzip(kind: .corrupt(zlibMessage: message), offset: position)
            }
        }
    }

    /// At the end of the input: a member still open means the file was cut short.
    public func finish() throws(CorruptGzip) {
        guard memberEnded else { throw CorruptGzip(kind: .truncated, offset: consumed) }
    }

    /// After an inflate call that stopped at a block boundary (bit 128 of `data_type`; its low
    /// bits are those of the last byte read that belong to what follows).
    private func noteBoundary(at position: Int) {
        let type = Int(stream.pointee.data_type)
        // Bit 64: the block just ended was the member's last; its trailer follows.
        guard type & (128 | 64) == 128, let index else { return }
        let bitPosition = 8 * position - (type & 7)
        let memberOffset = Int(stream.pointee.total_out)
        guard index.wantsCheckpoint(at: memberOffset) else { return }
        var window = [UInt8](repeating: 0, count: DeflateCheckpoint.windowSize)
        var length: UInt32 = 0
        window.withUnsafeMutableBufferPointer { _ = inflateGetDictionary(stream, $0.baseAddress, &length) }
        window.removeLast(window.count - Int(length))
        index.add(DeflateCheckpoint(memberOffset: memberOffset, bitPosition: bitPosition, crc: UInt32(stream.pointee.adler), window: window))
    }
}
