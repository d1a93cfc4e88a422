/// Walks the data of a `COPY ... FROM stdin;` block: lines of text that are not SQL, up to a line
/// that is exactly `\.` (LF or CRLF), as psql decides when it feeds the data to the server.
///
/// The data begins on the line after the COPY statement: psql reads it from the input stream once
/// the statement is sent, so the rest of the statement's own line is skipped first. In the data a
/// backslash is always escaped (`\\`), so only a line starting with `\` can end the block, and
/// every other line costs one memchr for its end. A push state machine like `Lexer`: it resumes
/// exactly where a chunk ended.
struct CopyDataScanner {
    enum Event {
        /// A line ended; `end` is the input offset just past its LF. The first one ends the COPY
        /// statement's own line.
        case lineEnd(Int)
        /// The `\.` line ended the block; `end` is the input offset just past its LF.
        case blockEnd(Int)
    }

    private enum State {
        case statementLine, lineStart, backslash, dot, dotCR, inLine
    }

    /// Report every line end, for a lock table's rows; otherwise only the block's end.
    let reportsLines: Bool
    private var state = State.statementLine

    init(reportsLines: Bool) {
        self.reportsLines = reportsLines
    }

    /// The input ended right after a `\.` with no line break: psql sends that line, and the
    /// server ends the data at it, so the block is complete.
    var endsAtInputEnd: Bool { state == .dot || state == .dotCR }

    /// Scans `p[i..<end]` (a chunk starting at input offset `chunkBase`); returns at each event,
    /// or `nil` when the chunk is used up.
    mutating func next(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int, chunkBase: Int) -> Event? {
        while i < end {
            switch state {
            case .statementLine, .inLine:
                let j = ByteScan.firstIndex(of: 0x0A, in: p, from: i, to: end)
                if j == end {
                    i = end
                    continue
                }
                i = j &+ 1
                state = .lineStart
                if reportsLines { return .lineEnd(chunkBase &+ i) }
            case .lineStart:
                if p[i] == 0x5C {
                    i &+= 1
                    state = .backslash
                } else {
                    state = .inLine
                }
            case .backslash:
                if p[i] == 0x2E {
                    i &+= 1
                    state = .dot
                } else {
                    state = .inLine
                }
            case .dot, .dotCR:
                let b = p[i]
                if b == 0x0A {
                    i &+= 1
                    return .blockEnd(chunkBase &+ i)
                }
                if b == 0x0D, state == .dot {
                    i &+= 1
                    state = .dotCR
                } else {
                    state = .inLine
                }
            }
        }
        return nil
    }
}
