/// Where patched bytes go. The engine hands over spans of its input buffers directly, so a sink
/// must copy or write them before returning.
public protocol DumpSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
    /// A held row, as it is found (before its bytes are written), so a report can be streamed:
    /// `PatchReport` lists only the first `PatchReport.heldLockLimit`.
    mutating func heldRow(_ lock: HeldLock)
}

extension DumpSink {
    /// Most sinks only write: held rows are in the report anyway.
    public mutating func heldRow(_ lock: HeldLock) {}
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
