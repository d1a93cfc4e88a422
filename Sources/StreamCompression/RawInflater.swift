import CZlib

/// Raw inflate from a deflate block boundary in the middle of a member: primed with the bits of
/// the boundary's byte that belong to the block, and with the window before it. It stops at each
/// block boundary (`Z_BLOCK`) so the splicer can take the original stream up again there.
final class RawInflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    /// `byte` is the compressed byte that holds the checkpoint's first bit.
    init(resumingAt checkpoint: DeflateCheckpoint, byte: UInt8) {
        stream.initialize(to: z_stream())
        let status = czlib_inflate_init(stream, -MAX_WBITS)
        precondition(status == Z_OK, "inflateInit2 failed: \(status)")
        let bitsBefore = checkpoint.bitPosition & 7
        if bitsBefore > 0 {
            inflatePrime(stream, Int32(8 - bitsBefore), Int32(byte >> UInt8(bitsBefore)))
        }
        if !checkpoint.window.isEmpty {
            let status = checkpoint.window.withUnsafeBufferPointer { inflateSetDictionary(stream, $0.baseAddress, UInt32($0.count)) }
            precondition(status == Z_OK, "inflateSetDictionary failed: \(status)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Compressed bytes of the current input not consumed yet.
    var unconsumed: Int { Int(stream.pointee.avail_in) }
    /// Uncompressed bytes produced since the checkpoint.
    var produced: Int { Int(stream.pointee.total_out) }
    /// The last call stopped at a block boundary that is not the stream's end.
    var atBoundary: Bool { stream.pointee.data_type & (128 | 64) == 128 }
    /// Bits of the last byte consumed that belong to what follows.
    var unusedBits: Int { Int(stream.pointee.data_type & 7) }

    func setInput(_ input: UnsafeRawBufferPointer) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
    }

    /// Inflates into `output` up to the next block boundary; returns the bytes produced and
    /// whether the deflate stream ended. `offset` (of the input's first byte) is for errors.
    func step(into output: UnsafeMutableRawBufferPointer, inputOffset offset: Int) throws(CorruptGzip) -> (UnsafeRawBufferPointer, ended: Bool) {
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = inflate(stream, Z_BLOCK)
        let bytes = UnsafeRawBufferPointer(rebasing: output[..<(output.count - Int(stream.pointee.avail_out))])
        switch status {
        case Z_OK, Z_BUF_ERROR: return (bytes, false)
        case Z_STREAM_END: return (bytes, true)
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw CorruptGzip(kind: .corrupt(zlibMessage: message), offset: offset)
        }
    }
}
