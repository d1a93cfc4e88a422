/// Where one value of a buffered lock row lies, and the shape of its tokens: enough to read a
/// literal (`1`, `'1'`, `b'1'`, `_binary '\0'`) without lexing it again.
struct ValueSpan {
    /// Row-relative offsets of the value's first and past-last byte (comments around excluded).
    var start = 0
    var end = 0
    var firstKind = TokenKind.other
    var firstEnd = 0
    var lastKind = TokenKind.other
    var lastStart = 0
    var tokenCount = 0
}

/// The values of the lock row being buffered, split at the row's top-level commas.
struct RowValues {
    /// A lock table has a handful of columns; a row with more values than this is refused.
    static let maxValues = 4096

    private(set) var spans: [ValueSpan] = []
    /// Input offset of the row's `(`.
    private(set) var rowStart = 0
    /// Parenthesis depth inside the row: 1 between its own parentheses.
    private(set) var depth = 0
    private var current = ValueSpan()

    mutating func begin(at offset: Int) {
        spans.removeAll(keepingCapacity: true)
        rowStart = offset
        depth = 1
        current = ValueSpan()
    }

    enum Step {
        case more
        /// The token closed the row.
        case ended
        /// The token closed a value that has no token at all (`(1,,2)`): not SQL, and nothing
        /// that could be rewritten in place.
        case emptyValue
    }

    mutating func add(_ token: Token) -> Step {
        switch token.kind {
        case .closeParen where depth == 1, .comma where depth == 1:
            guard current.tokenCount > 0 else { return .emptyValue }
            spans.append(current)
            current = ValueSpan()
            if token.kind == .comma { return .more }
            depth = 0
            return .ended
        case .openParen:
            depth += 1
        case .closeParen:
            depth -= 1
        default:
            break
        }
        let start = token.start - rowStart
        let end = token.end - rowStart
        if current.tokenCount == 0 {
            current.start = start
            current.firstKind = token.kind
            current.firstEnd = end
        }
        current.end = end
        current.lastKind = token.kind
        current.lastStart = start
        current.tokenCount += 1
        return .more
    }

    var isFull: Bool { spans.count >= Self.maxValues }
}
