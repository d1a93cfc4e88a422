/// Reads the bytes of an `INSERT INTO name` or `REPLACE INTO name` head where a statement starts
/// (blanks between, the name plain or quoted, perhaps qualified), for `Lexer.insertHead`; and
/// remembers the last one, since dumps write thousands of INSERTs into one table in a row: the
/// next is read by one compare. Whatever it cannot read plainly (a comment, a modifier, a quote
/// doubled in a name, a name cut by the chunk's end) is `nil`, left to the lexer's state switch.
struct InsertHeadParser {
    /// A head's parts as chunk indices: its `INTO`, and its name's one or two parts.
    struct Parts {
        var into: Range<Int>
        var part: NamePart
        var second: NamePart?

        var nameEnd: Int { second?.end ?? part.end }

        func shifted(by offset: Int) -> Parts {
            func shift(_ part: NamePart) -> NamePart {
                (part.bytes.lowerBound &+ offset..<part.bytes.upperBound &+ offset, part.end &+ offset, part.quoted)
            }
            return Parts(into: into.lowerBound &+ offset..<into.upperBound &+ offset, part: shift(part), second: second.map(shift))
        }
    }

    /// A name part's bytes (quotes excluded), the index after it, and whether it was quoted.
    typealias NamePart = (bytes: Range<Int>, end: Int, quoted: Bool)

    /// Which quotes make a name, as the dialect and its `sql_mode` say.
    struct NameQuotes: Equatable {
        var backtick: Bool
        /// `"`, unless it makes a string with escapes (MySQL without ANSI_QUOTES).
        var double: Bool
        var bracket: Bool
    }

    private var last: [UInt8] = []
    private var lastParts = Parts(into: 0..<0, part: (0..<0, 0, false), second: nil)
    private var lastQuotes = NameQuotes(backtick: false, double: false, bracket: false)

    /// The head at `first`, followed by something that is no `.` (the name is whole), or `nil`.
    @inline(__always)
    mutating func read(_ p: UnsafePointer<UInt8>, _ first: Int, _ end: Int, quotes: NameQuotes) -> Parts? {
        guard let head = repeated(p, first, end, quotes: quotes) ?? parse(p, first, end, quotes: quotes) else { return nil }
        let after = Self.skipBlanks(p, head.nameEnd, end)
        return after < end && p[after] != 0x2E ? head : nil
    }

    /// The last head again at `first`: the same bytes, ending where its name ended (a plain name
    /// not running on, a quoted one not doubling its closing quote), under the same quoting rules.
    @inline(__always)
    private func repeated(_ p: UnsafePointer<UInt8>, _ first: Int, _ end: Int, quotes: NameQuotes) -> Parts? {
        let count = last.count
        guard count > 0, first &+ count < end, lastQuotes == quotes else { return nil }
        guard last.withUnsafeBufferPointer({ ByteScan.equal(p + first, $0.baseAddress!, count: count) }) else { return nil }
        let next = p[first &+ count]
        let name = lastParts.second ?? lastParts.part
        guard name.quoted ? next != p[first &+ count &- 1] : !Lexer.isWordByte(next) && next != 0x27 else { return nil }
        return lastParts.shifted(by: first)
    }

    /// Reads the head at `first`, and remembers it.
    private mutating func parse(_ p: UnsafePointer<UInt8>, _ first: Int, _ end: Int, quotes: NameQuotes) -> Parts? {
        guard let verb = Self.keywordEnd(Self.insertLetters, 6, p, first, end) ?? Self.keywordEnd(Self.replaceLetters, 7, p, first, end)
        else { return nil }
        let into = Self.skipBlanks(p, verb, end)
        guard let intoEnd = Self.keywordEnd(Self.intoLetters, 4, p, into, end),
              let part = Self.namePart(p, Self.skipBlanks(p, intoEnd, end), end, quotes: quotes) else { return nil }
        var second: NamePart?
        if part.end < end, p[part.end] == 0x2E {
            guard let next = Self.namePart(p, part.end &+ 1, end, quotes: quotes) else { return nil }
            second = next
        }
        let head = Parts(into: into..<intoEnd, part: part, second: second)
        last.removeAll(keepingCapacity: true)
        last.append(contentsOf: UnsafeBufferPointer(start: p + first, count: head.nameEnd &- first))
        lastParts = head.shifted(by: -first)
        lastQuotes = quotes
        return head
    }

    /// A plain or quoted name at `start`. A quote doubled or escaped inside, a word right before
    /// a quote (postgres' `E'...'`) or one starting with `$` (a dollar quote) is no plain name.
    private static func namePart(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, quotes: NameQuotes) -> NamePart? {
        guard start < end else { return nil }
        let b = p[start]
        if let wordEnd = wordEnd(p, start, end) {
            guard wordEnd < end, p[wordEnd] != 0x27, b != 0x24, wordEnd &- start <= Lexer.textCapacity else { return nil }
            return (start..<wordEnd, wordEnd, false)
        }
        let closing: UInt8
        switch b {
        case 0x60 where quotes.backtick: closing = 0x60
        case 0x22 where quotes.double: closing = 0x22
        case 0x5B where quotes.bracket: closing = 0x5D
        default: return nil
        }
        let close = ByteScan.firstIndex(of: closing, in: p, from: start &+ 1, to: end)
        guard close &+ 1 < end, p[close &+ 1] != closing, close &- start &- 1 <= Lexer.textCapacity else { return nil }
        return (start &+ 1..<close, close &+ 1, true)
    }

    // The head's keywords as little-endian words of lower-case letters.
    private static let insertLetters: UInt64 = 0x7472_6573_6E69, replaceLetters: UInt64 = 0x65_6361_6C70_6572
    private static let intoLetters: UInt64 = 0x6F74_6E69

    /// The index after the keyword of `count` letters (`letters`, see above) at `start`, when a
    /// blank follows it there. One 8-byte compare: `| 0x20` folds the case of letters exactly.
    @inline(__always)
    private static func keywordEnd(_ letters: UInt64, _ count: Int, _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let after = start &+ count
        guard start &+ 8 <= end, after < end, p[after] <= 0x20 else { return nil }
        let mask: UInt64 = (1 << UInt64(8 &* count)) &- 1
        let word = UInt64(littleEndian: UnsafeRawPointer(p + start).loadUnaligned(as: UInt64.self))
        return (word | 0x2020_2020_2020_2020) & mask == letters ? after : nil
    }

    @inline(__always)
    static func skipBlanks(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var j = start
        while j < end, p[j] <= 0x20 { j &+= 1 }
        return j
    }

    /// The end of the word that starts at `start`, or `nil` when none does.
    @inline(__always)
    private static func wordEnd(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var j = start
        while j < end, Lexer.isWordByte(p[j]) { j &+= 1 }
        return j > start ? j : nil
    }
}
