/// A zstd input that cannot be decoded to the end. Like a corrupt gzip input it earns exit 3 and
/// names the offset in the compressed input, which is what `cmp` or `dd` can look at.
public struct CorruptZstd: Error, CustomStringConvertible {
    public enum Kind: Sendable {
        /// libzstd refused the data there; its own message says why.
        case corrupt(zstdMessage: String)
        /// The input ended inside a frame (a copy cut short, a download not finished).
        case truncated
        /// The frame starting there needs more history than the decoder keeps in memory: made
        /// with `zstd --long`, `--ultra` or pg_dump's `zstd:long`.
        case windowTooLarge(windowBytes: UInt64)
    }

    public let kind: Kind
    /// Compressed bytes consumed when libzstd stopped; for a window too large, where that frame
    /// starts.
    public let offset: Int

    public var description: String {
        switch kind {
        case .corrupt(let message): return "zstd stream corrupt at byte \(offset) (\(message))"
        case .truncated: return "zstd stream truncated at byte \(offset)"
        case .windowTooLarge(let window):
            let needed = Self.mebibytes(window), limit = Self.mebibytes(ZstdDecoder.windowLimit)
            return "zstd frame at byte \(offset) needs a \(needed) MiB window (made with --long or --ultra?); "
                + "unlockdump decodes windows up to \(limit) MiB; decompress it first: zstd -dc --memory=\(needed)MB FILE | unlockdump"
        }
    }

    /// Rounded up: the memory a frame needs is at least what the message names.
    private static func mebibytes(_ bytes: UInt64) -> UInt64 {
        (bytes + (1 << 20) - 1) >> 20
    }
}
