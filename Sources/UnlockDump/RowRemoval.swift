/// How far the INSERT in progress has come in losing rows, when its table's rows may go: what
/// the patcher holds back, and what it drops. Only the statement's head and the bytes between
/// two rows are ever held (both bounded like a row); the rows that go are dropped as they end.
enum RowRemoval {
    /// Nothing held: bytes are written as they come.
    case none
    /// The statement's head is held from its start: its table is not known yet, or all its rows
    /// may still go (and the statement with them).
    case head
    /// No row stayed, and the rows from input offset `from` on went: their bytes are dropped,
    /// the head still held.
    case dropping(from: Int)
    /// A row stayed: the bytes after the last row are held until the next row (they go with it,
    /// or are written before it) or the statement's end.
    case gap
    /// The statement went whole up to input offset `end`; its line end goes with it once seen
    /// (`end` already past a CR when `sawCR`).
    case lineEnd(end: Int, sawCR: Bool)
}
