/// The decision for one buffered lock row by one layout: leave it, or the byte edits that
/// release it (or that it goes whole) and the held lock the report lists; `unrecognized` when
/// its flag cannot be read.
enum RowRelease {
    struct Release {
        let edits: [Edit]
        let lock: HeldLock
        /// The row goes: `edits` is empty, and where its bytes end is the patcher's to say.
        var removesRow: Bool { lock.removed }
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
        let reading = RowReading(row: row, values: values, layout: layout, dialect: dialect, format: format)
        if let index = layout.rowEndIndex, !isCurrentVersion(reading.plain(index)) {
            return .notHeld
        }
        if let condition = layout.rule.condition, let index = layout.conditionIndex,
           reading.plain(index) != LiteralValue.plain(ofLiteral: Array(condition.value.utf8), dialect: dialect) {
            return .notHeld
        }
        let rewrite: FlagTruth<(edits: [Edit], changes: [ColumnChange])>
        switch layout.rule.action {
        case .removeRow:
            rewrite = .held(([], []))
        case .removeIfFalse:
            rewrite = reading.failed().map { ([], []) }
        case .releaseFlag, .stampIfNull:
            rewrite = reading.rewrite(releaseStamp: releaseStamp)
        }
        return rewrite.map { edits, changes in
            Release(edits: edits, lock: heldLock(reading, target: target, changes: changes))
        }
    }

    private static func heldLock(_ reading: RowReading, target: LockTarget, changes: [ColumnChange]) -> HeldLock {
        let layout = reading.layout, rule = layout.rule
        let names = target.name.reported
        return HeldLock(
            database: names.database, schema: names.schema, table: names.table,
            family: rule.family, recognizedByColumns: target.recognizedByColumns,
            keyColumn: layout.columns[layout.keyIndex],
            displayedKey: Displayed.literal(reading.literal(layout.keyIndex)),
            keyValue: String(decoding: reading.plain(layout.keyIndex), as: UTF8.self),
            changes: changes, removed: rule.action.removesRows, repair: rule.repair)
    }

    /// The end of a system-versioned row's period is at its maximum while the row is current:
    /// MariaDB's TIMESTAMP(6) maximum (2038 up to 11.4, 2106 from 11.5 on 64-bit systems).
    private static func isCurrentVersion(_ rowEnd: [UInt8]) -> Bool {
        currentRowEnds.contains { rowEnd.starts(with: $0) }
    }

    private static let currentRowEnds = ["2038-01-19 03:14:07", "2106-02-07 06:28:15"].map { Array($0.utf8) }
}

/// One row's values read by one layout: the literals, their plain values, and the rewrites.
private struct RowReading {
    let row: UnsafeRawBufferPointer
    let values: [ValueSpan]
    let layout: LockLayout
    let dialect: Dialect
    let format: ValueFormat

    func literal(_ index: Int) -> [UInt8] { Array(row[values[index].start..<values[index].end]) }
    func plain(_ index: Int) -> [UInt8] { LiteralValue.plain(values[index], in: row, dialect: dialect) }

    /// A `success` flag read the other way round: false is the failed migration. NULL is no
    /// answer from a column the tools declare NOT NULL.
    func failed() -> FlagTruth<Void> {
        guard !format.isNull(literal(layout.flagIndex)) else { return .unrecognized }
        switch format.flag(values[layout.flagIndex], in: row, dialect: dialect) {
        case .held: return .notHeld
        case .notHeld: return .held(())
        case .unrecognized: return .unrecognized
        }
    }

    /// The edits of a row released in place (its flag, its null and stamp columns), with what
    /// the report shows of them.
    func rewrite(releaseStamp: ReleaseStamp?) -> FlagTruth<(edits: [RowRelease.Edit], changes: [ColumnChange])> {
        var edits: [RowRelease.Edit] = []
        var changes: [ColumnChange] = []
        if layout.rule.action == .stampIfNull {
            guard let stamp = layout.stampIndex, format.isNull(literal(layout.flagIndex)), format.isNull(literal(stamp)) else { return .notHeld }
        } else {
            switch flagEdit() {
            case .notHeld: return .notHeld
            case .unrecognized: return .unrecognized
            case .held(let edit):
                let span = values[layout.flagIndex]
                edits.append(edit)
                changes.append(change(layout.flagIndex, from: literal(layout.flagIndex), to: newLiteral(span, edit)))
            }
        }
        func replace(_ index: Int, with bytes: [UInt8]) {
            let old = literal(index)
            guard old != bytes else { return }
            edits.append(RowRelease.Edit(range: values[index].start..<values[index].end, bytes: bytes))
            changes.append(change(index, from: old, to: bytes))
        }
        for index in layout.nullIndexes where !format.isNull(literal(index)) {
            replace(index, with: format.null)
        }
        if let index = layout.stampIndex, let releaseStamp {
            replace(index, with: format.spelling(ofLiteral: releaseStamp.literal(zoned: layout.stampIsZoned), dialect: dialect))
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        return .held((edits, changes))
    }

    /// The flag's new value: a `--set` row is "held" while its value differs from the one asked for.
    private func flagEdit() -> FlagTruth<RowRelease.Edit> {
        let span = values[layout.flagIndex]
        guard let newValue = layout.rule.newValue else { return format.flag(span, in: row, dialect: dialect) }
        guard plain(layout.flagIndex) != LiteralValue.plain(ofLiteral: newValue, dialect: dialect) else { return .notHeld }
        return .held(RowRelease.Edit(range: span.start..<span.end, bytes: format.spelling(ofLiteral: newValue, dialect: dialect)))
    }

    /// The whole value as it reads after the edit (`_binary '\0'`, not just `'\0'`).
    private func newLiteral(_ span: ValueSpan, _ edit: RowRelease.Edit) -> [UInt8] {
        Array(row[span.start..<edit.range.lowerBound]) + edit.bytes + Array(row[edit.range.upperBound..<span.end])
    }

    private func change(_ index: Int, from old: [UInt8], to new: [UInt8]) -> ColumnChange {
        ColumnChange(column: layout.columns[index], displayedOld: Displayed.literal(old), displayedNew: Displayed.literal(new))
    }
}
