/// Applies sorted, non-overlapping edits to a stream of original bytes that arrives in pieces:
/// original bytes pass, replaced ones are dropped, replacements go out where they belong.
struct EditApplier {
    private let edits: [SpliceEdit]
    private var next = 0
    /// Offset of the next original byte, in the edits' coordinates.
    private var position: Int
    /// Original bytes up to here are replaced.
    private var skipUntil: Int

    init(_ edits: [SpliceEdit], startingAt position: Int) {
        self.edits = edits
        self.position = position
        skipUntil = position
    }

    /// Whether every edit was applied.
    var isComplete: Bool { next == edits.count }

    /// Passes `original`, the bytes from the current position on, to `emit` with the edits made.
    mutating func feed(
        _ original: UnsafeRawBufferPointer, to emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var rest = original[...]
        while !rest.isEmpty {
            if position < skipUntil {
                let dropped = min(rest.count, skipUntil - position)
                rest = rest.dropFirst(dropped)
                position += dropped
            } else if next < edits.count, edits[next].offset == position {
                try replace(to: emit)
            } else {
                let upTo = next < edits.count ? edits[next].offset : Int.max
                let kept = min(rest.count, upTo - position)
                try emit(UnsafeRawBufferPointer(rebasing: rest.prefix(kept)))
                rest = rest.dropFirst(kept)
                position += kept
            }
        }
    }

    /// The original bytes up to `offset` are kept elsewhere (copied compressed): no edit lies
    /// among them.
    mutating func skip(to offset: Int) {
        precondition(offset >= skipUntil && (next == edits.count || edits[next].offset >= offset))
        position = offset
        skipUntil = offset
    }

    /// At the end of the original bytes: insertions that stand there.
    mutating func finish(to emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        while position >= skipUntil, next < edits.count, edits[next].offset == position {
            try replace(to: emit)
        }
    }

    private mutating func replace(to emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let edit = edits[next]
        next += 1
        skipUntil = position + edit.length
        try edit.replacement.withUnsafeBytes { try emit($0) }
    }
}
