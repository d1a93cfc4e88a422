/// The streaming engine: feed it any chunks of a dump, in order; it writes the patched dump to a
/// sink as it goes. Chunk boundaries never change the output.
///
/// Until the dialect is decided, the head of the input is held back: up to the first line with a
/// dialect marker (at most `DialectSniffer.headSize` bytes), or the 16 bytes that tell a BOM and
/// the magic numbers of non-SQL files (`ForeignFormat`) when the dialect is given. After that, nothing but a lock-table row is
/// ever buffered.
public struct DumpPatcher {
    private let options: PatchOptions
    private var head: [UInt8] = []
    private var sniffer = DialectSniffer()
    private var stream: StreamPatcher?
    private var bytesRead = 0

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
        if let dialect = options.dialect {
            if head.count >= ForeignFormat.probeLength { try start(dialect, into: &sink) }
        } else if let dialect = sniffer.examine(head, final: false) {
            try start(dialect, into: &sink)
        } else if head.count >= DialectSniffer.headSize {
            try startUndecided(into: &sink)
        }
    }

    /// Ends the input: flushes what is pending and checks nothing was left open.
    public mutating func finish<Sink: DumpSink>(into sink: inout Sink) throws {
        if stream == nil {
            if let dialect = options.dialect ?? sniffer.examine(head, final: true) {
                try start(dialect, into: &sink)
            } else {
                try startUndecided(into: &sink)
            }
        }
        try stream!.finish(into: &sink)
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private mutating func startUndecided<Sink: DumpSink>(into sink: inout Sink) throws {
        try start(.mysql, guessed: true, into: &sink)
    }

    private mutating func start<Sink: DumpSink>(_ dialect: Dialect, guessed: Bool = false, into sink: inout Sink) throws {
        if let what = ForeignFormat.identify(head[...]) {
            throw MalformedDump(at: SourcePosition(byte: 0, line: 1, column: 1), "not a SQL dump: the input is \(what)")
        }
        let bom = head.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
        var stream = StreamPatcher(dialect: dialect, options: options)
        stream.dialectGuessed = guessed
        try head.withUnsafeBytes { try stream.process($0, skipping: bom, into: &sink) }
        self.stream = stream
        head = []
    }
}
