/// How a lock row spells its values: SQL literals in an INSERT's row, or the text fields of a
/// COPY data line. The release rules are the same; only reading a value and writing NULL differ.
enum ValueFormat {
    case sqlLiteral
    /// PostgreSQL COPY text format: `\N` is NULL, backslash escapes, no quotes.
    case copyText

    var null: [UInt8] {
        switch self {
        case .sqlLiteral: Self.sqlNull
        case .copyText: Self.copyNull
        }
    }

    func isNull(_ value: some Collection<UInt8>) -> Bool {
        switch self {
        case .sqlLiteral: Keyword.null.matches(value)
        case .copyText: value.elementsEqual(Self.copyNull)
        }
    }

    /// How a value given as SQL literal text (`--set`, `--stamp-release`) is written here: as is
    /// in SQL, unquoted (and NULL as `\N`) in a COPY line.
    func spelling(ofLiteral literal: [UInt8], dialect: Dialect) -> [UInt8] {
        switch self {
        case .sqlLiteral: literal
        case .copyText: Keyword.null.matches(literal) ? Self.copyNull : LiteralValue.plain(ofLiteral: literal, dialect: dialect)
        }
    }

    /// Reads the flag value `value` of the buffered `row`.
    func flag(_ value: ValueSpan, in row: UnsafeRawBufferPointer, dialect: Dialect) -> FlagTruth<RowRelease.Edit> {
        switch self {
        case .sqlLiteral:
            return FlagLiteral.flag(value, in: row, dialect: dialect)
        case .copyText:
            return FlagLiteral.copyField(value.start..<value.end, in: row, dialect: dialect)
        }
    }

    private static let sqlNull = Array("NULL".utf8)
    private static let copyNull: [UInt8] = [0x5C, 0x4E]  // \N
}
