import UnlockDump

/// `--check` promises to write no dump, whatever the engine hands over.
struct DiscardingSink: DumpSink {
    func write(_ bytes: UnsafeRawBufferPointer) {}
}
