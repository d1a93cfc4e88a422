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
    /// at or after `countedTo`, or be the carried offset.
    mutating func position(of offset: Int, in p: UnsafePointer<UInt8>, base: Int) -> SourcePosition {
        if let early = carried.first(where: { $0.offset == offset }) { return early.position }
        advance(to: max(offset, countedTo), in: p, base: base)
        // An offset already passed (only possible for a caller bug) still gets a usable answer.
        return SourcePosition(byte: offset, line: line, column: max(1, offset - lineStart + 1))
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
        carried.removeAll { $0.offset != offsets.0 && $0.offset != offsets.1 }
        for case let offset? in [offsets.0, offsets.1]
        where offset >= base && offset >= countedTo && !carried.contains(where: { $0.offset == offset }) {
            carried.append((offset, position(of: offset, in: p, base: base)))
        }
    }

    /// A carried position, once no chunk is in hand.
    func carriedPosition(of offset: Int) -> SourcePosition? {
        carried.first { $0.offset == offset }?.position
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
