/// The pipeline once the dialect is known: lexer -> statement recognizer -> lock rules -> row
/// release -> sink. Untouched bytes go to the sink straight from the caller's chunk; only a lock
/// row is buffered (up to `maxLockRowBytes`) and written again with its values replaced, or
/// dropped when the row goes. Around rows that may go, the statement's head and the bytes
/// between rows are held back too (see `RowRemover`), under the same bound.
struct StreamPatcher {
    private let dialect: Dialect
    private let mode: PatchMode
    private let recordsEdits: Bool
    private var lexer: Lexer
    private var recognizer: StatementRecognizer
    private var judge: LockRowJudge
    private var lines = LineCounter()
    var report = PatchReport()
    /// The dump had no dialect marker: say so once it turns out to hold a statement (a file of
    /// comments reads the same in every dialect).
    var dialectGuessed = false

    /// Input offset of the current chunk's first byte.
    private var chunkBase = 0
    /// Chunk index from which bytes are neither written nor buffered yet.
    private var emitFrom = 0
    /// While open, bytes go to the row, not the sink.
    private var row: LockRowBuffer
    /// The open row's table only reports (a repair not asked for): past the bound the row is
    /// written on unread, never refused.
    private var rowReportsOnly = false
    private var remover: RowRemover
    private var statementStart: SourcePosition?
    /// The offset of the statement in progress, until its position is needed: resolved before
    /// any later offset is (`LineCounter` goes forward only) and at each chunk's end, so a short
    /// statement costs no line counting of its own.
    private var pendingStatementStart: Int?
    /// The data block of a `COPY ... FROM stdin` in progress: its bytes bypass the lexer.
    private var copy: CopyBlock?
    /// The fields of a lock table's COPY line, reused from line to line.
    private var copyFields: [ValueSpan] = []

    private struct CopyBlock {
        var scanner: CopyDataScanner
        /// The lock table whose rows the lines are, if they are.
        let lockRows: LockRowContext?
    }

    init(dialect: Dialect, options: PatchOptions) {
        self.dialect = dialect
        mode = options.mode
        recordsEdits = options.recordsEdits
        row = LockRowBuffer(limit: options.maxLockRowBytes)
        remover = RowRemover(limit: options.maxLockRowBytes)
        lexer = Lexer(dialect: dialect, skipsInertRuns: options.skipsInertRuns)
        let catalogue = LockCatalogue(options: options)
        recognizer = StatementRecognizer(dialect: dialect, catalogue: catalogue)
        judge = LockRowJudge(dialect: dialect, catalogue: catalogue)
        report.dialect = dialect
    }

    /// Input bytes before this offset are in the sink and no later edit can fall among them: all
    /// but what is held back and an open lock row, which are bounded.
    var settledOffset: Int { remover.heldStart ?? (row.isOpen ? row.start.byte : chunkBase) }

    /// Patches one chunk; `prefix` bytes at its start are passed through unlexed (a BOM).
    mutating func process<Sink: DumpSink>(_ chunk: UnsafeRawBufferPointer, skipping prefix: Int, into sink: inout Sink) throws {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let count = chunk.count
        emitFrom = 0
        var i = prefix
        takeLineEnd(p, count, final: false, into: &sink)
        do {
            while true {
                if copy != nil {
                    try scanCopyData(p, count, &i, into: &sink)
                    if copy != nil { break }  // the chunk ended inside the data
                }
                try skipStatementsOfNoInterest(p, count, &i)
                let result = try lexer.next(p, count, &i, chunkBase: chunkBase, reporting: recognizer.wantsTokens)
                guard case .token(let token) = result else { break }
                try handle(token, in: p, into: &sink)
                takeLineEnd(p, count, final: false, into: &sink)
            }
        } catch let error as LexError {
            throw malformed(error, in: p)
        }
        if !row.isOpen { try settleHead(p, upTo: count, into: &sink) }
        try pass(p, to: count, into: &sink)
        resolveStatementStart(in: p)
        lines.carry(lexer.openConstructStarts, in: p, base: chunkBase)
        lines.advance(to: chunkBase + count, in: p, base: chunkBase)
        chunkBase += count
    }

    /// The fast path for the rows of other tables: while statements start with an INSERT into a
    /// table no rule can claim and end in this chunk, each is crossed in one go, head, rows and
    /// delimiter, with the effects its tokens would have. Anything else is left to the tokens.
    @inline(__always)
    private mutating func skipStatementsOfNoInterest(_ p: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int) throws(LexError) {
        let chunk = UnsafeBufferPointer(start: p, count: count)
        while recognizer.isAtStatementStart, let head = lexer.insertHead(p, count, &i, chunkBase: chunkBase) {
            beginStatement(at: head.start)
            recognizer.insertHead(qualifier: head.qualifier.map { TokenText(rebasing: chunk[$0]) }, table: TokenText(rebasing: chunk[head.table]))
            guard !recognizer.wantsTokens, try lexer.skipToStatementEnd(p, count, &i, chunkBase: chunkBase) else { return }
            recognizer.endSkippedStatement()
            endStatement()
        }
    }

    /// Ends the input: the last token, then checks that no statement was left open.
    mutating func finish<Sink: DumpSink>(into sink: inout Sink) throws {
        // No chunk is in hand: positions come from those carried at the last chunk's end.
        var none: UInt8 = 0
        try withUnsafeMutablePointer(to: &none) { p in
            emitFrom = 0
            do {
                if let token = try lexer.finish(at: chunkBase, reporting: recognizer.wantsTokens) {
                    try handle(token, in: p, into: &sink)
                }
                takeLineEnd(p, 0, final: true, into: &sink)
                // A head held for a first word that never made a token (a DELIMITER block the
                // input ends inside) is written as it was.
                if remover.holdsHead, recognizer.isAtStatementStart { try letGoHeld(into: &sink) }
                resolveStatementStart(in: p)
            } catch let error as LexError {
                throw malformed(error, in: p)
            }
        }
        if copy?.scanner.endsAtInputEnd == true {
            if row.isOpen { try writeRow(with: [], into: &sink) }  // the `\.` line
            row.close()
            copy = nil
        }
        if copy != nil, let statementStart {
            throw MalformedDump(.unterminatedStatement, at: statementStart, "unterminated COPY data at end of input (expected a line \\.)")
        }
        if row.isOpen {
            throw MalformedDump(.unterminatedStatement, at: row.start, "lock-table row not closed at end of input (expected ')')")
        }
        if !recognizer.isAtStatementStart, let statementStart {
            let delimiter = lexer.delimiterIsSemicolon ? ";" : "the DELIMITER set before it"
            throw MalformedDump(.unterminatedStatement, at: statementStart, "unterminated statement at end of input (expected \(delimiter))")
        }
        judge.warnUnmatchedRewrites(in: &report)
    }

    private mutating func handle<Sink: DumpSink>(_ token: Token, in p: UnsafePointer<UInt8>, into sink: inout Sink) throws {
        if token.kind != .delimiter, token.kind != .metaCommand, recognizer.isAtStatementStart {
            beginStatement(at: token.start)
            try holdHead(from: token.start, in: p, into: &sink)
        }
        let step = recognizer.consume(token, text: lexer.text, customDelimiter: !lexer.delimiterIsSemicolon)
        if remover.holdsHead, !recognizer.holdsInsertHead { try letGoHeld(into: &sink) }
        switch step {
        case .proceed:
            break
        case .beginRow(let target):
            try holdHead(target.removesRows, before: token.start, in: p, into: &sink)
            try pass(p, to: token.start - chunkBase, into: &sink)
            row.open(at: position(of: token.start, in: p))
            rowReportsOnly = target.reportsOnly
        case .endRow(let context, let values):
            guard row.isOpen else { break }  // written on past the bound
            try bufferRow(p, to: token.end - chunkBase, into: &sink)
            guard row.isOpen else { break }
            row.close()
            try release(values: values, context, format: .sqlLiteral, into: &sink)
        case .endStatement:
            try endRemoval(at: token.end, into: &sink)
            endStatement()
        case .beginCopyData(let lockRows):
            copy = CopyBlock(scanner: CopyDataScanner(reportsLines: lockRows != nil), lockRows: lockRows)
            rowReportsOnly = lockRows?.target.reportsOnly == true
        case .warn(let message):
            report.addWarning("\(position(of: token.start, in: p)): \(message)")
        case .malformed(let message):
            // A row already past its bound fails as such, as it would have at any chunk end
            // before this token: the error must not depend on where chunks end.
            if row.isOpen, !rowReportsOnly { try row.checkBound(upTo: token.start) }
            throw MalformedDump(.unreadableLockRow, at: position(of: token.start, in: p), message)
        }
    }

    private mutating func beginStatement(at offset: Int) {
        statementStart = nil
        pendingStatementStart = offset
        if dialectGuessed {
            dialectGuessed = false
            report.addWarning("no mysqldump, sqlite3 or pg_dump markers at the start of the dump; read it as \(dialect) (choose with --dialect)")
        }
    }

    /// The statement in progress ended: no position to give for it.
    private mutating func endStatement() {
        statementStart = nil
        pendingStatementStart = nil
    }

    private mutating func position(of offset: Int, in p: UnsafePointer<UInt8>) -> SourcePosition {
        resolveStatementStart(in: p)
        return lines.position(of: offset, in: p, base: chunkBase)
    }

    private mutating func resolveStatementStart(in p: UnsafePointer<UInt8>) {
        guard let offset = pendingStatementStart else { return }
        pendingStatementStart = nil
        statementStart = lines.position(of: offset, in: p, base: chunkBase)
    }

    private mutating func malformed(_ error: LexError, in p: UnsafePointer<UInt8>) -> MalformedDump {
        switch error {
        case .unterminated(let kind, let what, let expected, let offset):
            return MalformedDump(kind, at: position(of: offset, in: p), "unterminated \(what) at end of input (expected \(expected))")
        case .delimiterTooLong(let offset):
            return MalformedDump(.unfollowableSetting, at: position(of: offset, in: p), "DELIMITER argument longer than \(Lexer.maxDelimiterLength) bytes")
        case .unfollowableSqlMode(let offset):
            return MalformedDump(.unfollowableSetting, at: position(of: offset, in: p), "cannot follow the sql_mode this SET gives (not a string, DEFAULT, @@sql_mode or a variable saved from it): whether later strings take backslash escapes is unknown")
        }
    }

    /// Writes the chunk's bytes from `emitFrom` up to `end`.
    private mutating func write<Sink: DumpSink>(_ p: UnsafePointer<UInt8>, to end: Int, into sink: inout Sink) throws {
        defer { emitFrom = end }
        guard end > emitFrom else { return }
        try emit(UnsafeRawBufferPointer(start: p + emitFrom, count: end - emitFrom), into: &sink)
    }

    private mutating func emit<Sink: DumpSink>(_ bytes: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        report.bytesWritten += try Self.written(bytes, writes: mode == .release, into: &sink)
    }

    /// Writes `bytes` when the dump is written (not in `.check` mode); returns how many went out.
    private static func written<Sink: DumpSink>(_ bytes: UnsafeRawBufferPointer, writes: Bool, into sink: inout Sink) throws -> Int {
        guard writes, !bytes.isEmpty else { return 0 }
        try sink.write(bytes)
        return bytes.count
    }

    /// Adds the chunk's bytes from `emitFrom` up to `end` to the open row; a row of a table that
    /// only reports is written on instead, unread, once it is past the bound.
    private mutating func bufferRow<Sink: DumpSink>(_ p: UnsafePointer<UInt8>, to end: Int, into sink: inout Sink) throws {
        if rowReportsOnly, chunkBase + end - row.start.byte > row.limit {
            try row.bytes.withUnsafeBytes { try emit($0, into: &sink) }
            row.close()
            return try write(p, to: end, into: &sink)
        }
        defer { emitFrom = end }
        try row.append(UnsafeBufferPointer(start: p + emitFrom, count: end - emitFrom), endingAt: chunkBase + end)
    }

    /// Judges the complete buffered row, then writes it, released or as it was.
    private mutating func release<Sink: DumpSink>(
        values: [ValueSpan], _ context: LockRowContext, format: ValueFormat, into sink: inout Sink
    ) throws {
        let (edits, held) = try judge.judge(row, values: values, context, format: format, report: &report)
        if let held { sink.heldRow(held) }
        if held?.removed == true {
            removeRow(into: &sink)
        } else {
            try keepRow(with: edits, into: &sink)
        }
    }

    private mutating func writeRow<Sink: DumpSink>(with edits: [RowRelease.Edit], into sink: inout Sink) throws {
        let bytes = row.bytes
        for edit in edits {
            record(ByteEdit(offset: row.start.byte + edit.range.lowerBound, length: edit.range.count, replacement: edit.bytes), into: &sink)
        }
        try bytes.withUnsafeBytes { bytes in
            var from = 0
            for edit in edits {
                try emit(UnsafeRawBufferPointer(rebasing: bytes[from..<edit.range.lowerBound]), into: &sink)
                try edit.bytes.withUnsafeBytes { try emit($0, into: &sink) }
                from = edit.range.upperBound
            }
            try emit(UnsafeRawBufferPointer(rebasing: bytes[from...]), into: &sink)
        }
    }

    /// Passes COPY data through up to its `\.` line. A lock table's data is buffered a line at a
    /// time (each bounded like an INSERT row) and each line released like a row; any other
    /// table's data goes straight to the sink.
    private mutating func scanCopyData<Sink: DumpSink>(
        _ p: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, into sink: inout Sink
    ) throws {
        while let event = copy!.scanner.next(p, count, &i, chunkBase: chunkBase) {
            switch event {
            case .lineEnd(let end):
                if row.isOpen, copy!.lockRows != nil { try bufferRow(p, to: end - chunkBase, into: &sink) }
                if row.isOpen, let lockRows = copy!.lockRows {
                    let fields = row.bytes.withUnsafeBytes { line in
                        CopyLineFields.split(line, into: &copyFields)
                        return copyFields
                    }
                    try release(values: fields, lockRows, format: .copyText, into: &sink)
                } else {
                    try write(p, to: end - chunkBase, into: &sink)  // the COPY statement's line, or one written on
                }
                row.open(at: position(of: end, in: p))
            case .blockEnd(let end):
                if row.isOpen { try bufferRow(p, to: end - chunkBase, into: &sink) }
                if row.isOpen {
                    try writeRow(with: [], into: &sink)  // the `\.` line
                    row.close()
                }
                copy = nil
                endStatement()
                return
            }
        }
    }
}

// MARK: - Rows that go

extension StreamPatcher {
    /// Hands one edit on: to the report when edits are recorded, and to the sink (which may be
    /// splicing) when the dump is written.
    private mutating func record<Sink: DumpSink>(_ edit: ByteEdit, into sink: inout Sink) {
        if recordsEdits { report.addEdit(edit) }
        if mode == .release { sink.replaced(edit) }
    }

    /// Passes the chunk's bytes from `emitFrom` up to `end` on: into the open row, the held
    /// bytes, nowhere (rows that went), or the sink.
    private mutating func pass<Sink: DumpSink>(_ p: UnsafePointer<UInt8>, to end: Int, into sink: inout Sink) throws {
        if row.isOpen { return try bufferRow(p, to: end, into: &sink) }
        if try !remover.take(UnsafeBufferPointer(start: p + emitFrom, count: max(0, end - emitFrom)), endingAt: chunkBase + end) {
            return try write(p, to: end, into: &sink)
        }
        emitFrom = max(emitFrom, end)
    }

    /// At a chunk's end (`count`): an INSERT whose rows may all go keeps its head back from its
    /// start, and so does a word between statements that may be one; held bytes that turn out to
    /// be neither are let go, and so is a head past the bound (if rows follow, `holdHead` refuses
    /// it there, as it would were the head in one chunk).
    private mutating func settleHead<Sink: DumpSink>(_ p: UnsafePointer<UInt8>, upTo count: Int, into sink: inout Sink) throws {
        let between = recognizer.isAtStatementStart && recognizer.mayRemoveRows
        guard recognizer.holdsInsertHead || between, let start = heldHeadStart(in: p),
              chunkBase + count - start.byte <= remover.limit
        else {
            if remover.holdsHead { try letGoHeld(into: &sink) }
            return
        }
        switch remover.stage {
        case .none:
            precondition(start.byte >= chunkBase + emitFrom, "an INSERT head is held from its chunk's end")
            try write(p, to: start.byte - chunkBase, into: &sink)
            remover.holdHead(from: start)
        case .head:
            try holdHead(from: start.byte, in: p, into: &sink)
        default:
            break
        }
    }

    /// Where a head held at a chunk's end begins: the statement's start, or between statements
    /// the word the chunk ended in (an `INSERT` delivered with the next chunk).
    private mutating func heldHeadStart(in p: UnsafePointer<UInt8>) -> SourcePosition? {
        guard recognizer.isAtStatementStart else {
            resolveStatementStart(in: p)
            return statementStart
        }
        // Inside an executable comment the word is no statement that could go whole, and its
        // position must wait until the comment's own is carried.
        guard lexer.openConstructStarts.executableComment == nil, let word = lexer.openWordStart else { return nil }
        return position(of: word, in: p)
    }

    /// A head held from a word between statements that made no token (a `DELIMITER` command)
    /// starts again at the statement's own start: what came before it is written. So the held
    /// bytes, and their bound, are the same wherever the chunks ended.
    private mutating func holdHead<Sink: DumpSink>(from start: Int, in p: UnsafePointer<UInt8>, into sink: inout Sink) throws {
        guard remover.holdsHead, let heldStart = remover.heldStart, heldStart < start else { return }
        if try !withRemover(into: &sink, { try $0.letGo(before: start, $1) }) {
            try write(p, to: start - chunkBase, into: &sink)
            remover.holdHead(from: position(of: start, in: p))
        }
    }

    /// At a row's `(`: the statement's head is held when the rows may go (from the statement's
    /// start, which is in this chunk unless the head was already held), and let go otherwise.
    private mutating func holdHead<Sink: DumpSink>(
        _ removesRows: Bool, before rowStart: Int, in p: UnsafePointer<UInt8>, into sink: inout Sink
    ) throws {
        switch remover.stage {
        case .none where removesRows:
            resolveStatementStart(in: p)
            guard let start = statementStart else { return }
            try remover.checkBound(from: start, upTo: rowStart)  // as if held all along
            precondition(start.byte >= chunkBase + emitFrom, "a head within the bound is held from its chunk's end")
            try write(p, to: start.byte - chunkBase, into: &sink)
            remover.holdHead(from: start)
        case .head where !removesRows:
            try letGoHeld(into: &sink)
        case .head, .gap:
            try remover.checkBound(upTo: rowStart)
        default:
            break
        }
    }

    private mutating func letGoHeld<Sink: DumpSink>(into sink: inout Sink) throws {
        try withRemover(into: &sink) { try $0.letGo($1) }
    }

    /// Runs `body` on the remover with an `emit` that writes to the sink: a closure that holds no
    /// `self`, of which the remover is part.
    private mutating func withRemover<Sink: DumpSink, Result>(
        into sink: inout Sink, _ body: (inout RowRemover, (UnsafeRawBufferPointer) throws -> Void) throws -> Result
    ) throws -> Result {
        let writes = mode == .release
        var written = 0
        defer { report.bytesWritten += written }
        return try body(&remover) { written += try Self.written($0, writes: writes, into: &sink) }
    }

    /// A row that stays: what was held before it is written (the head, the space after the row
    /// before), or goes (the rows before it that went), then the row itself.
    private mutating func keepRow<Sink: DumpSink>(with edits: [RowRelease.Edit], into sink: inout Sink) throws {
        guard remover.isAroundRows else { return try writeRow(with: edits, into: &sink) }
        let rowStart = row.start.byte
        if let dropped = try withRemover(into: &sink, { try $0.keep(rowAt: rowStart, $1) }) { record(dropped, into: &sink) }
        try writeRow(with: edits, into: &sink)
        remover.holdAfter(row)
    }

    private mutating func removeRow<Sink: DumpSink>(into sink: inout Sink) {
        if let edit = remover.remove(row) { record(edit, into: &sink) }
    }

    private mutating func endRemoval<Sink: DumpSink>(at end: Int, into sink: inout Sink) throws {
        let passed = chunkBase + emitFrom
        try withRemover(into: &sink) { try $0.endStatement(at: end, passed: passed, $1) }
    }

    private mutating func takeLineEnd<Sink: DumpSink>(_ p: UnsafePointer<UInt8>, _ count: Int, final: Bool, into sink: inout Sink) {
        switch remover.takeLineEnd(p, count, base: chunkBase, final: final) {
        case .none:
            break
        case .chunkEnded:
            emitFrom = count
        case .taken(let edit):
            emitFrom = max(emitFrom, edit.offset + edit.length - chunkBase)
            record(edit, into: &sink)
        }
    }
}
