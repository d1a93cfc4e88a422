/// The pipeline once the dialect is known: lexer -> statement recognizer -> lock rules -> row
/// release -> sink. Untouched bytes go to the sink straight from the caller's chunk; only a lock
/// row is buffered (up to `maxLockRowBytes`) and written again with its values replaced.
struct StreamPatcher {
    private let dialect: Dialect
    private let mode: PatchMode
    private let maxLockRowBytes: Int
    private let catalogue: LockCatalogue
    private var lexer: Lexer
    private var recognizer: StatementRecognizer
    private var lines = LineCounter()
    var report = PatchReport()
    /// The dump had no dialect marker: say so once it turns out to hold a statement (a file of
    /// comments reads the same in every dialect).
    var dialectGuessed = false

    /// Input offset of the current chunk's first byte.
    private var chunkBase = 0
    /// Chunk index from which bytes are neither written nor buffered yet.
    private var emitFrom = 0
    /// Between a lock row's `(` and its `)`: bytes go to `rowBytes`, not the sink.
    private var capturing = false
    private var rowBytes: [UInt8] = []
    private var rowStart = SourcePosition(byte: 0, line: 1, column: 1)
    private var statementStart: SourcePosition?
    /// The offset of the statement in progress, until its position is needed: resolved before
    /// any later offset is (`LineCounter` goes forward only) and at each chunk's end, so a short
    /// statement costs no line counting of its own.
    private var pendingStatementStart: Int?
    /// The data block of a `COPY ... FROM stdin` in progress: its bytes bypass the lexer.
    private var copyData: CopyDataScanner?
    /// The fields of a lock table's COPY line, reused from line to line.
    private var copyFields: [ValueSpan] = []
    /// Tables already warned about (assumed layout, not a lock layout), to warn once each; as
    /// many as warnings are listed.
    private var warnedTables: Set<[UInt8]> = []
    /// Where each listed table's summary is in the report.
    private var tableIndexes: [TableName: Int] = [:]
    private let recordsEdits: Bool
    /// Per `--set`: a row of its table was met; its column was in that table.
    private var rewriteTablesSeen: [Bool]
    private var rewriteColumnsFound: [Bool]

    init(dialect: Dialect, options: PatchOptions) {
        self.dialect = dialect
        mode = options.mode
        maxLockRowBytes = options.maxLockRowBytes
        recordsEdits = options.recordsEdits
        rewriteTablesSeen = Array(repeating: false, count: options.rewrites.count)
        rewriteColumnsFound = rewriteTablesSeen
        lexer = Lexer(dialect: dialect, skipsInertRuns: options.skipsInertRuns)
        catalogue = LockCatalogue(options: options)
        recognizer = StatementRecognizer(dialect: dialect, catalogue: catalogue)
        report.dialect = dialect
    }

    /// Patches one chunk; `prefix` bytes at its start are passed through unlexed (a BOM).
    mutating func process<Sink: DumpSink>(_ chunk: UnsafeRawBufferPointer, skipping prefix: Int, into sink: inout Sink) throws {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let count = chunk.count
        emitFrom = 0
        var i = prefix
        do {
            while true {
                if copyData != nil {
                    try scanCopyData(p, count, &i, into: &sink)
                    if copyData != nil { break }  // the chunk ended inside the data
                }
                if recognizer.isAtStatementStart, let head = lexer.insertHead(p, count, &i, chunkBase: chunkBase) {
                    beginStatement(at: head.start)
                    recognizer.insertHead(
                        qualifier: head.qualifier.map { TokenText(rebasing: UnsafeBufferPointer(start: p, count: count)[$0]) },
                        table: TokenText(rebasing: UnsafeBufferPointer(start: p, count: count)[head.table]))
                }
                let result = try lexer.next(p, count, &i, chunkBase: chunkBase, reporting: recognizer.wantsTokens)
                guard case .token(let token) = result else { break }
                try handle(token, in: p, into: &sink)
            }
        } catch let error as LexError {
            throw malformed(error, in: p)
        }
        if capturing {
            try bufferRow(p, to: count)
        } else {
            try write(p, to: count, into: &sink)
        }
        resolveStatementStart(in: p)
        lines.carry(lexer.openConstructStarts, in: p, base: chunkBase)
        lines.advance(to: chunkBase + count, in: p, base: chunkBase)
        chunkBase += count
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
                resolveStatementStart(in: p)
            } catch let error as LexError {
                throw malformed(error, in: p)
            }
        }
        if copyData?.endsAtInputEnd == true {
            if capturing { try writeRow(with: [], into: &sink) }  // the `\.` line
            capturing = false
            copyData = nil
        }
        if copyData != nil, let statementStart {
            throw MalformedDump(at: statementStart, "unterminated COPY data at end of input (expected a line \\.)")
        }
        if capturing {
            throw MalformedDump(at: rowStart, "lock-table row not closed at end of input (expected ')')")
        }
        if !recognizer.isAtStatementStart, let statementStart {
            let delimiter = lexer.delimiterIsSemicolon ? ";" : "the DELIMITER set before it"
            throw MalformedDump(at: statementStart, "unterminated statement at end of input (expected \(delimiter))")
        }
        warnUnmatchedRewrites()
    }

    /// A `--set` that changed nothing because its table or column never appeared: a typo the
    /// user must hear about, not a silent success.
    private mutating func warnUnmatchedRewrites() {
        for (index, rewrite) in catalogue.rewrites.enumerated() where !rewriteColumnsFound[index] {
            let table = [rewrite.qualifier, rewrite.table].compactMap { $0 }.joined(separator: ".")
            let why = rewriteTablesSeen[index]
                ? "the rows of \(table) have no column \(rewrite.column)"
                : "the dump has no rows of a table \(table)"
            report.addWarning("--set \(table).\(rewrite.column)=\(rewrite.value) changed nothing: \(why)")
        }
    }

    private mutating func handle<Sink: DumpSink>(_ token: Token, in p: UnsafePointer<UInt8>, into sink: inout Sink) throws {
        if token.kind != .delimiter, token.kind != .metaCommand, recognizer.isAtStatementStart {
            beginStatement(at: token.start)
        }
        switch recognizer.consume(token, text: lexer.text, customDelimiter: !lexer.delimiterIsSemicolon) {
        case .proceed:
            break
        case .beginRow:
            try write(p, to: token.start - chunkBase, into: &sink)
            capturing = true
            rowBytes.removeAll(keepingCapacity: true)
            rowStart = position(of: token.start, in: p)
        case .endRow:
            try bufferRow(p, to: token.end - chunkBase)
            capturing = false
            try releaseRow(into: &sink)
        case .endStatement:
            statementStart = nil
            pendingStatementStart = nil
        case .beginCopyData(let lockRows):
            copyData = CopyDataScanner(reportsLines: lockRows)
        case .warn(let message):
            report.addWarning("\(position(of: token.start, in: p)): \(message)")
        case .malformed(let message):
            // A row already past its bound fails as such, as it would have at any chunk end
            // before this token: the error must not depend on where chunks end.
            if capturing { try checkRowBound(upTo: token.start) }
            throw MalformedDump(at: position(of: token.start, in: p), message)
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
        case .unterminated(let what, let expected, let offset):
            return MalformedDump(at: position(of: offset, in: p), "unterminated \(what) at end of input (expected \(expected))")
        case .delimiterTooLong(let offset):
            return MalformedDump(at: position(of: offset, in: p), "DELIMITER argument longer than \(Lexer.maxDelimiterLength) bytes")
        case .unfollowableSqlMode(let offset):
            return MalformedDump(at: position(of: offset, in: p), "cannot follow the sql_mode this SET gives (not a string, DEFAULT, @@sql_mode or a variable saved from it): whether later strings take backslash escapes is unknown")
        }
    }

    /// Writes the chunk's bytes from `emitFrom` up to `end`.
    private mutating func write<Sink: DumpSink>(_ p: UnsafePointer<UInt8>, to end: Int, into sink: inout Sink) throws {
        defer { emitFrom = end }
        guard end > emitFrom else { return }
        try emit(UnsafeRawBufferPointer(start: p + emitFrom, count: end - emitFrom), into: &sink)
    }

    private mutating func emit<Sink: DumpSink>(_ bytes: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        guard mode == .release, !bytes.isEmpty else { return }
        try sink.write(bytes)
        report.bytesWritten += bytes.count
    }

    private mutating func bufferRow(_ p: UnsafePointer<UInt8>, to end: Int) throws {
        defer { emitFrom = end }
        try checkRowBound(upTo: chunkBase + end)
        rowBytes.append(contentsOf: UnsafeBufferPointer(start: p + emitFrom, count: end - emitFrom))
    }

    /// Throws when the lock row being buffered would hold the bytes up to input offset `offset`
    /// and that is more than the bound.
    private func checkRowBound(upTo offset: Int) throws {
        guard offset - rowStart.byte <= maxLockRowBytes else {
            throw MalformedDump(at: rowStart, "lock-table row larger than \(maxLockRowBytes) bytes (rows of lock tables are buffered, up to that bound)")
        }
    }

    /// Decides the complete buffered INSERT row, then writes it, released or as it was.
    private mutating func releaseRow<Sink: DumpSink>(into sink: inout Sink) throws {
        try release(values: recognizer.row.spans, rowOffset: recognizer.row.rowStart, format: .sqlLiteral, into: &sink)
    }

    /// Decides the complete buffered row whose `values` start at input offset `rowOffset`, then
    /// writes it, released or as it was.
    private mutating func release<Sink: DumpSink>(
        values: [ValueSpan], rowOffset: Int, format: ValueFormat, into sink: inout Sink
    ) throws {
        report.lockRowsSeen += 1
        guard let target = recognizer.target else { return }
        let summary = summaryIndex(for: target)
        var edits: [RowRelease.Edit] = []
        var held: HeldLock?
        for layout in try layouts(of: target, valueCount: values.count) {
            let decision = rowBytes.withUnsafeBytes { row in
                RowRelease.decide(
                    row: row, values: values, layout: layout, target: target, dialect: dialect,
                    releaseStamp: catalogue.releaseStamp, format: format)
            }
            switch decision {
            case .notHeld:
                break
            case .unrecognizedFlag(let offset, let literal):
                let at = rowBytes.withUnsafeBytes { LineCounter.position(after: rowStart, advancingOver: $0[0..<offset]) }
                let column = "\(String(decoding: target.name.qualified, as: UTF8.self)).\(layout.columns[layout.flagIndex])"
                throw MalformedDump(at: at, "cannot tell whether the lock value \(literal) of \(column) is held (expected a literal such as 1, 0, '1', TRUE, b'1', 0x01 or NULL)")
            case .held(let found, let lock):
                // Several --set rules on one table make one rewritten row; a value two of them
                // name is written by the first.
                let fresh = found.filter { edit in !edits.contains { $0.range.overlaps(edit.range) } }
                edits = (edits + fresh).sorted { $0.range.lowerBound < $1.range.lowerBound }
                if held == nil {
                    held = lock
                } else if !fresh.isEmpty {
                    held!.changes += lock.changes.filter { change in !held!.changes.contains { $0.column == change.column } }
                }
            }
        }
        if let held {
            report.addHeld(held)
            sink.heldRow(held)
            if recordsEdits {
                for edit in edits {
                    report.addEdit(ByteEdit(offset: rowOffset + edit.range.lowerBound, length: edit.range.count, replacement: edit.bytes))
                }
            }
        }
        report.countRow(in: summary, held: held != nil)
        try writeRow(with: edits, into: &sink)
    }

    /// The layouts that decide the target's row of `valueCount` values: the built-in rule's,
    /// or one for each `--set` rule on the table whose column it has; none when the rows are left
    /// alone (a namesake table, a family `--only` left out), with a warning where one is due.
    private mutating func layouts(of target: LockTarget, valueCount: Int) throws -> [LockLayout] {
        let known = recognizer.rowColumns
        guard target.rules.first?.rewriteIndex != nil else {
            return try layout(of: target, rules: target.rules, known, valueCount: valueCount).map { [$0] } ?? []
        }
        return try target.rules.compactMap { rule in
            rewriteTablesSeen[rule.rewriteIndex!] = true
            let layout = try layout(of: target, rules: [rule], known, valueCount: valueCount)
            // Without any column names for the table, its own warning says why nothing was set.
            let unknowable = known.columns == nil && rule.defaultLayouts.isEmpty
            if layout != nil || unknowable { rewriteColumnsFound[rule.rewriteIndex!] = true }
            return layout
        }
    }

    /// How to read the row by the first of `rules` whose columns the table has (`known`: the
    /// recognizer's columns for the row), or `nil`.
    private mutating func layout(
        of target: LockTarget, rules: [LockTableRule], _ known: (columns: [[UInt8]]?, source: LockLayout.Source, shape: TableShape?),
        valueCount: Int
    ) throws -> LockLayout? {
        let (columns, source, shape) = known
        var tableName: String { String(decoding: target.name.qualified, as: UTF8.self) }
        let resolution = LockLayout.resolve(rules, columns: columns, source: source, valueCount: valueCount, shape: shape)
        switch resolution {
        case .layout(let layout):
            if layout.assumed {
                warnOnce(target, "\(rowStart): \(tableName): no column list or CREATE TABLE in the dump; assumed the layout (\(layout.columns.joined(separator: ", ")))")
            }
            if target.recognizedByColumns, let family = layout.rule.family {
                warnOnce(target, "\(tableName) is read as \(family)'s lock table: not its usual name, but exactly its columns (\(layout.columns.joined(separator: ", ")))")
            }
            return layout
        case _ where LockLayout.resolve(
            target.excludedRules, columns: columns, source: source, valueCount: valueCount, shape: shape).isLayout:
            return nil  // a row of a family `--only` left out
        case .noFlagColumn:
            // A --set whose column the table lacks is told at the end, once for the whole dump.
            guard rules[0].rewriteIndex == nil else { return nil }
            let flags = rules.map(\.flagColumn).joined(separator: ", ")
            warnOnce(target, "\(tableName) has none of the columns \(flags); its rows were left as they are")
        case .noColumns:
            warnOnce(target, "\(rowStart): \(tableName): no column list or CREATE TABLE in the dump, so no way to tell where \(rules[0].flagColumn) is; its rows were left as they are")
        case .valueCountMismatch(let expected, let source):
            let origin = switch source {
            case .columnList: "its INSERT column list"
            case .createTable: "its CREATE TABLE"
            case .assumed: "the known layouts of \(tableName)"
            }
            let counts = expected.map(String.init).joined(separator: " or ")
            throw MalformedDump(at: rowStart, "lock-table row has \(valueCount) values but \(tableName) has \(counts) columns (from \(origin))")
        }
        return nil
    }

    /// The report's entry for the target's table, added when first met; `nil` once
    /// `PatchReport.tableLimit` tables are listed.
    private mutating func summaryIndex(for target: LockTarget) -> Int? {
        if let index = tableIndexes[target.name] { return index }
        guard report.tables.count < PatchReport.tableLimit else { return nil }
        let names = target.name.reported
        let index = report.addTable(LockTableSummary(database: names.database, schema: names.schema, table: names.table))
        tableIndexes[target.name] = index
        return index
    }

    private mutating func writeRow<Sink: DumpSink>(with edits: [RowRelease.Edit], into sink: inout Sink) throws {
        let row = rowBytes
        try row.withUnsafeBytes { bytes in
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
        while let event = copyData!.next(p, count, &i, chunkBase: chunkBase) {
            switch event {
            case .lineEnd(let end):
                if capturing {
                    try bufferRow(p, to: end - chunkBase)
                    let fields = rowBytes.withUnsafeBytes { line in
                        CopyLineFields.split(line, into: &copyFields)
                        return copyFields
                    }
                    try release(values: fields, rowOffset: rowStart.byte, format: .copyText, into: &sink)
                } else {
                    try write(p, to: end - chunkBase, into: &sink)  // the COPY statement's own line
                }
                capturing = true
                rowBytes.removeAll(keepingCapacity: true)
                rowStart = position(of: end, in: p)
            case .blockEnd(let end):
                if capturing {
                    try bufferRow(p, to: end - chunkBase)
                    try writeRow(with: [], into: &sink)  // the `\.` line
                    capturing = false
                }
                copyData = nil
                statementStart = nil
                pendingStatementStart = nil
                return
            }
        }
    }

    private mutating func warnOnce(_ target: LockTarget, _ message: String) {
        guard warnedTables.count < PatchReport.warningLimit else { return report.addWarning(message) }
        guard warnedTables.insert(target.name.qualified).inserted else { return }
        report.addWarning(message)
    }
}
