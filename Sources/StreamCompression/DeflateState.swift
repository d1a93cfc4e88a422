import CZlib

/// One zlib deflate `z_stream`, owned: set up when made, ended when dropped. The one place that
/// knows how to make and prime one, for `DeflateStream` and `RawDeflater`.
struct DeflateState: ~Copyable {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    /// `windowBits` as zlib takes it: 16 + 15 for a gzip member, -15 for raw deflate.
    init(level: Int32, windowBits: Int32) {
        stream.initialize(to: z_stream())
        let status = czlib_deflate_init(stream, level, windowBits)
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Before any input: what back-references may reach into (raw streams only).
    func setDictionary(_ window: UnsafeRawBufferPointer) {
        guard let base = window.baseAddress, !window.isEmpty else { return }
        let status = deflateSetDictionary(stream, base.assumingMemoryBound(to: UInt8.self), UInt32(window.count))
        precondition(status == Z_OK, "deflateSetDictionary failed: \(status)")
    }
}
