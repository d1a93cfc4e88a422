/// Inflates a gzip stream on a thread of its own while it is being written, following the
/// writer: the splice is trusted only once its output decompresses, member trailers checked by
/// zlib, to the CRC-32 and length of the bytes plain recompression would have written.
public final class GzipVerifier<Input: RandomAccessInput & Sendable>: @unchecked Sendable {
    private let written = PublishedCount()
    // Written by the thread, read after `join`.
    private var result: Result<StreamChecksum, any Error> = .success(StreamChecksum())
    private var thread: WorkerThread?
    private var finished = false
    private let input: Input

    /// Starts following `input`, whose bytes are read only once `published`. Without a thread to
    /// spare, the stream is read back once it is complete, by `finish`.
    public init(following input: Input) {
        self.input = input
        thread = WorkerThread { [unowned self] in result = Result { try self.follow(input) } }
    }

    /// Bytes from the start up to `count` are written and may be read.
    public func published(upTo count: Int) {
        written.publish(count)
    }

    /// No more is coming: waits for the thread and returns what the stream decompressed to, or
    /// why it did not.
    public func finish() -> Result<StreamChecksum, any Error> {
        guard !finished else { return result }
        finished = true
        written.close()
        if let thread {
            thread.join()
        } else {
            result = Result { try follow(input) }
        }
        return result
    }

    /// The stream will not be used: the thread stops where it is.
    public func abandon() {
        guard !finished else { return }
        finished = true
        written.cancel()
        thread?.join()
        result = .failure(GzipSpliceError("the verification was abandoned"))
    }

    private func follow(_ input: Input) throws -> StreamChecksum {
        let decoder = GzipDecoder()
        var checksum = StreamChecksum()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        var position = 0
        while true {
            let (available, closed, cancelled) = written.wait(beyond: position)
            if cancelled {
                throw GzipSpliceError("the verification was abandoned")
            } else if available > position {
                let count = try input.read(at: position, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, available - position)]))
                guard count > 0 else { throw GzipSpliceError("the spliced output could not be read back") }
                try decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[..<count])) { checksum.add($0) }
                position += count
            } else if closed {
                try decoder.finish()
                return checksum
            }
        }
    }
}
