/// The lock rules applied to complete rows: which layouts read a row, whether it is held, the
/// edits that release it; and the report's bookkeeping that goes with them (the table's
/// summary, warnings once per table, the `--set`s that matched nothing).
struct LockRowJudge {
    private let dialect: Dialect
    private let catalogue: LockCatalogue
    /// Tables already warned about (assumed layout, not a lock layout), to warn once each; as
    /// many as warnings are listed.
    private var warnedTables: Set<[UInt8]> = []
    /// Where each listed table's summary is in the report.
    private var tableIndexes: [TableName: Int] = [:]
    /// Per `--set`: a row of its table was met; its column was in that table.
    private var rewriteTablesSeen: [Bool]
    private var rewriteColumnsFound: [Bool]

    init(dialect: Dialect, catalogue: LockCatalogue) {
        self.dialect = dialect
        self.catalogue = catalogue
        rewriteTablesSeen = Array(repeating: false, count: catalogue.rewrites.count)
        rewriteColumnsFound = rewriteTablesSeen
    }

    /// Decides the complete `row`, whose `values` lie where the spans say: the edits that release
    /// it (sorted, not overlapping) and the held lock, or none; counted in `report`. A held lock
    /// that is `removed` comes with no edits: the row goes whole.
    mutating func judge(
        _ row: LockRowBuffer, values: [ValueSpan], _ context: LockRowContext, format: ValueFormat, report: inout PatchReport
    ) throws -> (edits: [RowRelease.Edit], held: HeldLock?) {
        let target = context.target
        guard !target.reportsOnly else {
            reportFailure(row, values: values, context, format: format, report: &report)
            return ([], nil)
        }
        report.lockRowsSeen += 1
        let summary = summaryIndex(for: target, in: &report)
        var edits: [RowRelease.Edit] = []
        var held: HeldLock?
        for layout in try layouts(of: context, valueCount: values.count, at: row.start, report: &report) {
            switch decide(row, values: values, layout: layout, target: target, format: format) {
            case .notHeld:
                break
            case .unrecognized:
                let flag = values[layout.flagIndex]
                let literal = Displayed.literal(row.bytes[flag.start..<flag.end])
                let column = "\(String(decoding: target.name.qualified, as: UTF8.self)).\(layout.columns[layout.flagIndex])"
                let question = layout.rule.repair == nil
                    ? "the lock value \(literal) of \(column) is held (expected a literal such as 1, 0, '1', TRUE, b'1', 0x01 or NULL)"
                    : "the value \(literal) of \(column) marks a failed migration (expected a literal such as 1, 0, TRUE or FALSE)"
                throw MalformedDump(.unreadableFlag, at: row.position(of: flag.start), "cannot tell whether \(question)")
            case .held(let release):
                let (found, lock) = (release.edits, release.lock)
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
            if let repair = held.repair { report.addWarning("\(row.start): \(Self.failureWarning(held, repair, repaired: true))") }
        }
        report.countRow(in: summary, held: held != nil)
        return (edits, held)
    }

    /// A row of a repair not asked for: a failed migration is counted and told, and nothing
    /// else is said: the table is no lock table, and nothing about it stops the run.
    private func reportFailure(
        _ row: LockRowBuffer, values: [ValueSpan], _ context: LockRowContext, format: ValueFormat, report: inout PatchReport
    ) {
        guard let layout = Self.resolve(context.target.rules, context, valueCount: values.count).layout,
              case .held(let release) = decide(row, values: values, layout: layout, target: context.target, format: format)
        else { return }
        report.addUnrepairedFailure()
        report.addWarning("\(row.start): \(Self.failureWarning(release.lock, layout.rule.repair!, repaired: false))")
    }

    /// How `rules` read a row of `valueCount` values, given what the dump says of its columns.
    private static func resolve(_ rules: [LockTableRule], _ context: LockRowContext, valueCount: Int) -> LockLayout.Resolution {
        let known = context.columns
        return LockLayout.resolve(rules, columns: known.names, source: known.source, valueCount: valueCount, shape: known.shape)
    }

    private func decide(
        _ row: LockRowBuffer, values: [ValueSpan], layout: LockLayout, target: LockTarget, format: ValueFormat
    ) -> FlagTruth<RowRelease.Release> {
        row.bytes.withUnsafeBytes { bytes in
            RowRelease.decide(
                row: bytes, values: values, layout: layout, target: target, dialect: dialect,
                releaseStamp: catalogue.stamp(for: layout.rule), format: format)
        }
    }

    /// Which migration to check by hand, and why: a failed one may have left the schema half
    /// changed. The same words whether the repair was done or is only offered.
    private static func failureWarning(_ row: HeldLock, _ repair: RepairTool, repaired: Bool) -> String {
        let (done, check) = switch repair {
        case .flyway, .sqlx: ("removes its row, so it runs again", "that what it changed before failing is undone")
        case .prisma: ("marks it rolled back, so it runs again", "that what it changed before failing is undone")
        case .golangMigrate: ("marks it clean, so it counts as applied", "that all its changes are in place")
        }
        let failed = "\(row.qualifiedTable): \(row.keyColumn) \(row.displayedKey) is a failed migration"
        return repaired
            ? "\(failed); --repair \(repair.rawValue) \(done): check by hand \(check)"
            : "\(failed), left as it is: --repair \(repair.rawValue) \(done) (check by hand first \(check))"
    }

    /// A `--set` that changed nothing because its table or column never appeared: a typo the
    /// user must hear about, not a silent success.
    func warnUnmatchedRewrites(in report: inout PatchReport) {
        for (index, rewrite) in catalogue.rewrites.enumerated() where !rewriteColumnsFound[index] {
            let table = [rewrite.qualifier, rewrite.table].compactMap { $0 }.joined(separator: ".")
            let why = rewriteTablesSeen[index]
                ? "the rows of \(table) have no column \(rewrite.column)"
                : "the dump has no rows of a table \(table)"
            report.addWarning("--set \(table).\(rewrite.column)=\(rewrite.value) changed nothing: \(why)")
        }
    }

    /// The layouts that decide the target's row of `valueCount` values: the built-in rule's,
    /// or one for each `--set` rule on the table whose column it has; none when the rows are left
    /// alone (a namesake table, a family `--only` left out), with a warning where one is due.
    private mutating func layouts(
        of context: LockRowContext, valueCount: Int, at start: SourcePosition, report: inout PatchReport
    ) throws -> [LockLayout] {
        let rules = context.target.rules
        guard rules.first?.rewriteIndex != nil else {
            return try layout(of: context, rules: rules, valueCount: valueCount, at: start, report: &report).map { [$0] } ?? []
        }
        return try rules.compactMap { rule in
            rewriteTablesSeen[rule.rewriteIndex!] = true
            let layout = try layout(of: context, rules: [rule], valueCount: valueCount, at: start, report: &report)
            // Without any column names for the table, its own warning says why nothing was set.
            let unknowable = context.columns.names == nil && rule.defaultLayouts.isEmpty
            if layout != nil || unknowable { rewriteColumnsFound[rule.rewriteIndex!] = true }
            return layout
        }
    }

    /// How to read the row (starting at `start`) by the first of `rules` whose columns the
    /// table has, or `nil`.
    private mutating func layout(
        of context: LockRowContext, rules: [LockTableRule], valueCount: Int, at start: SourcePosition,
        report: inout PatchReport
    ) throws -> LockLayout? {
        let target = context.target
        var tableName: String { String(decoding: target.name.qualified, as: UTF8.self) }
        func resolve(_ rules: [LockTableRule]) -> LockLayout.Resolution { Self.resolve(rules, context, valueCount: valueCount) }
        switch resolve(rules) {
        case .layout(let layout):
            if layout.assumed {
                warnOnce(target, "\(start): \(tableName): no column list or CREATE TABLE in the dump; assumed the layout (\(layout.columns.joined(separator: ", ")))", &report)
            }
            if target.recognizedByColumns, let family = layout.rule.family {
                warnOnce(target, "\(tableName) is read as \(family)'s lock table: not its usual name, but exactly its columns (\(layout.columns.joined(separator: ", ")))", &report)
            }
            return layout
        case _ where resolve(target.excludedRules).isLayout:
            return nil  // a row of a family `--only` left out
        case .noFlagColumn:
            // A --set whose column the table lacks is told at the end, once for the whole dump.
            guard rules[0].rewriteIndex == nil else { return nil }
            let flags = rules.map(\.flagColumn).joined(separator: ", ")
            warnOnce(target, "\(tableName) has none of the columns \(flags); its rows were left as they are", &report)
        case .noColumns:
            warnOnce(target, "\(start): \(tableName): no column list or CREATE TABLE in the dump, so no way to tell where \(rules[0].flagColumn) is; its rows were left as they are", &report)
        case .valueCountMismatch(let expected, let source):
            let origin = switch source {
            case .columnList: "its INSERT column list"
            case .createTable: "its CREATE TABLE"
            case .assumed: "the known layouts of \(tableName)"
            }
            let counts = expected.map(String.init).joined(separator: " or ")
            throw MalformedDump(.unreadableLockRow, at: start, "lock-table row has \(valueCount) values but \(tableName) has \(counts) columns (from \(origin))")
        }
        return nil
    }

    /// The report's entry for the target's table, added when first met; `nil` once
    /// `PatchReport.tableLimit` tables are listed.
    private mutating func summaryIndex(for target: LockTarget, in report: inout PatchReport) -> Int? {
        if let index = tableIndexes[target.name] { return index }
        guard report.tables.count < PatchReport.tableLimit else { return nil }
        let names = target.name.reported
        let index = report.addTable(LockTableSummary(database: names.database, schema: names.schema, table: names.table))
        tableIndexes[target.name] = index
        return index
    }

    private mutating func warnOnce(_ target: LockTarget, _ message: String, _ report: inout PatchReport) {
        guard warnedTables.count < PatchReport.warningLimit else { return report.addWarning(message) }
        guard warnedTables.insert(target.name.qualified).inserted else { return }
        report.addWarning(message)
    }
}
