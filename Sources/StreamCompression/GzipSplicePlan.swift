/// What a splice rewrites: the gzip members that hold edits, each with its regions: runs of
/// edits, each with where to resume inflating before its first edit. Every byte of the compressed input outside these members is copied as
/// it is. Made by `GzipSpliceIndex` while the dump is read; carried out by `GzipSplicer`.
public struct GzipSplicePlan: Sendable {
    /// The edited members, in input order.
    let members: [GzipMemberRecord]
    /// Compressed bytes of the whole input.
    public let inputSize: Int
    /// Bytes of the whole input, decompressed.
    public let uncompressedSize: Int

    /// Uncompressed bytes the splice inflates and deflates again, about: from each region's
    /// resume point to a window past its last edit (the block boundary the original is taken up
    /// at comes later still). The caller may prefer plain recompression when this is most of it.
    public var rewrittenBytesEstimate: Int {
        members.reduce(0) { sum, member in
            sum + member.regions.reduce(0) { $0 + $1.clearOfEdits - $1.resume.memberOffset }
        }
    }
}

/// One byte replacement in a member's uncompressed bytes.
public struct SpliceEdit: Sendable, Equatable {
    /// Offset of the first replaced byte, from the start of the whole uncompressed input.
    public var offset: Int
    /// How many bytes are replaced (0: an insertion).
    public var length: Int
    public var replacement: [UInt8]

    public init(offset: Int, length: Int, replacement: [UInt8]) {
        self.offset = offset
        self.length = length
        self.replacement = replacement
    }

    var end: Int { offset + length }
}

/// A run of a member's edits, recompressed from one resume point: edits closer than a window
/// (and a checkpoint spacing) to the one before share its region.
struct SpliceRegion: Sendable {
    let resume: DeflateCheckpoint
    /// Member offset a window past the region's last edit: the original may be taken up again
    /// at a block boundary from there on.
    var clearOfEdits: Int
}

/// A deflate block boundary where inflating can resume without what came before: its place in
/// the compressed bits, and the 32 KiB window that later back-references may reach into.
struct DeflateCheckpoint: Sendable {
    /// Deflate's window: how far back a back-reference may reach.
    static let windowSize = 1 << 15

    /// Uncompressed offset from the member's start.
    let memberOffset: Int
    /// Position of the block's first bit, counted from the compressed input's first byte
    /// (deflate packs bits from the lowest of each byte up).
    let bitPosition: Int
    /// CRC-32 of the member's bytes before this point.
    let crc: UInt32
    /// Up to the last 32 KiB of uncompressed bytes before this point.
    let window: [UInt8]
}

/// A gzip member as the index saw it.
struct GzipMemberRecord: Sendable {
    /// Compressed offset of its first header byte.
    let start: Int
    /// Uncompressed offset of its first byte in the whole input.
    let uncompressedStart: Int
    /// Set when the member ended: the compressed offset just past its trailer.
    var end: Int?
    /// Uncompressed length and CRC-32, as its trailer says.
    var length = 0
    var crc: UInt32 = 0
    /// Resume points that may still precede a coming edit, past those of the edits so far.
    var checkpoints: [DeflateCheckpoint] = []
    /// Member offset of the newest resume point seen, kept or not.
    var lastCheckpointOffset = 0
    /// Its edits, in order, with offsets in the whole input.
    var edits: [SpliceEdit] = []
    /// Its edits in runs, each recompressed from its own resume point.
    var regions: [SpliceRegion] = []

    /// Whether an edit of `length` bytes at `offset` lies wholly inside the member (so far).
    func contains(_ offset: Int, length editLength: Int) -> Bool {
        offset >= uncompressedStart && (end == nil || offset + editLength <= uncompressedStart + length)
    }
}
