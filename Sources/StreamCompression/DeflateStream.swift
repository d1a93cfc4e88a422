import CZlib

/// One zlib deflate stream writing to an output as its buffer fills: the gzip encoder's (with
/// gzip framing) and the splicer's (raw, primed to continue a stream cut at a block boundary).
final class DeflateStream<Output: CompressedOutput> {
    private let destination: Output
    private let state: DeflateState
    private var stream: UnsafeMutablePointer<z_stream> { state.stream }
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 1)

    /// `windowBits` as zlib takes it: 16 + 15 for a gzip member, -15 for raw deflate.
    init(writingTo destination: Output, level: Int32, windowBits: Int32) {
        self.destination = destination
        state = DeflateState(level: level, windowBits: windowBits)
    }

    deinit {
        output.deallocate()
    }

    /// Before any input: what back-references may reach into (raw streams only).
    func setDictionary(_ window: [UInt8]) {
        window.withUnsafeBytes { state.setDictionary($0) }
    }

    /// Before any input: the low `bits` of `value` go out first, ahead of the first block.
    func prime(bits: Int, value: UInt8) {
        guard bits > 0 else { return }
        let status = deflatePrime(stream, Int32(bits), Int32(value))
        precondition(status == Z_OK, "deflatePrime failed: \(status)")
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(Output.Failure) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(bytes.count)
        while stream.pointee.avail_in > 0 {
            _ = try step(Z_NO_FLUSH)
        }
    }

    /// `Z_FINISH` ends the stream (the last block, and gzip's trailer); `Z_SYNC_FLUSH` ends the
    /// blocks so far on a byte boundary, with no last-block mark, for more blocks to follow.
    func flush(_ mode: Int32) throws(Output.Failure) {
        if mode == Z_FINISH {
            while try step(Z_FINISH) != Z_STREAM_END {}
        } else {
            // Done when deflate had room to spare: nothing of the flush is pending.
            while try step(mode) == 0 {}
        }
    }

    /// One deflate call into the output buffer, whose content is then written out; returns the
    /// status for `Z_FINISH`, else the room left. With memory allocated and the stream well
    /// formed, deflate cannot fail, so any other status is a bug.
    private func step(_ flush: Int32) throws(Output.Failure) -> Int32 {
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = deflate(stream, flush)
        precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "deflate failed: \(status)")
        let produced = output.count - Int(stream.pointee.avail_out)
        try destination.writeAll(UnsafeRawBufferPointer(rebasing: output[..<produced]))
        return flush == Z_FINISH ? status : Int32(stream.pointee.avail_out)
    }
}
