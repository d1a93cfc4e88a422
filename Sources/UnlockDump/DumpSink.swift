/// Where patched bytes go. The engine hands over spans of its input buffers directly, so a sink
/// must copy or write them before returning.
public protocol DumpSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
    /// A held row, as it is found (before its bytes are written), so a report can be streamed:
    /// `PatchReport` lists only the first `PatchReport.heldLockLimit`.
    mutating func heldRow(_ lock: HeldLock)
}

extension DumpSink {
    public mutating func heldRow(_ lock: HeldLock) {}
}
