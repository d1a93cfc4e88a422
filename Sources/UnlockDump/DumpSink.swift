/// Where patched bytes go. The engine hands over spans of its input buffers directly, so a sink
/// must copy or write them before returning.
public protocol DumpSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}
