/// The streaming engine: feed it any chunks of a dump, in order; it writes the patched dump to a
/// sink as it goes. Chunk boundaries never change the output.
///
/// The first `DialectSniffer.headSize` bytes are held back until the dialect is decided (and a
/// UTF-8 BOM is seen past); after that, nothing but a lock-table row is ever buffered.
public struct DumpPatcher {
    private let options: PatchOptions
    private var head: [UInt8] = []
    private var stream: StreamPatcher?
    private var bytesRead = 0
    private var headWarnings: [String] = []

    public init(options: PatchOptions = PatchOptions()) {
        self.options = options
    }

    public var report: PatchReport {
        var report = stream?.report ?? PatchReport()
        report.bytesRead = bytesRead
        return report
    }

    /// Consumes `chunk`. Throws `MalformedDump` when the input cannot be patched safely, or
    /// whatever the sink throws.
    public mutating func feed<Sink: DumpSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        bytesRead += chunk.count
        if stream != nil {
            try stream!.process(chunk, skipping: 0, into: &sink)
            return
        }
        head.append(contentsOf: chunk)
        if head.count >= DialectSniffer.headSize {
            try start(into: &sink)
        }
    }

    /// Ends the input: flushes what is pending and checks nothing was left open.
    public mutating func finish<Sink: DumpSink>(into sink: inout Sink) throws {
        if stream == nil {
            try start(into: &sink)
        }
        try stream!.finish(into: &sink)
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private mutating func start<Sink: DumpSink>(into sink: inout Sink) throws {
        let bom = head.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
        var dialect = options.dialect ?? DialectSniffer.dialect(of: head[bom...])
        var stream = StreamPatcher(dialect: dialect ?? .mysql, options: options)
        if dialect == nil, !head.isEmpty {
            dialect = .mysql
            stream.report.warnings.append("no mysqldump or sqlite3 markers at the start of the dump; read it as mysql (choose with --dialect)")
        }
        try head.withUnsafeBytes { try stream.process($0, skipping: bom, into: &sink) }
        self.stream = stream
        head = []
    }
}
