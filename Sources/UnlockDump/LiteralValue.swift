/// A literal's plain value: its content with quotes and escapes undone, as a person writes a
/// value on the command line (`--set`, `--where`) and as the report gives a key.
enum LiteralValue {
    private static let quote: UInt8 = 0x27
    private static let backslash: UInt8 = 0x5C

    /// A value as a person would write it on the command line: a quoted literal's content (with
    /// any introducer dropped), else the literal's bytes. `--set` and `--where` compare these.
    static func plain(_ value: ValueSpan, in row: UnsafeRawBufferPointer, dialect: Dialect) -> [UInt8] {
        let start = value.tokenCount == 2 && value.firstKind == .word && value.lastKind.isQuoted ? value.lastStart : value.start
        return plain(ofLiteral: Array(row[start..<value.end]), dialect: dialect)
    }

    static func plain(ofLiteral literal: [UInt8], dialect: Dialect) -> [UInt8] {
        let escapeString = dialect == .postgres && literal.count >= 3 && literal[0] | 0x20 == 0x65 && literal[1] == quote
        let quoted = escapeString ? literal.dropFirst() : literal[...]
        guard quoted.count >= 2, let q = quoted.first, q == quote || q == 0x22, quoted.last == q else { return literal }
        return unescaped(quoted.dropFirst().dropLast(), quote: q, backslashEscapes: dialect == .mysql || escapeString)
    }

    /// A quoted literal's content: doubled quotes undone, and MySQL's backslash escapes.
    static func unescaped(_ raw: some Collection<UInt8>, quote: UInt8, backslashEscapes: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let b = iterator.next() {
            if b == quote {
                _ = iterator.next()  // the second of a doubled quote
                out.append(b)
            } else if b == backslash, backslashEscapes, let escaped = iterator.next() {
                switch escaped {
                case 0x30: out.append(0)  // \0
                case 0x6E: out.append(0x0A)  // \n
                case 0x72: out.append(0x0D)  // \r
                case 0x74: out.append(0x09)  // \t
                case 0x62: out.append(0x08)  // \b
                case 0x5A: out.append(0x1A)  // \Z
                default: out.append(escaped)
                }
            } else {
                out.append(b)
            }
        }
        return out
    }

}
