/// Turns byte offsets into line and column for error messages, without a per-byte branch on the
/// hot path: newlines are counted in bulk, and only up to the offsets someone asks about.
///
/// Offsets must be asked for in increasing order, while their chunk is still in hand. The start of
/// a token that spans chunks is resolved before its chunk goes (see `carry`).
struct LineCounter {
    /// Newlines are counted in `0..<countedTo`.
    private(set) var countedTo = 0
    private var line = 1
    /// Offset of the first byte of the line that holds `countedTo`.
    private var lineStart = 0
    /// Positions resolved early because the chunk holding them was about to be dropped.
    private var carried: [(offset: Int, position: SourcePosition)] = []

    /// The position of `offset`, which must lie in the chunk `p` (starting at input offset `base`)
    /// at or after `countedTo`, or be recalled (see `recalled`).
    mutating func position(of offset: Int, in p: UnsafePointer<UInt8>, base: Int) -> SourcePosition {
        if offset < base || offset < countedTo, let known = recalled(offset) { return known }
        advance(to: max(offset, countedTo), in: p, base: base)
        return SourcePosition(byte: offset, line: line, column: max(1, offset - lineStart + 1))
    }

    /// A position no chunk in hand can give: a carried one, or one a few bytes after a carried
    /// one. The only bytes lexed after their chunk is gone are those a partial delimiter replays
    /// (`Lexer.replayPartialDelimiter`), which follow the carried start of that delimiter on the
    /// same line: delimiter bytes are never blanks.
    private func recalled(_ offset: Int) -> SourcePosition? {
        var before: (offset: Int, position: SourcePosition)?
        for entry in carried where entry.offset <= offset && entry.offset > (before?.offset ?? Int.min) { before = entry }
        guard let before else { return nil }
        var position = before.position
        position.column += offset - before.offset
        position.byte = offset
        return position
    }

    /// Counts newlines up to `offset` (inside the chunk).
    mutating func advance(to offset: Int, in p: UnsafePointer<UInt8>, base: Int) {
        guard offset > countedTo else { return }
        let from = countedTo - base
        let to = offset - base
        let newlines = ByteScan.count(of: 0x0A, in: p, from: from, to: to)
        if newlines > 0 {
            line += newlines
            lineStart = base + ByteScan.lastIndex(of: 0x0A, in: p, from: from, to: to)! + 1
        }
        countedTo = offset
    }

    /// Resolves the start offsets of constructs still open at the end of chunk `p`, so they can be
    /// asked for after the chunk is gone; forgets those no longer open.
    mutating func carry(_ offsets: (Int?, Int?), in p: UnsafePointer<UInt8>, base: Int) {
        // Resolved before `carried` is replaced (a recalled position comes from it), and with no
        // array built: this runs at every chunk's end.
        let first = offsets.0.flatMap { resolve($0, in: p, base: base) }
        let second = offsets.1 == offsets.0 ? nil : offsets.1.flatMap { resolve($0, in: p, base: base) }
        carried.removeAll(keepingCapacity: true)
        if let first { carried.append(first) }
        if let second { carried.append(second) }
    }

    private mutating func resolve(_ offset: Int, in p: UnsafePointer<UInt8>, base: Int) -> (offset: Int, position: SourcePosition)? {
        if offset >= base && offset >= countedTo { return (offset, position(of: offset, in: p, base: base)) }
        return recalled(offset).map { (offset, $0) }
    }

    /// The position reached from `start` after `bytes`, which follow it in the input (used inside
    /// a buffered row, whose bytes are still in hand).
    static func position(after start: SourcePosition, advancingOver bytes: UnsafeRawBufferPointer.SubSequence) -> SourcePosition {
        var position = start
        for byte in bytes {
            if byte == 0x0A {
                position.line += 1
                position.column = 1
            } else {
                position.column += 1
            }
        }
        position.byte += bytes.count
        return position
    }
}
