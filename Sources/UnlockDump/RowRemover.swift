/// Rows that go (the presence locks, the failed migrations a repair removes) out of an INSERT or a
/// COPY block: what is held back around them, and the edits that take them out. Only the
/// statement's head and the bytes between two rows are ever held (both bounded like a row); the
/// rows that go are dropped as they end. The patcher does the writing: what is let go is handed
/// to its `emit`, and each edit back to it to record.
struct RowRemover {
    /// How far the INSERT in progress has come in losing rows.
    enum Stage {
        /// Nothing held: bytes are written as they come.
        case none
        /// The statement's head is held from its start: its table is not known yet, or all its
        /// rows may still go (and the statement with them).
        case head
        /// No row stayed, and the rows from input offset `from` on went: their bytes are
        /// dropped, the head still held.
        case dropping(from: Int)
        /// A row stayed: the bytes after the last row are held until the next row (they go with
        /// it, or are written before it) or the statement's end.
        case gap
        /// The statement went whole up to input offset `end`; its line end goes with it once
        /// seen (`end` already past a CR when `sawCR`).
        case lineEnd(end: Int, sawCR: Bool)
    }

    /// What `takeLineEnd` found.
    enum LineEnd {
        /// No statement went whole.
        case none
        /// The chunk ended first: its bytes are dropped, the rest comes with the next.
        case chunkEnded
        /// The statement with its line end: this edit takes it out.
        case taken(ByteEdit)
    }

    private(set) var stage = Stage.none
    /// Where it opened is the start of the next removal.
    private var held: LockRowBuffer

    init(limit: Int) {
        held = LockRowBuffer(limit: limit, holding: "INSERT head or space between rows held back before rows that may go")
    }

    var limit: Int { held.limit }

    /// The input offset of the first byte held back, when one is.
    var heldStart: Int? { held.isOpen ? held.start.byte : nil }

    var holdsHead: Bool {
        if case .head = stage { return true }
        return false
    }

    /// Bytes the patcher passes on: held or dropped (`true`), or for it to write.
    mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) throws -> Bool {
        switch stage {
        case .none: return false
        case .head, .gap: try held.append(bytes, endingAt: end)
        case .dropping, .lineEnd: break
        }
        return true
    }

    mutating func holdHead(from start: SourcePosition) {
        held.open(at: start)
        stage = .head
    }

    /// Throws as the held bytes would, had they been held from `start` up to input offset `end`.
    func checkBound(from start: SourcePosition? = nil, upTo end: Int) throws {
        var bytes = held
        if let start { bytes.open(at: start) }
        try bytes.checkBound(upTo: end)
    }

    /// Hands what is held back to `emit` and holds nothing more.
    mutating func letGo(_ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try held.bytes.withUnsafeBytes(emit)
        held.close()
        stage = .none
    }

    /// Hands the held bytes before input offset `start` to `emit`, keeping the rest; `false` when
    /// no held byte is at or after `start` (then all were let go, and nothing is held).
    mutating func letGo(before start: Int, _ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Bool {
        let before = start - held.start.byte
        guard before < held.bytes.count else {
            try letGo(emit)
            return false
        }
        try held.bytes.withUnsafeBytes { try emit(UnsafeRawBufferPointer(rebasing: $0[..<before])) }
        held.removeFirst(before)
        return true
    }

    /// Holding around rows: the head, the rows before that went, or the bytes after a row.
    var isAroundRows: Bool {
        switch stage {
        case .head, .dropping, .gap: true
        case .none, .lineEnd: false
        }
    }

    /// Before the row at input offset `rowStart`, which stays, what is held goes to `emit`;
    /// returns the edit that takes out the rows before it that went, if they did. Then
    /// `holdAfter(row)`.
    mutating func keep(rowAt rowStart: Int, _ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows -> ByteEdit? {
        let dropped = if case .dropping(let from) = stage { from } else { nil as Int? }
        try letGo(emit)
        return dropped.map { ByteEdit(offset: $0, length: rowStart - $0, replacement: []) }
    }

    /// `row` goes: in a COPY block, its line; in an INSERT, with the separator before it once a
    /// row stayed, else with the one after it (or the statement, if all go). Returns the edit to
    /// record now, if there is one yet.
    mutating func remove(_ row: LockRowBuffer) -> ByteEdit? {
        switch stage {
        case .none, .lineEnd:
            return ByteEdit(offset: row.start.byte, length: row.bytes.count, replacement: [])
        case .head:
            stage = .dropping(from: row.start.byte)
        case .dropping:
            break
        case .gap:
            let end = row.start.byte + row.bytes.count
            defer { holdAfter(row) }
            return ByteEdit(offset: held.start.byte, length: end - held.start.byte, replacement: [])
        }
        return nil
    }

    /// Holds the bytes after `row`, just read, until the next row or the statement's end.
    mutating func holdAfter(_ row: LockRowBuffer) {
        held.open(at: row.position(of: row.bytes.count))
        stage = .gap
    }

    /// The statement's delimiter ends at input offset `end` (`passed`: the offset up to which the
    /// chunk's bytes were passed on): what is held goes to `emit`, or, when every row went, the
    /// statement goes whole with its line end.
    mutating func endStatement(at end: Int, passed: Int, _ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch stage {
        case .none, .lineEnd:
            break
        case .head, .gap:
            // As a chunk's end among these bytes would have refused them.
            if case .gap = stage { try held.checkBound(upTo: end) }
            try letGo(emit)
        case .dropping:
            stage = .lineEnd(end: max(end, passed), sawCR: false)
        }
    }

    /// After a statement that went whole, takes its line end (LF, CR LF or a lone CR) from the
    /// chunk `p` of `count` bytes at input offset `base`; at the input's end (`final`) it is
    /// taken as far as it goes.
    mutating func takeLineEnd(_ p: UnsafePointer<UInt8>, _ count: Int, base: Int, final: Bool) -> LineEnd {
        guard case .lineEnd(var end, var sawCR) = stage else { return .none }
        while true {
            let k = end - base
            guard k < count else {
                if final { break }
                stage = .lineEnd(end: end, sawCR: sawCR)
                return .chunkEnded
            }
            if p[k] == 0x0A {
                end += 1
            } else if p[k] == 0x0D, !sawCR {
                end += 1
                sawCR = true
                continue
            }
            break
        }
        let edit = ByteEdit(offset: held.start.byte, length: end - held.start.byte, replacement: [])
        held.close()
        stage = .none
        return .taken(edit)
    }
}
