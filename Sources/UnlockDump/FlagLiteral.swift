/// How a lock flag's literal reads, and the literal that releases it in the same style (`1`->`0`,
/// `'1'`->`'0'`, `b'1'`->`b'0'`, `TRUE`->`FALSE`, a quoted 0x01 byte -> `'\\0'`, ...): the truth
/// table of flag literals, for SQL rows and COPY fields.
enum FlagLiteral {
    private static let quote: UInt8 = 0x27
    private static let backslash: UInt8 = 0x5C

    /// Reads the flag value `value` of the buffered `row`.
    static func flag(_ value: ValueSpan, in row: UnsafeRawBufferPointer, dialect: Dialect) -> FlagTruth<RowRelease.Edit> {
        if dialect == .mysql, let bits = adminerBits(value.start..<value.end, in: row) {
            return quoted(bits, in: row, as: .bits, dialect: dialect)
        }
        if value.tokenCount == 1, value.firstKind.isQuoted {
            return quoted(value.start..<value.end, in: row, as: .text, dialect: dialect)
        }
        if value.tokenCount == 2, value.firstKind == .word, value.lastKind.isQuoted {
            let prefix = row[value.start..<value.firstEnd]
            let literal = value.lastStart..<value.end
            let adjacent = value.firstEnd == value.lastStart
            if adjacent, ASCII.equalIgnoringCase(prefix, [0x62]) {  // b'0101'
                return quoted(literal, in: row, as: .bits, dialect: dialect)
            }
            if adjacent, ASCII.equalIgnoringCase(prefix, [0x78]) {  // x'01', X'01'
                return quoted(literal, in: row, as: .hex, dialect: dialect)
            }
            if prefix.first == 0x5F || ASCII.equalIgnoringCase(prefix, [0x6E]) {  // _binary '..', N'..'
                return quoted(literal, in: row, as: .text, dialect: dialect)
            }
            return .unrecognized
        }
        if value.tokenCount == 2, value.firstKind == .word, value.lastKind == .word, row[value.start] == 0x5F {
            return unquoted(value.lastStart..<value.end, in: row)  // _binary 0x01
        }
        return unquoted(value.start..<value.end, in: row)
    }

    /// Adminer writes a BIT value as the expression `CONV('1', 2, 10) + 0` (its
    /// `unconvert_field`): read in exactly that spelling, it is as plain as `b'1'`. Returns the
    /// range of the quoted bits.
    private static func adminerBits(_ range: Range<Int>, in row: UnsafeRawBufferPointer) -> Range<Int>? {
        let bytes = row[range]
        guard bytes.count > adminerPrefix.count + adminerSuffix.count,
              ASCII.startsIgnoringCase(bytes, with: adminerPrefix), bytes.suffix(adminerSuffix.count).elementsEqual(adminerSuffix)
        else { return nil }
        let bits = (range.lowerBound + adminerPrefix.count - 1)..<(range.upperBound - adminerSuffix.count + 1)
        guard row[bits.dropFirst().dropLast()].allSatisfy({ $0 == 0x30 || $0 == 0x31 }) else { return nil }
        return bits
    }

    private static let adminerPrefix = Array("CONV('".utf8)
    private static let adminerSuffix = Array("', 2, 10) + 0".utf8)


    /// Reads a PostgreSQL COPY text field: `\N` (NULL) is not held, a field with any other escape
    /// is no plain literal, and the rest reads like a quoted value's content (`t`, `1`, `true`),
    /// released in its own style (`f`, `0`, `false`). No released value needs escaping.
    static func copyField(_ range: Range<Int>, in row: UnsafeRawBufferPointer, dialect: Dialect) -> FlagTruth<RowRelease.Edit> {
        let bytes = Array(row[range])
        if bytes == [backslash, 0x4E] { return .notHeld }
        guard !bytes.contains(backslash) else { return .unrecognized }
        return text(bytes, dialect: dialect).map { RowRelease.Edit(range: range, bytes: $0) }
    }

    private enum Content {
        case text, bits, hex
    }

    private static func quoted(_ range: Range<Int>, in row: UnsafeRawBufferPointer, as content: Content, dialect: Dialect) -> FlagTruth<RowRelease.Edit> {
        // postgres lexes `E'...'` as one string token; its prefix stays and its backslashes escape.
        let escapeString = dialect == .postgres && row[range.lowerBound] | 0x20 == 0x65
        let open = escapeString ? range.lowerBound + 1 : range.lowerBound
        let q = row[open]
        // A `backticked` or [bracketed] value names a column: not a literal at all.
        guard q == quote || q == 0x22 else { return .unrecognized }
        let raw = row[(open + 1)..<(range.upperBound - 1)]
        let bytes = LiteralValue.unescaped(raw, quote: q, backslashEscapes: dialect == .mysql || escapeString)
        let truth: FlagTruth<[UInt8]>
        switch content {
        case .bits:
            guard bytes.allSatisfy({ $0 == 0x30 || $0 == 0x31 }) else { return .unrecognized }
            truth = bytes.contains(0x31) ? .held([UInt8](repeating: 0x30, count: bytes.count)) : .notHeld
        case .hex:
            guard bytes.allSatisfy(isHexDigit) else { return .unrecognized }
            truth = bytes.contains(where: { $0 != 0x30 }) ? .held([UInt8](repeating: 0x30, count: bytes.count)) : .notHeld
        case .text:
            truth = text(bytes, dialect: dialect)
        }
        return truth.map { RowRelease.Edit(range: open..<range.upperBound, bytes: [q] + $0 + [q]) }
    }

    /// The truth of a quoted value's content, as MySQL or sqlite would convert it for a flag.
    private static func text(_ bytes: [UInt8], dialect: Dialect) -> FlagTruth<[UInt8]> {
        if bytes.isEmpty { return .notHeld }
        // A BIT(1) value as mariadb-dump writes it: one raw byte, 0x00 or 0x01.
        if bytes.count == 1, bytes[0] < 0x20 {
            if bytes[0] == 0 { return .notHeld }
            return dialect == .mysql ? .held([backslash, 0x30]) : .unrecognized
        }
        if let nonZero = numberIsNonZero(bytes[...]) {
            return nonZero ? .held([0x30]) : .notHeld
        }
        if let word = booleanWord(bytes) {
            return word.isTrue ? .held(styled(word.opposite, like: bytes)) : .notHeld
        }
        return .unrecognized
    }

    private static func unquoted(_ range: Range<Int>, in row: UnsafeRawBufferPointer) -> FlagTruth<RowRelease.Edit> {
        let bytes = row[range]
        if Keyword.null.matches(bytes) || Keyword("false").matches(bytes) { return .notHeld }
        if Keyword("true").matches(bytes) {
            return .held(RowRelease.Edit(range: range, bytes: styled(Array("false".utf8), like: bytes)))
        }
        if bytes.count > 2, bytes.first == 0x30 {
            let prefix = bytes.prefix(2)
            let digits = bytes.dropFirst(2)
            let isHex = prefix.last == 0x78 || prefix.last == 0x58
            let isBits = prefix.last == 0x62
            if isHex || isBits {
                guard digits.allSatisfy(isHex ? isHexDigit : { $0 == 0x30 || $0 == 0x31 }) else { return .unrecognized }
                guard digits.contains(where: { $0 != 0x30 }) else { return .notHeld }
                return .held(RowRelease.Edit(range: range, bytes: Array(prefix) + [UInt8](repeating: 0x30, count: digits.count)))
            }
        }
        guard let nonZero = numberIsNonZero(bytes) else { return .unrecognized }
        return nonZero ? .held(RowRelease.Edit(range: range, bytes: [0x30])) : .notHeld
    }

    /// Whether `bytes` is a decimal number (sign, digits, fraction, exponent) and not zero;
    /// `nil` when it is not a number.
    static func numberIsNonZero(_ bytes: some Collection<UInt8>) -> Bool? {
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == 0x2B || bytes[index] == 0x2D { bytes.formIndex(after: &index) }
        var digits = 0
        var nonZero = false
        var sawDot = false
        while index < bytes.endIndex {
            let b = bytes[index]
            if b &- 0x30 < 10 {
                digits += 1
                if b != 0x30 { nonZero = true }
            } else if b == 0x2E, !sawDot {
                sawDot = true
            } else {
                break
            }
            bytes.formIndex(after: &index)
        }
        guard digits > 0 else { return nil }
        if index < bytes.endIndex, bytes[index] | 0x20 == 0x65 {  // exponent
            bytes.formIndex(after: &index)
            if index < bytes.endIndex, bytes[index] == 0x2B || bytes[index] == 0x2D { bytes.formIndex(after: &index) }
            guard index < bytes.endIndex else { return nil }
            while index < bytes.endIndex, bytes[index] &- 0x30 < 10 { bytes.formIndex(after: &index) }
        }
        return index == bytes.endIndex ? nonZero : nil
    }

    private static let booleanWords: [(word: String, opposite: String, isTrue: Bool)] = [
        ("true", "false", true), ("t", "f", true), ("yes", "no", true), ("y", "n", true), ("on", "off", true),
        ("false", "", false), ("f", "", false), ("no", "", false), ("n", "", false), ("off", "", false),
    ]

    private static func booleanWord(_ bytes: [UInt8]) -> (opposite: [UInt8], isTrue: Bool)? {
        booleanWords.first { ASCII.equalIgnoringCase(bytes, $0.word.utf8) }
            .map { (Array($0.opposite.utf8), $0.isTrue) }
    }

    /// `replacement` in the letter case of `original`: TRUE -> FALSE, True -> False, true -> false.
    private static func styled(_ replacement: [UInt8], like original: some Collection<UInt8>) -> [UInt8] {
        let letters = original.filter { ($0 | 0x20) &- 0x61 < 26 }
        let isUpper = { (b: UInt8) in b &- 0x41 < 26 }
        if !letters.isEmpty, letters.allSatisfy(isUpper) {
            return replacement.map { $0 &- 0x61 < 26 ? $0 & ~0x20 : $0 }
        }
        if let first = letters.first, isUpper(first), var head = replacement.first {
            head = head &- 0x61 < 26 ? head & ~0x20 : head
            return [head] + replacement.dropFirst()
        }
        return replacement
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 6
    }

}
