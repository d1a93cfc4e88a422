/// Where patched bytes go. The engine hands over spans of its input buffers directly, so a sink
/// must copy or write them before returning.
public protocol DumpSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
    /// A held row, as it is found (before its bytes are written), so a report can be streamed:
    /// `PatchReport` lists only the first `PatchReport.heldLockLimit`.
    mutating func heldRow(_ lock: HeldLock)
    /// One replacement, just before the row that holds it is written. Its offset is in the input,
    /// so a sink can tell where the output differs from the input without comparing them (the
    /// gzip splicer keeps everything else of the compressed input as it was).
    mutating func replaced(_ edit: ByteEdit)
}

extension DumpSink {
    /// Most sinks only write: held rows are in the report anyway.
    public mutating func heldRow(_ lock: HeldLock) {}

    /// Most sinks take the bytes as they come.
    public mutating func replaced(_ edit: ByteEdit) {}
}

/// Collects everything the engine writes, for a dump patched in memory.
public struct CollectingSink: DumpSink {
    /// The patched bytes so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }
}
