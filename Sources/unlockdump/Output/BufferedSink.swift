import UnlockDump

/// The engine hands over many small spans (a statement's head, one literal); one write(2) each
/// would dominate the run time (one deflate call each, with `--gzip`). They are gathered in one
/// reused buffer, while spans too big to gain from a copy go straight to the output once what
/// came before them is flushed.
final class BufferedSink: DumpSink {
    private let output: any ByteOutput
    private let buffer: UnsafeMutableRawBufferPointer
    private var used = 0

    init(_ output: any ByteOutput, capacity: Int = 1 << 20) {
        self.output = output
        self.buffer = .allocate(byteCount: capacity, alignment: 1)
    }

    deinit {
        buffer.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if bytes.count >= buffer.count / 2 {
            try flush()
            try output.writeAll(bytes)
            return
        }
        if bytes.count > buffer.count - used { try flush() }
        UnsafeMutableRawBufferPointer(rebasing: buffer[used...]).copyMemory(from: bytes)
        used += bytes.count
    }

    /// Writes every gathered byte and whatever the output still holds back; called once, last.
    func finish() throws(FileError) {
        try flush()
        try output.finish()
    }

    private func flush() throws(FileError) {
        guard used > 0 else { return }
        try output.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<used]))
        used = 0
    }
}
