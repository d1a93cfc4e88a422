/// What the lexer hands to the statement recognizer. Offsets are into the whole input, so a
/// token may start in one chunk and end in another.
struct Token {
    var kind: TokenKind
    /// Offset of the token's first byte.
    var start: Int
    /// Offset just past the token's last byte.
    var end: Int
}

extension TokenKind {
    /// A quoted token that may hold a literal: a string, or a name in quotes (a value that names
    /// a column is told apart where it is read).
    var isQuoted: Bool { self == .string || self == .doubleQuotedString || self == .quotedName }
}

enum TokenKind: UInt8 {
    /// An unquoted identifier, keyword or number (`INSERT`, `migrations_lock`, `12`, `0x01`).
    case word
    /// A `'single-quoted'` string.
    case string
    /// A MySQL `"double-quoted"` string: a name under ANSI_QUOTES, so it may stand where a name does.
    case doubleQuotedString
    /// A `` `backticked` ``, sqlite `"double-quoted"` or `[bracketed]` name.
    case quotedName
    case openParen
    case closeParen
    case comma
    case dot
    /// Any other single byte outside strings and comments (`=`, `-`, `@`, ...).
    case other
    /// The statement delimiter (`;`, or what `DELIMITER` set).
    case delimiter
    /// A psql meta-command line (`\connect db`, `\restrict KEY`) where a statement could start;
    /// its text is the line, cut at `Lexer.metaCommandCapacity` bytes.
    case metaCommand
}

/// The text of the word or name just lexed: a view of the lexer's own buffer, valid until its
/// next call. Whoever keeps a text copies it; reading one costs no allocation and no reference
/// counting.
typealias TokenText = UnsafeBufferPointer<UInt8>
