/// What the engine should do with the lock rows it finds.
public enum PatchMode: Sendable {
    /// Rewrite held locks to released and write the whole dump.
    case release
    /// Write nothing; only report which locks are held.
    case check
}

public struct PatchOptions: Sendable {
    /// The dump's dialect, or `nil` to decide it from the dump's own markers.
    public var dialect: Dialect?
    public var mode: PatchMode
    /// A lock-table row is the only thing ever buffered; past this size the dump is refused.
    public var maxLockRowBytes: Int

    public init(dialect: Dialect? = nil, mode: PatchMode = .release, maxLockRowBytes: Int = 1 << 20) {
        self.dialect = dialect
        self.mode = mode
        self.maxLockRowBytes = maxLockRowBytes
    }
}
