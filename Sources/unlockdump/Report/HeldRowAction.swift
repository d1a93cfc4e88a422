import UnlockDump

/// What is (or would be) done with a held row, as both reports name it.
enum HeldRowAction: String {
    /// A lock's values rewritten in place.
    case release
    /// A row that is the lock, removed.
    case remove
    /// A failed migration repaired (`--repair`): its row removed or marked.
    case repair
    /// A `--set` rewrite.
    case set
}

extension HeldLock {
    var action: HeldRowAction {
        if repair != nil { return .repair }
        if removed { return .remove }
        return family == nil ? .set : .release
    }
}
