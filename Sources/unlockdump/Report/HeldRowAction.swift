import UnlockDump

extension HeldLock {
    /// What is (or would be) done with the row, as both reports name it: a lock released in
    /// place or removed, a `--set` rewrite, a failed migration repaired.
    var action: String {
        if repair != nil { return "repair" }
        if removed { return "remove" }
        return family == nil ? "set" : "release"
    }
}
