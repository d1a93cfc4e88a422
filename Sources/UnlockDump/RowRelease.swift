/// The decision for one buffered lock row by one layout: leave it, or the byte edits that
/// release it and the held lock the report lists; `unrecognized` when its flag cannot be read.
enum RowRelease {
    struct Release {
        let edits: [Edit]
        let lock: HeldLock
    }

    struct Edit {
        /// Row-relative bytes to replace.
        let range: Range<Int>
        let bytes: [UInt8]
    }

    static func decide(
        row: UnsafeRawBufferPointer, values: [ValueSpan], layout: LockLayout, target: LockTarget, dialect: Dialect,
        releaseStamp: ReleaseStamp?, format: ValueFormat = .sqlLiteral
    ) -> FlagTruth<Release> {
        let rule = layout.rule
        func literal(_ span: ValueSpan) -> [UInt8] { Array(row[span.start..<span.end]) }
        func plain(_ span: ValueSpan) -> [UInt8] { LiteralValue.plain(span, in: row, dialect: dialect) }

        if let index = layout.rowEndIndex, !isCurrentVersion(plain(values[index])) {
            return .notHeld
        }
        if let condition = rule.condition, let index = layout.conditionIndex,
           plain(values[index]) != LiteralValue.plain(ofLiteral: Array(condition.value.utf8), dialect: dialect) {
            return .notHeld
        }
        let flagSpan = values[layout.flagIndex]
        let flagEdit: Edit
        if let newValue = rule.newValue {
            // A `--set` row is "held" while its value differs from the one asked for.
            guard plain(flagSpan) != LiteralValue.plain(ofLiteral: newValue, dialect: dialect) else { return .notHeld }
            flagEdit = Edit(range: flagSpan.start..<flagSpan.end, bytes: format.spelling(ofLiteral: newValue, dialect: dialect))
        } else {
            switch format.flag(flagSpan, in: row, dialect: dialect) {
            case .notHeld: return .notHeld
            case .unrecognized: return .unrecognized
            case .held(let edit): flagEdit = edit
            }
        }

        var edits = [flagEdit]
        var changes = [change(layout.columns[layout.flagIndex], from: literal(flagSpan), to: newLiteral(flagSpan, flagEdit, row))]
        func replace(_ index: Int, with bytes: [UInt8]) {
            let span = values[index]
            let old = literal(span)
            guard old != bytes else { return }
            edits.append(Edit(range: span.start..<span.end, bytes: bytes))
            changes.append(change(layout.columns[index], from: old, to: bytes))
        }
        for index in layout.nullIndexes where !format.isNull(literal(values[index])) {
            replace(index, with: format.null)
        }
        if let index = layout.stampIndex, let releaseStamp {
            replace(index, with: format.spelling(ofLiteral: releaseStamp.literal(zoned: layout.stampIsZoned), dialect: dialect))
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        let names = target.name.reported
        let lock = HeldLock(
            database: names.database, schema: names.schema, table: names.table,
            family: rule.family, recognizedByColumns: target.recognizedByColumns,
            keyColumn: layout.columns[layout.keyIndex],
            displayedKey: Displayed.literal(literal(values[layout.keyIndex])),
            keyValue: String(decoding: plain(values[layout.keyIndex]), as: UTF8.self),
            changes: changes)
        return .held(Release(edits: edits, lock: lock))
    }

    /// The end of a system-versioned row's period is at its maximum while the row is current:
    /// MariaDB's TIMESTAMP(6) maximum (2038 up to 11.4, 2106 from 11.5 on 64-bit systems).
    private static func isCurrentVersion(_ rowEnd: [UInt8]) -> Bool {
        currentRowEnds.contains { rowEnd.starts(with: $0) }
    }

    private static let currentRowEnds = ["2038-01-19 03:14:07", "2106-02-07 06:28:15"].map { Array($0.utf8) }

    /// The whole value as it reads after the edit (`_binary '\0'`, not just `'\0'`).
    private static func newLiteral(_ span: ValueSpan, _ edit: Edit, _ row: UnsafeRawBufferPointer) -> [UInt8] {
        Array(row[span.start..<edit.range.lowerBound]) + edit.bytes + Array(row[edit.range.upperBound..<span.end])
    }

    private static func change(_ column: String, from old: [UInt8], to new: [UInt8]) -> ColumnChange {
        ColumnChange(column: column, displayedOld: Displayed.literal(old), displayedNew: Displayed.literal(new))
    }
}
