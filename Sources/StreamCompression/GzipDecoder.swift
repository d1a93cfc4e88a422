import CZlib

/// Inflates a gzip input chunk by chunk, in constant memory (zlib's 32 KiB window and one
/// output buffer). `cat a.gz b.gz` is a valid gzip file, as gzip(1) reads it: when a member ends
/// and input remains, the stream is reset for the next member.
public final class GzipDecoder {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 1)
    /// Compressed bytes consumed by earlier calls, for the offsets in errors.
    private var consumed = 0
    /// The last member ended exactly at the end of the input seen so far.
    private var memberEnded = false

    public init() {
        stream.initialize(to: z_stream())
        // 16 + 15: gzip framing only (a zlib or raw stream is corrupt input), the largest window.
        let status = czlib_inflate_init(stream, 16 + MAX_WBITS)
        precondition(status == Z_OK, "inflateInit2 failed: \(status)")
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
        // Runs until the input is used up and the last call left output room (no output pending).
        while true {
            if memberEnded {
                guard stream.pointee.avail_in > 0 else { return }
                inflateReset(stream)
                memberEnded = false
            }
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_out = UInt32(output.count)
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try body(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
            switch status {
            case Z_STREAM_END:
                memberEnded = true
            case Z_OK where stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0:
                continue
            case Z_OK, Z_BUF_ERROR:
                return  // everything consumed; the member goes on in the next chunk
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw CorruptGzip(kind: .corrupt(zlibMessage: message), offset: consumed + input.count - Int(stream.pointee.avail_in))
            }
        }
    }

    /// At the end of the input: a member still open means the file was cut short.
    public func finish() throws(CorruptGzip) {
        guard memberEnded else { throw CorruptGzip(kind: .truncated, offset: consumed) }
    }
}
