import UnlockDump

/// The engine hands over many small spans (a statement's head, one literal); one write(2) each
/// would dominate the run time. They are gathered in one reused buffer, while spans too big to
/// gain from a copy go straight to the descriptor once what came before them is flushed.
final class BufferedSink: DumpSink {
    private let descriptor: FileDescriptor
    private let buffer: UnsafeMutableRawBufferPointer
    private var used = 0

    init(_ descriptor: FileDescriptor, capacity: Int = 1 << 20) {
        self.descriptor = descriptor
        self.buffer = .allocate(byteCount: capacity, alignment: 1)
    }

    deinit {
        buffer.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if bytes.count > buffer.count - used {
            try flush()
            if bytes.count >= buffer.count / 2 {
                try descriptor.writeAll(bytes)
                return
            }
        }
        UnsafeMutableRawBufferPointer(rebasing: buffer[used...]).copyMemory(from: bytes)
        used += bytes.count
    }

    func flush() throws(FileError) {
        guard used > 0 else { return }
        try descriptor.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<used]))
        used = 0
    }
}
