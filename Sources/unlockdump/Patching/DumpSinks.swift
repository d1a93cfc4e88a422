import UnlockDump

/// Passes the dump on, and hands each held row to the report as the engine finds it: the text
/// report on stderr is streamed, so it lists every row while memory stays flat.
struct ReportingSink<Base: DumpSink>: DumpSink {
    var base: Base
    let onHeldRow: ((HeldLock) -> Void)?

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        try base.write(bytes)
    }

    mutating func heldRow(_ lock: HeldLock) {
        onHeldRow?(lock)
    }

    mutating func replaced(_ edit: ByteEdit) {
        base.replaced(edit)
    }
}

/// `--check` promises to write no dump, whatever the engine hands over.
struct DiscardingSink: DumpSink {
    func write(_ bytes: UnsafeRawBufferPointer) {}
}
