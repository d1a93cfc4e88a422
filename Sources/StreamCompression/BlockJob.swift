import CZlib

/// One block of input on its way through the parallel encoder, with room for what it compresses
/// to. The encoder fills it and hands it to a worker, which compresses it and takes its CRC; the
/// encoder then writes it out and fills it again. Whoever holds it alone touches its bytes:
/// `CompressionWorkers` hands it over under its lock.
final class BlockJob: @unchecked Sendable {
    /// deflate's window: matches reach at most this far back, so this much of the input before
    /// a block is all it needs of it.
    static let window = 32 << 10

    let capacity: Int
    /// The previous block's last `window` bytes, then the block.
    private let input: UnsafeMutableRawBufferPointer
    private let output: UnsafeMutableRawBufferPointer
    private var dictionaryCount = 0
    private(set) var count = 0
    private var compressedCount = 0
    /// CRC-32 of the block alone; the encoder combines them in order.
    private(set) var crc: UInt = 0
    /// Closes the deflate stream (BFINAL); every other block ends byte-aligned, so the next
    /// block's deflate data can follow it directly.
    var isLast = false
    /// Whether `compressed` is ready; read and written under the workers' lock only.
    var isDone = false

    init(capacity: Int) {
        precondition(capacity >= Self.window, "a block must hold a whole window")
        self.capacity = capacity
        input = .allocate(byteCount: Self.window + capacity, alignment: 16)
        // compressBound covers deflate's worst case (stored blocks) in one call; the margin is
        // the empty stored block a sync flush adds.
        output = .allocate(byteCount: Int(compressBound(UInt(capacity))) + 16, alignment: 16)
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    var room: Int { capacity - count }

    var compressed: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: output[..<compressedCount]) }

    private var block: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(rebasing: input[Self.window..<(Self.window + count)])
    }

    /// Empties the job for the block after `previous` (nil: the first), whose end it keeps as the
    /// dictionary. `previous` may be with a worker meanwhile: both only read its input.
    func start(after previous: BlockJob?) {
        count = 0
        isLast = false
        dictionaryCount = previous == nil ? 0 : Self.window
        guard let previous else { return }
        let tail = previous.input[(previous.count)..<(previous.count + Self.window)]
        UnsafeMutableRawBufferPointer(rebasing: input[..<Self.window]).copyMemory(from: UnsafeRawBufferPointer(rebasing: tail))
    }

    /// Copies as much of `bytes` as there is room for; returns how many.
    func append(_ bytes: UnsafeRawBufferPointer) -> Int {
        let taken = min(room, bytes.count)
        let destination = UnsafeMutableRawBufferPointer(rebasing: input[(Self.window + count)...])
        destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<taken]))
        count += taken
        return taken
    }

    /// Compresses the block and takes its CRC, on a worker's thread.
    func compress(with deflater: RawDeflater) {
        let block = UnsafeRawBufferPointer(block)
        compressedCount = deflater.compress(
            block, dictionary: UnsafeRawBufferPointer(rebasing: input[..<dictionaryCount]), into: output, isLast: isLast)
        crc = CZlib.crc32(0, block.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt32(count))
    }
}
