/// The lock row being read: the one owner of its bytes, from an INSERT row's `(` to its `)` or a
/// COPY line with its line end, and of where it began. Bounded by `limit` bytes, refused past
/// that wherever the chunks end. Also what is held back around rows that may go (a statement's
/// head, the bytes between rows), under the same bound.
struct LockRowBuffer {
    let limit: Int
    /// What the bytes are, for the refusal.
    private let what: String
    private(set) var bytes: [UInt8] = []
    private(set) var start = SourcePosition(byte: 0, line: 1, column: 1)
    private(set) var isOpen = false

    init(limit: Int, holding what: String = "lock-table row") {
        self.limit = limit
        self.what = what
    }

    mutating func open(at start: SourcePosition) {
        bytes.removeAll(keepingCapacity: true)
        self.start = start
        isOpen = true
    }

    mutating func close() {
        isOpen = false
    }

    /// Lets the first `count` bytes go: the buffer then starts after them.
    mutating func removeFirst(_ count: Int) {
        start = position(of: count)
        bytes.removeFirst(count)
    }

    /// Appends `more`, the input's bytes up to offset `end`.
    mutating func append(_ more: UnsafeBufferPointer<UInt8>, endingAt end: Int) throws {
        try checkBound(upTo: end)
        bytes.append(contentsOf: more)
    }

    /// Throws when the row would hold the input's bytes up to offset `offset` and that is more
    /// than the bound.
    func checkBound(upTo offset: Int) throws {
        guard offset - start.byte <= limit else {
            throw MalformedDump(.lockRowTooLarge, at: start, "\(what) larger than \(limit) bytes (rows of lock tables are buffered, up to that bound)")
        }
    }

    /// The position of the row's byte `offset`.
    func position(of offset: Int) -> SourcePosition {
        bytes.withUnsafeBytes { LineCounter.position(after: start, advancingOver: $0[0..<offset]) }
    }
}
