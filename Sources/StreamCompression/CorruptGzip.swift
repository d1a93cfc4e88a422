/// A gzip input that cannot be inflated to the end. Like a malformed dump it earns exit 3, and it
/// says where: the offset in the compressed input, which is what `cmp` or `dd` can look at.
public struct CorruptGzip: Error, CustomStringConvertible {
    public enum Kind: Sendable {
        /// zlib refused the data there; its own message says why.
        case corrupt(zlibMessage: String)
        /// The input ended inside a gzip member (a copy cut short, a download not finished).
        case truncated
    }

    public let kind: Kind
    /// Compressed bytes consumed when zlib stopped.
    public let offset: Int

    public var description: String {
        switch kind {
        case .corrupt(let message): "gzip stream corrupt at byte \(offset) (\(message))"
        case .truncated: "gzip stream truncated at byte \(offset)"
        }
    }
}
