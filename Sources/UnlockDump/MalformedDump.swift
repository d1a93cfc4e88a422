/// The input is not a dump the engine can patch safely: it stops rather than guess.
public struct MalformedDump: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is, for a caller that acts on it; `message` says it to a person.
    public enum Kind: Sendable, Equatable {
        /// A string, quoted name or dollar-quoted string still open where the input ends.
        case unterminatedQuote
        /// A comment still open where the input ends.
        case unterminatedComment
        /// A statement, a COPY block's data or a lock-table row not ended where the input ends.
        case unterminatedStatement
        /// Not SQL text: an archive, a database file, another encoding... `format` names it and
        /// says how to make SQL of it.
        case foreignFormat(String)
        /// A lock-table row longer than `PatchOptions.maxLockRowBytes`.
        case lockRowTooLarge
        /// A lock-table row that cannot be read: not closed by its statement's end, an empty
        /// value, more values or column names than any lock table has, or a count of values no
        /// layout of its table has.
        case unreadableLockRow
        /// A lock flag whose literal says neither held nor released (`'maybe'`, an expression).
        case unreadableFlag
        /// A setting that decides how the rest of the dump reads and cannot be followed: a
        /// `SET sql_mode` to an expression, a `DELIMITER` too long.
        case unfollowableSetting
    }

    public var kind: Kind
    /// Where the problem was found (for an unterminated construct: where it opened).
    public var position: SourcePosition
    /// What was wrong or expected, e.g. "unterminated string literal (expected ')".
    public var message: String

    public init(_ kind: Kind, at position: SourcePosition, _ message: String) {
        self.kind = kind
        self.position = position
        self.message = message
    }

    /// The position's parts: 1-based line and column, 0-based byte offset in the input.
    public var line: Int { position.line }
    public var column: Int { position.column }
    public var byte: Int { position.byte }

    /// `line L, column C (byte B): message`.
    public var description: String { "\(position): \(message)" }
}
