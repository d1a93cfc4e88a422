import CZstd

/// The first bytes of the zstd frame being decoded, gathered across input chunks. libzstd refuses
/// a frame whose window is over the limit without saying how large it is; the frame's header
/// says, and at most 18 bytes of it are kept.
struct ZstdFrameHead {
    private static let capacity = Int(ZSTD_FRAMEHEADERSIZE_MAX)
    /// Where the frame starts in the compressed input.
    private(set) var offset = 0
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(Self.capacity)
    }

    mutating func begin(at offset: Int) {
        self.offset = offset
        bytes.removeAll(keepingCapacity: true)
    }

    /// Keeps those of the header's bytes that `chunk` holds; `chunkOffset` is where the chunk
    /// starts in the input. Calling it twice for one chunk keeps nothing twice.
    mutating func gather(_ chunk: UnsafeRawBufferPointer, at chunkOffset: Int) {
        let next = offset + bytes.count - chunkOffset
        guard bytes.count < Self.capacity, next >= 0, next < chunk.count else { return }
        let end = min(chunk.count, next + Self.capacity - bytes.count)
        bytes.append(contentsOf: chunk[next..<end])
    }

    /// The window the frame asks for, once its header is complete.
    func windowSize() -> UInt64? {
        var header = ZSTD_frameHeader()
        let status = bytes.withUnsafeBytes { ZSTD_getFrameHeader(&header, $0.baseAddress, $0.count) }
        return status == 0 ? header.windowSize : nil
    }
}
