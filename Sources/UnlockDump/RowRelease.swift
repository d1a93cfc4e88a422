/// The decision for one buffered lock row: leave it, or the byte edits that release it.
enum RowRelease {
    case notHeld
    case held(edits: [Edit], lock: HeldLock)
    /// The flag value at this row-relative offset cannot be read.
    case unrecognizedFlag(at: Int, literal: String)

    struct Edit {
        /// Row-relative bytes to replace.
        let range: Range<Int>
        let bytes: [UInt8]
    }

    static func decide(
        row: UnsafeRawBufferPointer, values: [ValueSpan], layout: LockLayout, target: LockTarget, dialect: Dialect,
        format: ValueFormat = .sqlLiteral
    ) -> RowRelease {
        let flagSpan = values[layout.flagIndex]
        func literal(_ span: ValueSpan) -> [UInt8] { Array(row[span.start..<span.end]) }

        let flagEdit: Edit
        switch format.flag(flagSpan, in: row, dialect: dialect) {
        case .notHeld:
            return .notHeld
        case .unrecognized:
            return .unrecognizedFlag(at: flagSpan.start, literal: LockLiteral.display(literal(flagSpan)))
        case .held(let range, let bytes):
            flagEdit = Edit(range: range, bytes: bytes)
        }

        var edits = [flagEdit]
        var changes = [change(layout.columns[layout.flagIndex], from: literal(flagSpan), to: newLiteral(flagSpan, flagEdit, row))]
        for index in layout.nullIndexes {
            let span = values[index]
            let old = literal(span)
            guard !format.isNull(old) else { continue }
            edits.append(Edit(range: span.start..<span.end, bytes: format.null))
            changes.append(change(layout.columns[index], from: old, to: format.null))
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        let lock = HeldLock(
            database: target.database.map { String(decoding: $0, as: UTF8.self) },
            table: String(decoding: target.table, as: UTF8.self),
            keyColumn: layout.columns[layout.keyIndex],
            keyLiteral: LockLiteral.display(literal(values[layout.keyIndex])),
            changes: changes)
        return .held(edits: edits, lock: lock)
    }

    /// The whole value as it reads after the edit (`_binary '\0'`, not just `'\0'`).
    private static func newLiteral(_ span: ValueSpan, _ edit: Edit, _ row: UnsafeRawBufferPointer) -> [UInt8] {
        Array(row[span.start..<edit.range.lowerBound]) + edit.bytes + Array(row[edit.range.upperBound..<span.end])
    }

    private static func change(_ column: String, from old: [UInt8], to new: [UInt8]) -> ColumnChange {
        ColumnChange(column: column, oldLiteral: LockLiteral.display(old), newLiteral: LockLiteral.display(new))
    }
}
