/// CRC-32 and length of a byte stream: what gzip's trailer holds, kept for a whole dump so two
/// ways of writing it can be compared without keeping either.
public struct StreamChecksum: Sendable, Equatable {
    public private(set) var crc: UInt32 = 0
    public private(set) var length = 0

    public init() {}

    /// A stream that starts with bytes of this CRC and length.
    init(crc: UInt32, length: Int) {
        self.crc = crc
        self.length = length
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        crc = CRC32.checksum(bytes, continuing: crc)
        length += bytes.count
    }

    /// Bytes known by their CRC and length only.
    mutating func append(crc more: UInt32, length count: Int) {
        crc = CRC32.combine(crc, more, secondLength: count)
        length += count
    }
}
