// ADVICE FOR THE NEXT MAINTAINER
//
// The lexer is a push-style state machine over raw bytes, in the spirit of csv-core: `next` takes
// any chunk, stops at each token or at the chunk's end and says which (`LexResult`), and resumes
// exactly where it stopped, so chunk boundaries are invisible. Its inputs are its arguments; a
// caller reads what it found (`text`, `openConstructStarts`) and never sets its fields. It never
// allocates on the hot path and never looks back at earlier chunks: every decision that needs a
// byte not yet seen is a state (`quotedClose` waits to see whether a quote is doubled, `dash` and
// `dashDash` wait to see whether `--` opens a comment, and so on).
//
// Two speeds. Most bytes of a dump belong to statements nobody reads (the rows of other tables),
// so while the caller is not reporting and no token could change anything (`canSkipInert`), the
// state `between` hands the bytes to `skipInert`: in mysql and sqlite `StringBlockSkip` crosses
// 32 bytes a step, single-quoted strings included, by quote-parity bitmasks; then a `ByteSet`
// search, 16 bytes a step, finds the next byte that matters (a quote, the delimiter, a comment's
// first byte, in postgres `$` and a parenthesis, which psql counts), and the strings it meets
// are skipped in place. Where a statement starts, `insertHead` reads `INSERT INTO name` in one
// go (its bytes by `InsertHeadParser`, which also knows the last head), and when no rule can
// claim the name the stream patcher has `skipToStatementEnd` cross the rest through its `;`: a
// row of another table costs no token. Everything else, and every byte
// whenever those conditions fail, goes through the state switch. `Lexer(dialect:skipsInertRuns:
// false)` lexes every byte the slow way: the tests and the fuzzer check that both give the same
// output, report and errors. Small helpers are static or inlined: a method called the ordinary
// way from a mutating one copies the whole lexer to lend it out (measured: 512 bytes a call).
//
// States, and why each exists:
// - between: outside any token. Dispatches on the first byte of the next token.
// - word: identifier, keyword or number bytes. A custom delimiter's first byte ends a word
//   (`END$$` is `END` then `$$`), as the mysql client checks for the delimiter at every byte.
// - quoted / quotedEscape / quotedClose: a quoted token. A string nobody reads jumps from quote
//   to quote with memchr (`skipQuoted`); one whose text is kept goes to the next quote or
//   backslash.
// - dash / dashDash: MySQL needs a blank or control byte after `--` for a comment (`1--1` is
//   arithmetic); sqlite does not.
// - slash / commentOpen / commentOpenM / blockComment / blockCommentStar: comments.
//   `/*!` and `/*M!` open an executable comment: its contents are lexed (a string inside may hold
//   `*/`) but no token inside is reported, so nothing in one is ever treated as data.
// - executableStar: a `*` inside an executable comment, which may close it.
// - lineComment: to the end of the line.
// - delimiter: part way through a multi-byte custom delimiter. On a mismatch the consumed bytes are
//   lexed again as ordinary bytes (`replayPartialDelimiter`).
// - delimiterCommand*: the mysql client's `DELIMITER x` line, recognized only as the first word of
//   a statement followed by a blank, as the client does.
// - dollarTag / dollarBody / dollarClose (postgres): `$tag$ ... $tag$` quoting. `dollarTag` reads
//   the opening tag (`$1` turns out to be a parameter word, a lone `$` an `other` byte);
//   `dollarBody` jumps to the next `$` with memchr; `dollarClose` matches the closing tag (tags
//   hold no `$`, so a mismatched `$` simply starts the next candidate).
// - blockCommentSlash (postgres): a `/` inside a comment, which may open a nested one.
//
// postgres also has `E'...'` escape strings (a one-byte word `E` right before a quote, decided
// when the word ends) and psql meta-commands (`\restrict KEY`, `\connect db`): a backslash where
// a statement would start runs to the end of its line (state metaCommand) and is reported as one
// token holding the line, so the recognizer can follow `\connect`. COPY data after `FROM stdin;`
// is not SQL at all: the stream patcher hands it to `CopyDataScanner` and the lexer never sees it.
//
// Where a statement ends is the replaying program's rule, kept in `StatementEnds`: the mysql
// client's delimiter, sqlite3_complete()'s `; END ;` for triggers, psql's parenthesis and
// `BEGIN ATOMIC` depth. The lexer feeds it every token, reported or not, and reports a `;` it
// rules out as an `other` token. MySQL's string rules follow the dump's own `SET sql_mode`
// (`SqlModeTracker`): NO_BACKSLASH_ESCAPES and ANSI_QUOTES, applied from the next statement on.
//
// Where the servers' rules are not followed, and what is done instead:
// - a MySQL `BEGIN ... END` body under the default delimiter is walked as one block (by the
//   recognizer), where the client would split it and the restore would fail anyway;
// - executable comments `/*!NNNNN ... */` count as executed whatever the version, except
//   `/*!999999`/`/*M!999999` (mariadb-dump's sandbox line), which no server runs;
// - a `SET sql_mode` to an expression is refused (`LexError.unfollowableSqlMode`), not guessed;
// - psql meta-commands are recognized only where a statement starts, as pg_dump writes them.
//
// Traps: a backslash is an escape only in MySQL strings and postgres `E''` strings (a plain byte
// in sqlite and postgres standard strings, and in names);
// `]` closes a sqlite bracketed name without any doubling; the sandbox line
// `/*M!999999\- enable the sandbox mode */` is an executable comment holding a backslash;
// `skipInert` must stop wherever the state switch would do more than skip: in postgres before a
// word that runs into a quote or `$` (`E'...'`, `a$b`), at a chunk's end before a word cut in
// two, and after a parenthesis that makes words matter again (a routine's body at depth zero).
// When adding a state, update `next`, `finish` and `openConstructStarts` together; when adding a
// byte that starts a token, decide whether `inertStops` must hold it.

/// Why the lexer gave up. The dump patcher adds the line and column.
enum LexError: Error {
    case unterminated(MalformedDump.Kind, what: String, expected: String, at: Int)
    case delimiterTooLong(at: Int)
    /// A `SET sql_mode` whose value is an expression (see `SqlModeTracker`).
    case unfollowableSqlMode(at: Int)
}

/// Why `Lexer.next` stopped.
enum LexResult {
    /// A token ended (or, for a delimiter, was matched).
    case token(Token)
    /// The chunk is used up; what is open carries on into the next one.
    case endOfChunk
}

struct Lexer {
    enum State: UInt8 {
        case between, word, quoted, quotedEscape, quotedClose
        case dash, dashDash, slash, commentOpen, commentOpenM, blockComment, blockCommentStar
        case executableStar, lineComment, delimiter
        case delimiterCommandBlank, delimiterCommandArgument, delimiterCommandRest
        case dollarTag, dollarBody, dollarClose, blockCommentSlash, metaCommand
    }

    /// The longest `DELIMITER` argument accepted; mysqldump only ever writes `;;`.
    static let maxDelimiterLength = 16
    /// Word and name bytes kept for the recognizer; longer names match no lock table anyway.
    static let textCapacity = 64
    /// Bytes of a meta-command line kept: `\connect -reuse-previous=on "dbname='...'"` with a
    /// database name of postgres's longest (63 bytes), escaped.
    static let metaCommandCapacity = 256

    // Dialect rules, fixed at creation.
    private let tracksSqlMode: Bool
    private let hashComments: Bool
    private let dashCommentNeedsBlank: Bool
    private let executableComments: Bool
    private let bracketNames: Bool
    private let backtickNames: Bool
    private let delimiterCommands: Bool
    private let escapeStringPrefix: Bool
    private let dollarQuotes: Bool
    private let nestedComments: Bool
    private let metaCommands: Bool
    private let skipsInertRuns: Bool

    // The arguments of the `next` call in progress.
    /// When false only delimiters are reported: the caller has no use for the statement's rest.
    private var reportsTokens = true
    /// Input offset of the chunk being scanned, so tokens carry whole-input offsets.
    private var chunkBase = 0

    private(set) var state = State.between
    /// Offset of the first byte of the token or comment in progress.
    private var tokenStart = 0
    /// The byte that closes the quoted token in progress.
    private var quote: UInt8 = 0
    private var quotedKind = TokenKind.string
    private var quotedEscapes = false
    /// `]` closes a bracketed name with no doubling.
    private var quoteDoubles = true
    /// Whether the token in progress keeps its bytes in `text`.
    private var collectsText = false
    /// The current word or name, unescaped and cut at `textLimit` bytes: `textCount` bytes of a
    /// buffer allocated once.
    private var textStorage = TextStorage()
    private var textCount = 0
    private(set) var textOverflowed = false
    private var inExecutableComment = false
    private var executableCommentStart = 0
    /// The next token is the executable comment's first, which may be its version number.
    private var executableCommentFirstToken = false
    /// The comment's version is one no server has (mariadb-dump's sandbox line, `/*M!999999`):
    /// its content is never executed, so it sets no `sql_mode`.
    private var executableCommentNeverRuns = false
    private var delimiterBytes: [UInt8] = [0x3B]
    private var delimiterFirst: UInt8 = 0x3B
    private var delimiterMatched = 0
    /// Set while replaying a partial delimiter, so its first byte is not taken as a delimiter again.
    private var skipDelimiterOnce = false
    /// No token since the last delimiter: a `DELIMITER` command may start here.
    private var atStatementStart = true
    private var wordIsFirstInStatement = false
    /// The word's first byte: a one-byte word `E` before a quote opens an escape string.
    private var wordFirstByte: UInt8 = 0
    /// The tag of the dollar quote being read or closed (without its `$`s).
    private var dollarTagBytes: [UInt8] = []
    private var dollarMatched = 0
    /// Open block comments, for dialects where they nest.
    private var commentDepth = 0
    private var newDelimiter: [UInt8] = []
    /// Whether a `;` ends the statement where sqlite3 and psql say it does not (trigger bodies,
    /// parentheses, `BEGIN ATOMIC`).
    private var ends: StatementEnds
    /// MySQL's `sql_mode` as the dump sets it, and the string rules it gives.
    private var sqlModes = SqlModeTracker()
    private var stringEscapes: Bool
    private var doubleQuoteKind: TokenKind
    private var doubleQuoteEscapes: Bool
    /// The most bytes `text` keeps for the token in progress.
    private var textLimit = Lexer.textCapacity
    /// The bytes `skipInert` stops at: every byte that may start a token other than a word, a
    /// blank or a one-byte operator, given the dialect and the delimiter.
    private var inertStops: ByteSet
    /// The same stops but `'`, for crossing strings and all 32 bytes a step (not in postgres).
    /// Not optional, so it is used in place: an optional's payload is copied out at every use.
    private var blockSkip = StringBlockSkip(stops: [0x3B, 0x22, 0x2D, 0x2F, 0x60, 0x23])
    /// Reads `INSERT INTO name` heads, and remembers the last.
    private var heads = InsertHeadParser()

    /// - Parameter skipsInertRuns: false lexes every byte through the state switch: the slow,
    ///   obvious reference the fast path is checked against.
    init(dialect: Dialect, skipsInertRuns: Bool = true) {
        let mysql = dialect == .mysql
        let postgres = dialect == .postgres
        tracksSqlMode = mysql
        stringEscapes = mysql
        doubleQuoteEscapes = mysql
        hashComments = mysql
        dashCommentNeedsBlank = mysql
        executableComments = mysql
        bracketNames = dialect == .sqlite
        backtickNames = !postgres  // `[` and a backtick are operators or array syntax in postgres
        delimiterCommands = mysql
        doubleQuoteKind = mysql ? .doubleQuotedString : .quotedName
        escapeStringPrefix = postgres
        dollarQuotes = postgres
        nestedComments = postgres
        metaCommands = postgres
        self.skipsInertRuns = skipsInertRuns
        ends = StatementEnds(dialect)
        inertStops = ByteSet([0x3B])
        newDelimiter.reserveCapacity(Self.maxDelimiterLength)
        setStops()
    }

    /// The text of the word, name or meta-command line just reported (see `TokenText`).
    var text: TokenText { TokenText(start: textStorage.base, count: textCount) }

    // Small getters are inlined: calling one the ordinary way from a mutating method copies the
    // whole lexer (512 bytes) to lend it out.
    @inline(__always)
    var delimiterIsSemicolon: Bool { delimiterBytes.count == 1 && delimiterFirst == 0x3B }

    /// Where the word the chunk ended in began, if it did: it is delivered with a later chunk,
    /// and may be the first word of a statement that goes whole.
    @inline(__always)
    /// A partial match of a delimiter that starts with a word byte counts: when the match fails
    /// its bytes are lexed again, as a word that began where the match did.
    var openWordStart: Int? {
        state == .word || (state == .delimiter && Self.isWordByte(delimiterFirst)) ? tokenStart : nil
    }

    /// Offsets where an open construct began (an executable comment, then a token or comment), for
    /// errors reported after their chunk is gone.
    var openConstructStarts: (executableComment: Int?, token: Int?) {
        (inExecutableComment ? executableCommentStart : nil, state == .between ? nil : tokenStart)
    }

    /// Scans `p[i..<end]`, a chunk that starts at input offset `chunkBase`, to the next token or
    /// the chunk's end. `reporting`: whether tokens other than delimiters are wanted (not while
    /// the caller skips to a statement's end); it may change from one call to the next.
    mutating func next(
        _ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int, chunkBase: Int, reporting: Bool
    ) throws(LexError) -> LexResult {
        self.chunkBase = chunkBase
        reportsTokens = reporting
        while i < end {
            let found: Token?
            switch state {
            case .between:
                found = try between(p, end, &i)
            case .word:
                found = word(p, end, &i)
            case .quoted, .quotedEscape, .quotedClose:
                found = quoted(p, end, &i)
            case .dash, .dashDash, .lineComment, .metaCommand:
                found = dashOrLine(p, end, &i)
            case .slash, .commentOpen, .commentOpenM, .blockComment, .blockCommentStar, .blockCommentSlash,
                 .executableStar:
                found = comment(p, end, &i)
            case .dollarTag, .dollarBody, .dollarClose:
                found = dollarQuoted(p, end, &i)
            case .delimiter, .delimiterCommandBlank, .delimiterCommandArgument, .delimiterCommandRest:
                found = try delimiterStates(p, end, &i)
            }
            if let found { return .token(found) }
        }
        return .endOfChunk
    }

    /// Ends the input at offset `end`: returns the token still in progress, or throws for a string,
    /// name or comment left open.
    mutating func finish(at end: Int, reporting: Bool) throws(LexError) -> Token? {
        reportsTokens = reporting
        if inExecutableComment {
            throw .unterminated(.unterminatedComment, what: "comment", expected: "*/ closing the executable comment", at: executableCommentStart)
        }
        let pending = state
        state = .between
        switch pending {
        case .between, .lineComment, .dashDash, .delimiter:
            return nil
        case .metaCommand:
            return metaCommandToken(end: end)
        case .delimiterCommandBlank, .delimiterCommandArgument, .delimiterCommandRest:
            applyNewDelimiter()
            return nil
        case .word:
            return token(.word, tokenStart, end)
        case .quotedClose:
            return token(quotedKind, tokenStart, end)
        case .dash, .slash, .executableStar:
            return token(.other, tokenStart, tokenStart + 1)
        case .dollarTag:
            return dollarTagBytes.isEmpty ? token(.other, tokenStart, tokenStart + 1) : token(.word, tokenStart, end)
        case .dollarBody, .dollarClose:
            let tag = String(decoding: dollarTagBytes, as: UTF8.self)
            throw .unterminated(.unterminatedQuote, what: "dollar-quoted string", expected: "$\(tag)$", at: tokenStart)
        case .quoted, .quotedEscape:
            let closing = String(UnicodeScalar(quote))
            let what = quotedKind == .quotedName ? "quoted name" : "string literal"
            throw .unterminated(.unterminatedQuote, what: what, expected: closing, at: tokenStart)
        case .commentOpen, .commentOpenM, .blockComment, .blockCommentStar, .blockCommentSlash:
            commentDepth = 0
            throw .unterminated(.unterminatedComment, what: "comment", expected: "*/", at: tokenStart)
        }
    }

    // MARK: Between tokens

    @inline(__always)
    private mutating func between(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) throws(LexError) -> Token? {
        if canSkipInert {
            skipInert(p, end, &i)
            guard i < end, state == .between else { return nil }
        }
        let b = p[i]
        if b == delimiterFirst, !inExecutableComment {
            if skipDelimiterOnce {
                skipDelimiterOnce = false
            } else if delimiterBytes.count == 1 {
                i &+= 1
                return try semicolon(at: chunkBase &+ i &- 1)
            } else {
                state = .delimiter
                delimiterMatched = 1
                tokenStart = chunkBase &+ i
                i &+= 1
                return nil
            }
        }
        skipDelimiterOnce = false
        if b <= 0x20 {
            i &+= 1
            return nil
        }
        let offset = chunkBase &+ i
        i &+= 1
        if beginQuotedToken(b, at: offset) { return nil }
        switch b {
        case 0x2D:  // -
            state = .dash
        case 0x23 where hashComments:  // #
            state = .lineComment
        case 0x2F:  // /
            state = .slash
        case 0x2A where inExecutableComment:  // *
            state = .executableStar
        case 0x24 where dollarQuotes:  // $
            state = .dollarTag
            dollarTagBytes.removeAll(keepingCapacity: true)
        case 0x5C where metaCommands && atStatementStart:  // \ psql meta-command line
            state = .metaCommand
            beginText(collect: true, limit: Self.metaCommandCapacity)
            appendText(b)
        case 0x28, 0x29, 0x2C, 0x2E:
            let kind: TokenKind = b == 0x28 ? .openParen : b == 0x29 ? .closeParen : b == 0x2C ? .comma : .dot
            return token(kind, offset, offset &+ 1)
        default:
            guard Self.isWordByte(b) else { return token(.other, offset, offset &+ 1, byte: b) }
            beginWord(b, p, at: i &- 1)
        }
        tokenStart = offset
        return nil
    }

    /// A one-byte delimiter at input offset `offset`: the statement's end, unless `StatementEnds`
    /// rules it out (inside a trigger body, parentheses or BEGIN ATOMIC).
    @inline(__always)
    private mutating func semicolon(at offset: Int) throws(LexError) -> Token? {
        guard ends.semicolon() else {
            atStatementStart = false
            return reportsTokens ? Token(kind: .other, start: offset, end: offset &+ 1) : nil
        }
        atStatementStart = true
        try statementEnded(at: offset)
        return Token(kind: .delimiter, start: offset, end: offset &+ 1)
    }

    /// Starts the quoted token `b` opens, if it opens one.
    @inline(__always)
    private mutating func beginQuotedToken(_ b: UInt8, at offset: Int) -> Bool {
        switch b {
        case 0x27:  // '
            beginQuoted(.string, closing: b, escapes: stringEscapes, doubles: true, at: offset)
        case 0x22:  // "
            beginQuoted(doubleQuoteKind, closing: b, escapes: doubleQuoteEscapes, doubles: true, at: offset)
        case 0x60 where backtickNames:  // `
            beginQuoted(.quotedName, closing: b, escapes: false, doubles: true, at: offset)
        case 0x5B where bracketNames:  // [
            beginQuoted(.quotedName, closing: 0x5D, escapes: false, doubles: false, at: offset)
        default:
            return false
        }
        return true
    }

    // MARK: The fast path

    /// Whether the tokens ahead can change nothing but where the statement ends: nobody reads
    /// them, no `SET` is being followed, `StatementEnds` ignores words, no executable comment is
    /// open and no partial delimiter is being replayed.
    @inline(__always)
    private var canSkipInert: Bool {
        skipsInertRuns && !reportsTokens && !inExecutableComment && !skipDelimiterOnce
            && !(tracksSqlMode && sqlModes.isListening) && !ends.wordsMatter
    }

    /// The stops of `skipInert`: the delimiter's first byte, every quote, the first bytes of
    /// comments, and in postgres `$` and parentheses (psql counts them).
    private mutating func setStops() {
        var bytes: [UInt8] = [delimiterFirst, 0x22, 0x2D, 0x2F]  // ; " - /
        if backtickNames { bytes.append(0x60) }
        if hashComments { bytes.append(0x23) }
        if bracketNames { bytes.append(0x5B) }
        if dollarQuotes { bytes += [0x24, 0x28, 0x29] }
        inertStops = ByteSet(bytes + [0x27])
        if !escapeStringPrefix { blockSkip = StringBlockSkip(stops: bytes) }
    }

    /// Skips words, blanks, operators and strings up to the next byte the state switch must see,
    /// leaving `i` at a token's start (or inside a string the chunk ends in, in its state).
    @inline(__always)
    private mutating func skipInert(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) {
        var from = i
        while true {
            if !escapeStringPrefix {
                let crossed = blockSkip.skip(p, from: from, to: end, escapes: stringEscapes)
                let floor = from
                from = crossed.index
                if crossed.insideString {
                    let open = StringBlockSkip.openingQuote(p, before: from, notBefore: floor)
                    beginQuoted(.string, closing: 0x27, escapes: stringEscapes, doubles: true, at: chunkBase &+ open)
                    skipQuoted(p, end, &from)
                    guard state == .between else {
                        i = end
                        return
                    }
                } else if crossed.atStop {
                    i = from  // the crossing found the stop itself
                    return
                }
            }
            let j = inertStops.firstIndex(in: p, from: from, to: end)
            guard j < end else {
                i = Self.wordStart(p, before: end, notBefore: from)  // a word may go on in the next chunk
                return
            }
            let b = p[j]
            if dollarQuotes, b == 0x27 || b == 0x24, j > from, Self.isWordByte(p[j &- 1]) {
                i = Self.wordStart(p, before: j, notBefore: from)  // `E'...'`, `a$b`: the word decides
                return
            }
            if dollarQuotes, b == 0x28 || b == 0x29 {
                // psql counts parentheses; nothing else sees them here. Once the count makes
                // words matter again (a routine's body at depth zero), the state switch reads on.
                if b == 0x28 { ends.openParen() } else { ends.closeParen() }
                from = j &+ 1
                guard !ends.wordsMatter else {
                    i = from
                    return
                }
                continue
            }
            guard beginQuotedToken(b, at: chunkBase &+ j) else {
                i = j
                return
            }
            var k = j &+ 1
            skipQuoted(p, end, &k)
            guard state == .between else {
                i = end
                return
            }
            from = k
        }
    }

    /// The start of the run of word bytes that ends at `index`, going back no further than `floor`.
    @inline(__always)
    private static func wordStart(_ p: UnsafePointer<UInt8>, before index: Int, notBefore floor: Int) -> Int {
        var k = index
        while k > floor, isWordByte(p[k &- 1]) { k &-= 1 }
        return k
    }

    // MARK: The statement head

    /// Where an `INSERT INTO` or `REPLACE INTO` statement's table name lies in the chunk.
    struct InsertHead {
        /// Input offset of the statement's first byte.
        var start: Int
        /// Chunk indices of the name's parts, quotes excluded.
        var qualifier: Range<Int>?
        var table: Range<Int>
    }

    /// Lexes `INSERT INTO name` or `REPLACE INTO name` (blanks between, the name plain or quoted,
    /// perhaps qualified) in one go where a statement starts, with the effects its tokens would
    /// have one by one (none reported), and leaves `i` right after the name. `nil`, with nothing
    /// consumed, for any other statement or spelling (comments, modifiers, a name cut by the
    /// chunk's end): the state switch reads those.
    mutating func insertHead(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int, chunkBase: Int) -> InsertHead? {
        guard skipsInertRuns, state == .between, atStatementStart, !inExecutableComment, !skipDelimiterOnce,
              delimiterIsSemicolon else { return nil }
        let first = InsertHeadParser.skipBlanks(p, i, end)
        let quotes = InsertHeadParser.NameQuotes(backtick: backtickNames, double: !doubleQuoteEscapes, bracket: bracketNames)
        guard let head = heads.read(p, first, end, quotes: quotes) else { return nil }
        let nameEnd = head.nameEnd
        reportsTokens = false
        self.chunkBase = chunkBase
        // The verb's effects need no text: it is no SET for `SqlModeTracker`, and neither a word
        // sqlite3_complete counts nor the CREATE psql looks for.
        if tracksSqlMode, sqlModes.isListening { sqlModes.wordThatIsNoSet() }
        atStatementStart = false
        if ends.isActive, !ends.ignoresTokens { ends.word(nil, isIdentifier: true) }
        // After the verb `SqlModeTracker` ignores the statement and `StatementEnds` ignores words
        // (sqlite3_complete's normal state; psql once the first word is not CREATE), so the
        // name's tokens would change nothing; should that not hold, they are fed as usual.
        if (tracksSqlMode && sqlModes.isListening) || ends.wordsMatter {
            headToken(.word, p, head.into)
            headToken(head.part.quoted ? .quotedName : .word, p, head.part.bytes)
            if let second = head.second {
                _ = token(.dot, chunkBase &+ head.part.end, chunkBase &+ head.part.end &+ 1)
                headToken(second.quoted ? .quotedName : .word, p, second.bytes)
            }
        }
        i = nameEnd
        return InsertHead(start: chunkBase &+ first, qualifier: head.second == nil ? nil : head.part.bytes, table: head.second?.bytes ?? head.part.bytes)
    }

    /// Skips the rest of a statement no one reads, after its head, through its `;`, when the
    /// `;` is in this chunk and the first byte that matters; `false`, with `i` at that byte or
    /// the chunk's end, when anything else comes first (the state switch goes on from there).
    mutating func skipToStatementEnd(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int, chunkBase: Int) throws(LexError) -> Bool {
        self.chunkBase = chunkBase
        reportsTokens = false
        guard state == .between, canSkipInert, delimiterIsSemicolon else { return false }
        skipInert(p, end, &i)
        guard i < end, state == .between, p[i] == 0x3B else { return false }
        i &+= 1
        return try semicolon(at: chunkBase &+ i &- 1) != nil
    }

    /// One token of a head lexed in one go, with its text, as the state switch would have made it.
    private mutating func headToken(_ kind: TokenKind, _ p: UnsafePointer<UInt8>, _ bytes: Range<Int>) {
        wordFirstByte = kind == .word ? p[bytes.lowerBound] : 0
        beginText(collect: (tracksSqlMode && sqlModes.wantsText) || ends.wantsWordText)
        if collectsText { appendText(p, bytes.lowerBound, bytes.upperBound) }
        let quotes = kind == .word ? 0 : 1
        _ = token(kind, chunkBase &+ bytes.lowerBound &- quotes, chunkBase &+ bytes.upperBound &+ quotes)
    }

    // MARK: Words and quoted tokens

    /// Letters, digits, `_`, `$` and every byte of a multi-byte UTF-8 sequence, as bitmaps of
    /// the bytes below 64 and from 64 to 127.
    private static let lowWordBytes: UInt64 = 0x03FF_0010_0000_0000, highWordBytes: UInt64 = 0x07FF_FFFE_87FF_FFFE

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || ((b < 64 ? lowWordBytes : highWordBytes) >> UInt64(b & 63)) & 1 != 0
    }

    /// Starts a word at chunk index `index`, whose byte `b` is already consumed.
    @inline(__always)
    private mutating func beginWord(_ b: UInt8, _ p: UnsafePointer<UInt8>, at index: Int) {
        state = .word
        wordIsFirstInStatement = atStatementStart && !inExecutableComment
        wordFirstByte = b
        beginText(collect: reportsTokens || wordIsFirstInStatement || ends.wantsWordText
            || (tracksSqlMode && sqlModes.wantsText))
        // The first byte is the word's even when it is a delimiter's first byte being replayed;
        // only later bytes may end the word at a delimiter.
        if collectsText { appendText(p, index, index &+ 1) }
    }

    @inline(__always)
    private mutating func word(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) -> Token? {
        var j = i
        let customDelimiter = !delimiterIsSemicolon
        while j < end {
            let c = p[j]
            if !Self.isWordByte(c) || (customDelimiter && c == delimiterFirst) { break }
            j &+= 1
        }
        if collectsText { appendText(p, i, j) }
        i = j
        if j == end { return nil }
        state = .between
        if wordIsFirstInStatement, delimiterCommands, p[j] == 0x20 || p[j] == 0x09, isDelimiterKeyword {
            state = .delimiterCommandBlank
            return nil
        }
        if escapeStringPrefix, p[j] == 0x27, wordFirstByte | 0x20 == 0x65, chunkBase &+ j &- tokenStart == 1 {
            beginQuoted(.string, closing: 0x27, escapes: true, doubles: true, at: tokenStart)
            i &+= 1
            return nil
        }
        return token(.word, tokenStart, chunkBase &+ j)
    }

    @inline(__always)
    private mutating func quoted(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) -> Token? {
        switch state {
        case .quotedEscape:
            if collectsText { appendText(p, i, i &+ 1) }
            i &+= 1
            state = .quoted
            return nil
        case .quotedClose:
            guard p[i] == quote else {
                state = .between
                return token(quotedKind, tokenStart, chunkBase &+ i)
            }
            if collectsText { appendText(p, i, i &+ 1) }
            i &+= 1
            state = .quoted
            return nil
        default:
            break
        }
        guard collectsText else {
            skipQuoted(p, end, &i)
            return state == .between ? token(quotedKind, tokenStart, chunkBase &+ i) : nil
        }
        let j = quotedEscapes
            ? ByteScan.firstIndex(of: quote, or: 0x5C, in: p, from: i, to: end)
            : ByteScan.firstIndex(of: quote, in: p, from: i, to: end)
        appendText(p, i, j)
        i = j
        if j == end { return nil }
        i &+= 1
        if p[j] != quote {
            state = .quotedEscape
        } else if quoteDoubles {
            state = .quotedClose
        } else {
            state = .between
            return token(quotedKind, tokenStart, chunkBase &+ i)
        }
        return nil
    }

    /// The hot loop inside strings nobody reads: it jumps from quote to quote with memchr. A
    /// backslash matters only right before a quote, where the parity of the run of backslashes
    /// says whether the quote is escaped, so escape-dense text (JSON in posts) costs no more than
    /// plain text. Leaves the state `between` after the closing quote, or the state the chunk's
    /// end leaves the string in.
    @inline(__always)
    private mutating func skipQuoted(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) {
        var j = i
        while true {
            let k = ByteScan.firstIndex(of: quote, in: p, from: j, to: end)
            if k == end {
                // An odd run of backslashes at the chunk's end escapes the next chunk's first byte.
                if quotedEscapes, Self.backslashRun(in: p, before: end, notBefore: j) & 1 == 1 {
                    state = .quotedEscape
                }
                i = end
                return
            }
            let next = k &+ 1
            if quotedEscapes, Self.backslashRun(in: p, before: k, notBefore: j) & 1 == 1 {
                j = next  // an escaped quote
                continue
            }
            if !quoteDoubles || next == end || p[next] != quote {
                // Closed, unless the chunk ends before telling whether the quote doubles.
                state = quoteDoubles && next == end ? .quotedClose : .between
                i = next
                return
            }
            j = next &+ 1  // a doubled quote
        }
    }

    /// The number of backslashes right before `index`, counting back no further than `floor`.
    /// The scan never resumes right after an unpaired backslash, so the run starts at or after it.
    @inline(__always)
    private static func backslashRun(in p: UnsafePointer<UInt8>, before index: Int, notBefore floor: Int) -> Int {
        var k = index
        while k > floor, p[k &- 1] == 0x5C { k &-= 1 }
        return index &- k
    }

    @inline(__always)
    private mutating func beginQuoted(_ kind: TokenKind, closing: UInt8, escapes: Bool, doubles: Bool, at offset: Int) {
        state = .quoted
        quotedKind = kind
        quote = closing
        quotedEscapes = escapes
        quoteDoubles = doubles
        tokenStart = offset
        let forSqlMode = tracksSqlMode && sqlModes.wantsText
        beginText(collect: (kind != .string && reportsTokens) || forSqlMode, limit: forSqlMode ? SqlModeTracker.valueCapacity : Self.textCapacity)
    }

    @inline(__always)
    private mutating func appendText(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) {
        let room = textLimit &- textCount
        let count = to &- from
        if count > room { textOverflowed = true }
        let kept = min(count, room)
        guard kept > 0 else { return }
        (textStorage.base + textCount).update(from: p + from, count: kept)
        textCount &+= kept
    }

    @inline(__always)
    private mutating func appendText(_ byte: UInt8) {
        guard textCount < textLimit else { return textOverflowed = true }
        textStorage.base[textCount] = byte
        textCount &+= 1
    }

    @inline(__always)
    private mutating func beginText(collect: Bool, limit: Int = Lexer.textCapacity) {
        collectsText = collect
        textLimit = limit
        if collect {
            // A copy of this lexer must not write into the text its original reads.
            if !isKnownUniquelyReferenced(&textStorage) { textStorage = TextStorage() }
            textCount = 0
            textOverflowed = false
        }
    }

    // MARK: Comments and meta-commands

    @inline(__always)
    private mutating func dashOrLine(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) -> Token? {
        switch state {
        case .dash:
            guard p[i] == 0x2D else {
                state = .between
                return token(.other, tokenStart, tokenStart &+ 1)
            }
            i &+= 1
            state = dashCommentNeedsBlank ? .dashDash : .lineComment
        case .dashDash:
            guard p[i] <= 0x20 else {
                // `--x` is two minus signs in MySQL: report the first, reconsider the second.
                let first = tokenStart
                tokenStart &+= 1
                state = .dash
                return token(.other, first, first &+ 1)
            }
            state = .lineComment
        case .lineComment:
            let j = ByteScan.firstIndex(of: 0x0A, in: p, from: i, to: end)
            i = j == end ? end : j &+ 1
            if j < end { state = .between }
        default:  // .metaCommand
            let j = ByteScan.firstIndex(of: 0x0A, in: p, from: i, to: end)
            appendText(p, i, j)
            i = j
            if j == end { return nil }
            i &+= 1
            state = .between
            return metaCommandToken(end: chunkBase &+ j)
        }
        return nil
    }

    /// A meta-command ends at its line's end and leaves the lexer where a statement may start.
    private func metaCommandToken(end: Int) -> Token? {
        reportsTokens ? Token(kind: .metaCommand, start: tokenStart, end: end) : nil
    }

    @inline(__always)
    private mutating func comment(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) -> Token? {
        let b = p[i]
        switch state {
        case .slash:
            guard b == 0x2A else {
                state = .between
                return token(.other, tokenStart, tokenStart &+ 1)
            }
            i &+= 1
            state = executableComments && !inExecutableComment ? .commentOpen : .blockComment
        case .commentOpen, .commentOpenM:
            if b == 0x21 {  // !
                i &+= 1
                openExecutableComment()
            } else if b == 0x4D, state == .commentOpen {  // M
                i &+= 1
                state = .commentOpenM
            } else {
                state = .blockComment
            }
        case .blockComment:
            let j = nestedComments
                ? ByteScan.firstIndex(of: 0x2A, or: 0x2F, in: p, from: i, to: end)
                : ByteScan.firstIndex(of: 0x2A, in: p, from: i, to: end)
            i = j == end ? end : j &+ 1
            if j < end { state = p[j] == 0x2A ? .blockCommentStar : .blockCommentSlash }
        case .blockCommentStar:
            if b == 0x2F {
                i &+= 1
                state = commentDepth > 0 ? .blockComment : .between
                if commentDepth > 0 { commentDepth &-= 1 }
            } else if b == 0x2A {
                i &+= 1
            } else {
                state = .blockComment
            }
        case .blockCommentSlash:
            if b == 0x2A {
                i &+= 1
                commentDepth &+= 1
            }
            state = .blockComment
        default:  // .executableStar
            state = .between
            if b == 0x2F {
                i &+= 1
                inExecutableComment = false
            }
        }
        return nil
    }

    private mutating func openExecutableComment() {
        inExecutableComment = true
        executableCommentFirstToken = true
        executableCommentStart = tokenStart
        state = .between
    }

    // MARK: Dollar quotes (postgres)

    @inline(__always)
    private mutating func dollarQuoted(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) -> Token? {
        let b = p[i]
        switch state {
        case .dollarTag:
            if b == 0x24 {
                i &+= 1
                dollarMatched = 0
                state = .dollarBody
            } else if Self.isWordByte(b), b &- 0x30 >= 10 || !dollarTagBytes.isEmpty {
                dollarTagBytes.append(b)
                i &+= 1
            } else if dollarTagBytes.isEmpty && b &- 0x30 >= 10 {
                state = .between  // a lone `$`
                return token(.other, tokenStart, tokenStart &+ 1)
            } else {
                // `$1` (a parameter) or `$name` never closed by a `$`: a word, read on from here.
                state = .word
                wordIsFirstInStatement = false
                wordFirstByte = 0x24
                beginText(collect: reportsTokens)
                if collectsText {
                    appendText(0x24)
                    dollarTagBytes.prefix(Self.textCapacity - 1).forEach { appendText($0) }
                }
            }
        case .dollarBody:
            let j = ByteScan.firstIndex(of: 0x24, in: p, from: i, to: end)
            i = j == end ? end : j &+ 1
            if j < end {
                dollarMatched = 0
                state = .dollarClose
            }
        default:  // .dollarClose
            if dollarMatched < dollarTagBytes.count, b == dollarTagBytes[dollarMatched] {
                i &+= 1
                dollarMatched &+= 1
            } else if b == 0x24, dollarMatched == dollarTagBytes.count {
                i &+= 1
                state = .between
                return token(.string, tokenStart, chunkBase &+ i)
            } else if b == 0x24 {
                i &+= 1
                dollarMatched = 0
            } else {
                state = .dollarBody
            }
        }
        return nil
    }

    // MARK: Delimiters (mysql)

    @inline(__always)
    private mutating func delimiterStates(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) throws(LexError) -> Token? {
        let b = p[i]
        switch state {
        case .delimiter:
            guard b == delimiterBytes[delimiterMatched] else {
                state = .between
                replayPartialDelimiter()
                return nil
            }
            i &+= 1
            delimiterMatched &+= 1
            guard delimiterMatched == delimiterBytes.count else { return nil }
            state = .between
            atStatementStart = true
            try statementEnded(at: tokenStart)
            return Token(kind: .delimiter, start: tokenStart, end: chunkBase &+ i)
        case .delimiterCommandBlank:
            if b == 0x20 || b == 0x09 {
                i &+= 1
            } else {
                newDelimiter.removeAll(keepingCapacity: true)
                state = b <= 0x20 ? .delimiterCommandRest : .delimiterCommandArgument
            }
        case .delimiterCommandArgument:
            if b <= 0x20 {
                state = .delimiterCommandRest
            } else {
                guard newDelimiter.count < Self.maxDelimiterLength else { throw .delimiterTooLong(at: tokenStart) }
                newDelimiter.append(b)
                i &+= 1
            }
        default:  // .delimiterCommandRest
            let j = ByteScan.firstIndex(of: 0x0A, in: p, from: i, to: end)
            i = j == end ? end : j &+ 1
            if j < end { applyNewDelimiter() }
        }
        return nil
    }

    @inline(__always)
    private var isDelimiterKeyword: Bool {
        !textOverflowed && Keyword.delimiter.matches(text)
    }

    private mutating func applyNewDelimiter() {
        state = .between
        atStatementStart = true
        var argument = newDelimiter[...]
        // The client accepts a quoted argument: `DELIMITER ';;'`.
        if argument.count >= 2, let first = argument.first, first == argument.last,
           first == 0x27 || first == 0x22 || first == 0x60 {
            argument = argument.dropFirst().dropLast()
        }
        guard let first = argument.first else { return }
        delimiterBytes = Array(argument)
        delimiterFirst = first
        newDelimiter.removeAll(keepingCapacity: true)
        setStops()
    }

    /// Lexes the bytes of a delimiter that turned out not to be one. They are the delimiter's own
    /// first bytes, so they are taken from it, not from the input. Tokens they make are not
    /// reported: a multi-byte delimiter only exists inside a DELIMITER block, where nothing is
    /// ever rewritten.
    private mutating func replayPartialDelimiter() {
        let replay = Array(delimiterBytes[0..<delimiterMatched])
        let savedBase = chunkBase
        let savedReports = reportsTokens
        skipDelimiterOnce = true
        replay.withUnsafeBufferPointer { bytes in
            var j = 0
            while j < bytes.count {
                _ = try? next(bytes.baseAddress!, bytes.count, &j, chunkBase: tokenStart, reporting: false)
            }
        }
        chunkBase = savedBase
        reportsTokens = savedReports
    }

    // MARK: What every token passes through

    @inline(__always)
    private mutating func token(_ kind: TokenKind, _ start: Int, _ end: Int, byte: UInt8 = 0) -> Token? {
        if tracksSqlMode, sqlModes.isListening { followSqlMode(kind, byte: byte) }
        guard !inExecutableComment else { return nil }
        atStatementStart = false
        if ends.isActive, !ends.ignoresTokens { observe(kind) }
        return reportsTokens ? Token(kind: kind, start: start, end: end) : nil
    }

    private mutating func followSqlMode(_ kind: TokenKind, byte: UInt8) {
        if inExecutableComment, executableCommentFirstToken {
            executableCommentFirstToken = false
            executableCommentNeverRuns = kind == .word && collectsText && text.count >= 6 && text.allSatisfy { $0 == 0x39 }
        }
        guard !(inExecutableComment && executableCommentNeverRuns) else { return }
        sqlModes.token(kind, text: sqlModes.wantsText && collectsText && !textOverflowed ? text : nil, byte: byte)
    }

    /// A statement ended: the `sql_mode` it set is in force from here.
    private mutating func statementEnded(at offset: Int) throws(LexError) {
        guard tracksSqlMode else { return }
        sqlModes.delimiter()
        if sqlModes.unfollowable { throw .unfollowableSqlMode(at: offset) }
        let mode = sqlModes.mode
        stringEscapes = !mode.noBackslashEscapes
        doubleQuoteKind = mode.ansiQuotes ? .quotedName : .doubleQuotedString
        doubleQuoteEscapes = !mode.noBackslashEscapes && !mode.ansiQuotes
    }

    private mutating func observe(_ kind: TokenKind) {
        switch kind {
        case .word:
            let isIdentifier = wordFirstByte != 0x24 && wordFirstByte &- 0x30 >= 10
            ends.word(ends.wantsWordText && collectsText && !textOverflowed ? text : nil, isIdentifier: isIdentifier)
        case .openParen: ends.openParen()
        case .closeParen: ends.closeParen()
        default: ends.other()
        }
    }
}

/// The lexer's text buffer, allocated once at the longest text any token keeps.
private final class TextStorage {
    static let capacity = max(Lexer.textCapacity, Lexer.metaCommandCapacity, SqlModeTracker.valueCapacity)
    let base = UnsafeMutablePointer<UInt8>.allocate(capacity: TextStorage.capacity)

    deinit { base.deallocate() }
}
