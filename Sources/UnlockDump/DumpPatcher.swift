/// The streaming engine: feed it any chunks of a dump, in order; it writes the patched dump to a
/// sink as it goes. Chunk boundaries never change the output.
///
/// Until the dialect is decided, the head of the input is held back: up to the first line with a
/// dialect marker (at most `DialectSniffer.headSize` bytes), and at least the
/// `ForeignFormat.probeLength` bytes that tell files that are not SQL text (archives, UTF-16, ...).
/// After that, nothing but a lock-table row is ever buffered.
public struct DumpPatcher {
    private let options: PatchOptions
    private var head: [UInt8] = []
    private var sniffer = DialectSniffer()
    private var verdict: DialectSniffer.Verdict?
    private var stream: StreamPatcher?
    private var bytesRead = 0
    private var completeness = CompletenessCheck()
    private var truncationWarning: String?

    public init(options: PatchOptions = PatchOptions()) {
        self.options = options
    }

    /// What was found so far: complete once `finish` has returned (the truncation warning, for
    /// one, is decided there).
    public var report: PatchReport {
        var report = stream?.report ?? PatchReport()
        report.bytesRead = bytesRead
        if let truncationWarning { report.addWarning(truncationWarning) }
        return report
    }

    /// Input bytes before this offset have been handed to the sink as they will stay: every
    /// later `DumpSink.replaced` edit starts at or after it. The head held back while the dialect
    /// is undecided, and an open lock row, are not settled yet.
    public var settledOffset: Int { stream?.settledOffset ?? 0 }

    /// Consumes `chunk`. Throws `MalformedDump` when the input cannot be patched safely, or
    /// whatever the sink throws. After a throw the patcher is spent: the sink holds only a
    /// prefix of the output, to be discarded, and neither `feed` nor `finish` may be called again.
    public mutating func feed<Sink: DumpSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        bytesRead += chunk.count
        completeness.observe(chunk)
        if stream != nil {
            try explained { try $0.stream!.process(chunk, skipping: 0, into: &sink) }
            return
        }
        // Only the head's bound is copied: a first chunk of a MiB must not be held twice.
        let taken = min(chunk.count, DialectSniffer.headSize - head.count)
        head.append(contentsOf: chunk.prefix(taken))
        if options.dialect == nil, verdict == nil { verdict = sniffer.examine(head, final: false) }
        guard head.count >= ForeignFormat.probeLength,
              options.dialect != nil || verdict != nil || head.count >= DialectSniffer.headSize
        else { return }  // undecided: the whole chunk is in the head
        try start(into: &sink)
        guard taken < chunk.count else { return }
        try explained { try $0.stream!.process(UnsafeRawBufferPointer(rebasing: chunk[taken...]), skipping: 0, into: &sink) }
    }

    /// Ends the input: flushes what is pending and checks nothing was left open.
    public mutating func finish<Sink: DumpSink>(into sink: inout Sink) throws {
        if stream == nil {
            if options.dialect == nil, verdict == nil { verdict = sniffer.examine(head, final: true) }
            try start(into: &sink)
        }
        try explained { try $0.stream!.finish(into: &sink) }
        truncationWarning = completeness.warning()
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private mutating func start<Sink: DumpSink>(into sink: inout Sink) throws {
        if let what = ForeignFormat.identify(head[...]) {
            throw MalformedDump(.foreignFormat(what), at: SourcePosition(byte: 0, line: 1, column: 1), "not a SQL dump: the input is \(what)")
        }
        let dialect = options.dialect ?? verdict?.dialect ?? .mysql
        let bom = head.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
        var stream = StreamPatcher(dialect: dialect, options: options)
        stream.dialectGuessed = options.dialect == nil && verdict == nil
        self.stream = stream
        let held = head
        head = []
        try explained { patcher in try held.withUnsafeBytes { try patcher.stream!.process($0, skipping: bom, into: &sink) } }
    }

    /// Runs `body`; a malformed dump whose dialect was not given says how it was read, since a
    /// dump read as the wrong dialect fails in ways that name the symptom, not the cause.
    private mutating func explained(_ body: (inout DumpPatcher) throws -> Void) throws {
        do {
            try body(&self)
        } catch var error as MalformedDump where options.dialect == nil {
            let how = verdict.map(\.description) ?? "read as mysql, for want of any dialect marker"
            error.message += " [\(how); if that is wrong, choose with --dialect]"
            throw error
        }
    }
}

extension DumpPatcher {
    /// Patches a whole dump held in memory and returns the patched bytes with the report: for a
    /// small dump, or a test. A dump of any size streams through `feed` and `finish` instead,
    /// in constant memory. Throws what `feed` and `finish` throw.
    public static func patch(_ dump: [UInt8], options: PatchOptions = PatchOptions()) throws -> (output: [UInt8], report: PatchReport) {
        var patcher = DumpPatcher(options: options)
        var sink = CollectingSink()
        try dump.withUnsafeBytes { try patcher.feed($0, into: &sink) }
        try patcher.finish(into: &sink)
        return (sink.bytes, patcher.report)
    }
}
