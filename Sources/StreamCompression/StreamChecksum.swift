/// CRC-32 and length of a byte stream: what gzip's trailer holds, kept for a whole dump so two
/// ways of writing it can be compared without keeping either.
public struct StreamChecksum: Sendable, Equatable {
    public private(set) var crc: UInt32 = 0
    public private(set) var length = 0

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        crc = CRC32.checksum(bytes, continuing: crc)
        length += bytes.count
    }
}
