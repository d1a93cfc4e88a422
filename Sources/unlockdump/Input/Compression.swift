import StreamCompression

/// How a dump's bytes are wrapped, on the way in or out. The input's is told by its first bytes,
/// not its name (stdin has none, and names lie); the output's by `--gzip`, the `-o` name, or, with
/// `--in-place`, the input's.
enum Compression: String {
    case none, gzip, zstd

    /// The bytes `detect` needs: a zstd frame's magic number.
    static let magicLength = 4

    /// gzip is `1f 8b`; zstd is a frame (`28 b5 2f fd`) or a skippable frame (`5? 2a 4d 18`),
    /// which zstd(1) passes over, so a file may start with one.
    static func detect(_ head: UnsafeRawBufferPointer) -> Compression {
        if head.starts(with: [0x1F, 0x8B]) { return .gzip }
        if head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if head.count >= 4, head[0] & 0xF0 == 0x50, head[1...3].elementsEqual([0x2A, 0x4D, 0x18]) { return .zstd }
        return .none
    }

    /// What an `-o` name says: `.gz` and `.zst`, the suffixes gzip(1) and zstd(1) write.
    static func named(_ path: String) -> Compression {
        if path.hasSuffix(".gz") { return .gzip }
        if path.hasSuffix(".zst") { return .zstd }
        return .none
    }

    /// The decoder for an input compressed this way; `nil` for plain SQL. A gzip input read to
    /// be spliced tells `index` where its members and blocks lie.
    func makeDecoder(indexingInto index: GzipSpliceIndex? = nil) -> (any StreamDecoder)? {
        switch self {
        case .none: nil
        case .gzip: GzipDecoder(indexingInto: index)
        case .zstd: ZstdDecoder()
        }
    }
}
