import CZlib

/// gzip's CRC-32, with the algebra the splicer needs: a member's CRC is rebuilt from the CRCs
/// of its pieces, so the bytes that are kept never have to be read again to check them.
enum CRC32 {
    static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(crc32(UInt(crc), base.assumingMemoryBound(to: UInt8.self), UInt32(bytes.count)))
    }

    /// The CRC of `a` followed by `b`, from the CRCs of both and the length of `b`.
    static func combine(_ a: UInt32, _ b: UInt32, secondLength: Int) -> UInt32 {
        UInt32(crc32_combine(UInt(a), UInt(b), off_t(secondLength)))
    }

    /// The CRC of `b` from that of `a` followed by `b`, that of `a` and the length of `b`.
    /// `combine` is linear: `combine(a, b, n) == combine(a, 0, n) ^ b`, so `b` is what is left.
    static func suffix(of whole: UInt32, prefix: UInt32, suffixLength: Int) -> UInt32 {
        whole ^ combine(prefix, 0, secondLength: suffixLength)
    }
}
