// ADVICE FOR THE NEXT MAINTAINER
//
// The lexer is a push-style state machine over raw bytes, in the spirit of csv-core: `next` takes
// any chunk, returns at each token, and resumes exactly where it stopped, so chunk boundaries are
// invisible. It never allocates on the hot path and never looks back at earlier chunks: every
// decision that needs a byte not yet seen is a state (`quotedClose` waits to see whether a quote is
// doubled, `dash` and `dashDash` wait to see whether `--` opens a comment, and so on).
//
// States, and why each exists:
// - between: outside any token. Dispatches on the first byte of the next token.
// - word: identifier, keyword or number bytes. A custom delimiter's first byte ends a word
//   (`END$$` is `END` then `$$`), as the mysql client checks for the delimiter at every byte.
// - quoted / quotedEscape / quotedClose: a quoted token. Strings skip to the next quote or
//   backslash word-at-a-time: most bytes of a real dump are inside strings.
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
// `/*M!999999\- enable the sandbox mode */` is an executable comment holding a backslash.
// When adding a state, update `next`, `finish` and `openConstructStart` together.

/// Why the lexer gave up. The dump patcher adds the line and column.
enum LexError: Error {
    case unterminated(what: String, expected: String, at: Int)
    case delimiterTooLong(at: Int)
    /// A `SET sql_mode` whose value is an expression (see `SqlModeTracker`).
    case unfollowableSqlMode(at: Int)
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

    /// When false only delimiters are reported: the recognizer has no use for the statement's rest.
    var reportsTokens = true
    /// Input offset of the chunk being scanned, so tokens carry whole-input offsets.
    var chunkBase = 0

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
    /// The current word or name, unescaped and cut at `textCapacity` bytes.
    private(set) var text: [UInt8] = []
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

    init(dialect: Dialect) {
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
        ends = StatementEnds(dialect)
        text.reserveCapacity(Self.textCapacity)
        newDelimiter.reserveCapacity(Self.maxDelimiterLength)
    }

    var delimiterIsSemicolon: Bool { delimiterBytes.count == 1 && delimiterFirst == 0x3B }

    /// Offsets where an open construct began (an executable comment, then a token or comment), for
    /// errors reported after their chunk is gone.
    var openConstructStarts: (executableComment: Int?, token: Int?) {
        (inExecutableComment ? executableCommentStart : nil, state == .between ? nil : tokenStart)
    }

    @inline(__always)
    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x5F || b == 0x24
    }

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

    @inline(__always)
    private mutating func appendText(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) {
        let room = textLimit - text.count
        let count = to - from
        if count > room { textOverflowed = true }
        if room > 0, count > 0 {
            text.append(contentsOf: UnsafeBufferPointer(start: p + from, count: min(count, room)))
        }
    }

    @inline(__always)
    private mutating func beginText(collect: Bool, limit: Int = Lexer.textCapacity) {
        collectsText = collect
        textLimit = limit
        if collect {
            // The recognizer keeps some texts (names, columns), which then share this buffer:
            // emptying it allocates anew, at its capacity. Keep that small, or every kept name
            // costs what the longest text ever collected did.
            text.removeAll(keepingCapacity: text.capacity <= Self.textCapacity)
            textOverflowed = false
        }
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

    /// Scans `p[i..<end]` and returns the next token, or `nil` when the chunk is used up.
    mutating func next(_ p: UnsafePointer<UInt8>, _ end: Int, _ i: inout Int) throws(LexError) -> Token? {
        while i < end {
            switch state {
            case .between:
                let b = p[i]
                if b == delimiterFirst, !inExecutableComment {
                    if skipDelimiterOnce {
                        skipDelimiterOnce = false
                    } else if delimiterBytes.count == 1 {
                        i &+= 1
                        guard ends.semicolon() else {
                            // Inside a trigger body, parentheses or BEGIN ATOMIC: part of the statement.
                            atStatementStart = false
                            if reportsTokens { return Token(kind: .other, start: chunkBase &+ i &- 1, end: chunkBase &+ i) }
                            continue
                        }
                        atStatementStart = true
                        try statementEnded(at: chunkBase &+ i &- 1)
                        return Token(kind: .delimiter, start: chunkBase &+ i &- 1, end: chunkBase &+ i)
                    } else {
                        state = .delimiter
                        delimiterMatched = 1
                        tokenStart = chunkBase &+ i
                        i &+= 1
                        continue
                    }
                }
                skipDelimiterOnce = false
                if b <= 0x20 {
                    i &+= 1
                    continue
                }
                let offset = chunkBase &+ i
                switch b {
                case 0x27:  // '
                    beginQuoted(.string, closing: b, escapes: stringEscapes, doubles: true, at: offset)
                case 0x22:  // "
                    beginQuoted(doubleQuoteKind, closing: b, escapes: doubleQuoteEscapes, doubles: true, at: offset)
                case 0x60 where backtickNames:  // `
                    beginQuoted(.quotedName, closing: b, escapes: false, doubles: true, at: offset)
                case 0x5B where bracketNames:  // [
                    beginQuoted(.quotedName, closing: 0x5D, escapes: false, doubles: false, at: offset)
                case 0x2D:  // -
                    state = .dash
                    tokenStart = offset
                case 0x23 where hashComments:  // #
                    state = .lineComment
                    tokenStart = offset
                case 0x2F:  // /
                    state = .slash
                    tokenStart = offset
                case 0x2A where inExecutableComment:  // *
                    state = .executableStar
                    tokenStart = offset
                case 0x24 where dollarQuotes:  // $
                    state = .dollarTag
                    tokenStart = offset
                    dollarTagBytes.removeAll(keepingCapacity: true)
                case 0x5C where metaCommands && atStatementStart:  // \ psql meta-command line
                    state = .metaCommand
                    tokenStart = offset
                    beginText(collect: true, limit: Self.metaCommandCapacity)
                    text.append(b)
                case 0x28, 0x29, 0x2C, 0x2E:
                    i &+= 1
                    let kind: TokenKind = b == 0x28 ? .openParen : b == 0x29 ? .closeParen : b == 0x2C ? .comma : .dot
                    if let t = token(kind, offset, offset &+ 1) { return t }
                    continue
                default:
                    if Self.isWordByte(b) {
                        state = .word
                        tokenStart = offset
                        wordIsFirstInStatement = atStatementStart && !inExecutableComment
                        wordFirstByte = b
                        beginText(collect: reportsTokens || wordIsFirstInStatement || ends.wantsWordText
                            || (tracksSqlMode && sqlModes.wantsText))
                        // The first byte is the word's even when it is a delimiter's first byte
                        // being replayed; only later bytes may end the word at a delimiter.
                        if collectsText { appendText(p, i, i &+ 1) }
                        i &+= 1
                        continue
                    }
                    i &+= 1
                    if let t = token(.other, offset, offset &+ 1, byte: b) { return t }
                    continue
                }
                i &+= 1

            case .word:
                var j = i
                let customDelimiter = delimiterBytes.count > 1
                while j < end {
                    let c = p[j]
                    if !Self.isWordByte(c) || (customDelimiter && c == delimiterFirst) { break }
                    j &+= 1
                }
                if collectsText { appendText(p, i, j) }
                i = j
                if j == end { continue }
                state = .between
                if wordIsFirstInStatement, delimiterCommands, p[j] == 0x20 || p[j] == 0x09, isDelimiterKeyword {
                    state = .delimiterCommandBlank
                    continue
                }
                if escapeStringPrefix, p[j] == 0x27, wordFirstByte | 0x20 == 0x65, chunkBase &+ j &- tokenStart == 1 {
                    beginQuoted(.string, closing: 0x27, escapes: true, doubles: true, at: tokenStart)
                    i &+= 1
                    continue
                }
                if let t = token(.word, tokenStart, chunkBase &+ j) { return t }

            case .quoted:
                if collectsText {
                    let j = quotedEscapes
                        ? ByteScan.firstIndex(of: quote, or: 0x5C, in: p, from: i, to: end)
                        : ByteScan.firstIndex(of: quote, in: p, from: i, to: end)
                    appendText(p, i, j)
                    i = j
                    if j == end { continue }
                    i &+= 1
                    if p[j] != quote {
                        state = .quotedEscape
                    } else if quoteDoubles {
                        state = .quotedClose
                    } else {
                        state = .between
                        if let t = token(quotedKind, tokenStart, chunkBase &+ i) { return t }
                    }
                    continue
                }
                // The hot loop of the whole tool. It jumps from quote to quote with memchr: a
                // backslash matters only right before a quote, where the parity of the run of
                // backslashes says whether the quote is escaped. Escape-dense text (JSON in posts)
                // costs no more than plain text, and no escape ever goes through the state switch.
                var j = i
                while true {
                    let k = ByteScan.firstIndex(of: quote, in: p, from: j, to: end)
                    if k == end {
                        // An odd run of backslashes at the chunk's end escapes the next chunk's first byte.
                        if quotedEscapes, Self.backslashRun(in: p, before: end, notBefore: j) & 1 == 1 {
                            state = .quotedEscape
                        }
                        j = end
                        break
                    }
                    let next = k &+ 1
                    if quotedEscapes, Self.backslashRun(in: p, before: k, notBefore: j) & 1 == 1 {
                        j = next  // an escaped quote
                        continue
                    }
                    if !quoteDoubles || next == end || p[next] != quote {
                        // Closed, unless the chunk ends before telling whether the quote doubles.
                        state = quoteDoubles && next == end ? .quotedClose : .between
                        j = next
                        break
                    }
                    j = next &+ 1  // a doubled quote
                }
                i = j
                if state == .between, let t = token(quotedKind, tokenStart, chunkBase &+ i) { return t }

            case .quotedEscape:
                if collectsText { appendText(p, i, i &+ 1) }
                i &+= 1
                state = .quoted

            case .quotedClose:
                if p[i] == quote {
                    if collectsText { appendText(p, i, i &+ 1) }
                    i &+= 1
                    state = .quoted
                } else {
                    state = .between
                    if let t = token(quotedKind, tokenStart, chunkBase &+ i) { return t }
                }

            case .dash:
                if p[i] == 0x2D {
                    i &+= 1
                    state = dashCommentNeedsBlank ? .dashDash : .lineComment
                } else {
                    state = .between
                    if let t = token(.other, tokenStart, tokenStart &+ 1) { return t }
                }

            case .dashDash:
                if p[i] <= 0x20 {
                    state = .lineComment
                } else {
                    // `--x` is two minus signs in MySQL: report the first, reconsider the second.
                    let first = tokenStart
                    tokenStart &+= 1
                    state = .dash
                    if let t = token(.other, first, first &+ 1) { return t }
                }

            case .lineComment:
                let j = ByteScan.firstIndex(of: 0x0A, in: p, from: i, to: end)
                if j == end {
                    i = end
                } else {
                    i = j &+ 1
                    state = .between
                }

            case .metaCommand:
                let j = ByteScan.firstIndex(of: 0x0A, in: p, from: i, to: end)
                appendText(p, i, j)
                i = j
                if j == end { continue }
                i &+= 1
                state = .between
                if let t = metaCommandToken(end: chunkBase &+ j) { return t }

            case .slash:
                if p[i] == 0x2A {
                    i &+= 1
                    state = executableComments && !inExecutableComment ? .commentOpen : .blockComment
                } else {
                    state = .between
                    if let t = token(.other, tokenStart, tokenStart &+ 1) { return t }
                }

            case .commentOpen:
                if p[i] == 0x21 {  // !
                    i &+= 1
                    openExecutableComment()
                } else if p[i] == 0x4D {  // M
                    i &+= 1
                    state = .commentOpenM
                } else {
                    state = .blockComment
                }

            case .commentOpenM:
                if p[i] == 0x21 {
                    i &+= 1
                    openExecutableComment()
                } else {
                    state = .blockComment
                }

            case .blockComment:
                let j = nestedComments
                    ? ByteScan.firstIndex(of: 0x2A, or: 0x2F, in: p, from: i, to: end)
                    : ByteScan.firstIndex(of: 0x2A, in: p, from: i, to: end)
                if j == end {
                    i = end
                } else {
                    i = j &+ 1
                    state = p[j] == 0x2A ? .blockCommentStar : .blockCommentSlash
                }

            case .blockCommentStar:
                if p[i] == 0x2F {
                    i &+= 1
                    if commentDepth > 0 {
                        commentDepth &-= 1
                        state = .blockComment
                    } else {
                        state = .between
                    }
                } else if p[i] == 0x2A {
                    i &+= 1
                } else {
                    state = .blockComment
                }

            case .blockCommentSlash:
                if p[i] == 0x2A {
                    i &+= 1
                    commentDepth &+= 1
                }
                state = .blockComment

            case .dollarTag:
                let b = p[i]
                if b == 0x24 {
                    i &+= 1
                    dollarMatched = 0
                    state = .dollarBody
                } else if Self.isWordByte(b), b &- 0x30 >= 10 || !dollarTagBytes.isEmpty {
                    dollarTagBytes.append(b)
                    i &+= 1
                } else if dollarTagBytes.isEmpty && b &- 0x30 >= 10 {
                    state = .between  // a lone `$`
                    if let t = token(.other, tokenStart, tokenStart &+ 1) { return t }
                } else {
                    // `$1` (a parameter) or `$name` never closed by a `$`: a word, read on from here.
                    state = .word
                    wordIsFirstInStatement = false
                    wordFirstByte = 0x24
                    beginText(collect: reportsTokens)
                    if collectsText { text.append(0x24); text.append(contentsOf: dollarTagBytes.prefix(Self.textCapacity - 1)) }
                }

            case .dollarBody:
                let j = ByteScan.firstIndex(of: 0x24, in: p, from: i, to: end)
                if j == end {
                    i = end
                } else {
                    i = j &+ 1
                    dollarMatched = 0
                    state = .dollarClose
                }

            case .dollarClose:
                let b = p[i]
                if dollarMatched < dollarTagBytes.count, b == dollarTagBytes[dollarMatched] {
                    i &+= 1
                    dollarMatched &+= 1
                } else if b == 0x24, dollarMatched == dollarTagBytes.count {
                    i &+= 1
                    state = .between
                    if let t = token(.string, tokenStart, chunkBase &+ i) { return t }
                } else if b == 0x24 {
                    i &+= 1
                    dollarMatched = 0
                } else {
                    state = .dollarBody
                }

            case .executableStar:
                state = .between
                if p[i] == 0x2F {
                    i &+= 1
                    inExecutableComment = false
                }

            case .delimiter:
                if p[i] == delimiterBytes[delimiterMatched] {
                    i &+= 1
                    delimiterMatched &+= 1
                    if delimiterMatched == delimiterBytes.count {
                        state = .between
                        atStatementStart = true
                        try statementEnded(at: tokenStart)
                        return Token(kind: .delimiter, start: tokenStart, end: chunkBase &+ i)
                    }
                } else {
                    state = .between
                    replayPartialDelimiter()
                }

            case .delimiterCommandBlank:
                let b = p[i]
                if b == 0x20 || b == 0x09 {
                    i &+= 1
                } else if b <= 0x20 {
                    newDelimiter.removeAll(keepingCapacity: true)
                    state = .delimiterCommandRest
                } else {
                    newDelimiter.removeAll(keepingCapacity: true)
                    state = .delimiterCommandArgument
                }

            case .delimiterCommandArgument:
                let b = p[i]
                if b <= 0x20 {
                    state = .delimiterCommandRest
                } else {
                    guard newDelimiter.count < Self.maxDelimiterLength else {
                        throw .delimiterTooLong(at: tokenStart)
                    }
                    newDelimiter.append(b)
                    i &+= 1
                }

            case .delimiterCommandRest:
                let j = ByteScan.firstIndex(of: 0x0A, in: p, from: i, to: end)
                if j == end {
                    i = end
                } else {
                    i = j &+ 1
                    applyNewDelimiter()
                }
            }
        }
        return nil
    }

    /// Ends the input at offset `end`: returns the token still in progress, or throws for a string,
    /// name or comment left open.
    mutating func finish(at end: Int) throws(LexError) -> Token? {
        if inExecutableComment {
            throw .unterminated(what: "comment", expected: "*/ closing the executable comment", at: executableCommentStart)
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
            throw .unterminated(what: "dollar-quoted string", expected: "$\(tag)$", at: tokenStart)
        case .quoted, .quotedEscape:
            let closing = String(UnicodeScalar(quote))
            let what = quotedKind == .quotedName ? "quoted name" : "string literal"
            throw .unterminated(what: what, expected: closing, at: tokenStart)
        case .commentOpen, .commentOpenM, .blockComment, .blockCommentStar, .blockCommentSlash:
            commentDepth = 0
            throw .unterminated(what: "comment", expected: "*/", at: tokenStart)
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

    /// A meta-command ends at its line's end and leaves the lexer where a statement may start.
    private func metaCommandToken(end: Int) -> Token? {
        reportsTokens ? Token(kind: .metaCommand, start: tokenStart, end: end) : nil
    }

    private mutating func openExecutableComment() {
        inExecutableComment = true
        executableCommentFirstToken = true
        executableCommentStart = tokenStart
        state = .between
    }

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
    }

    /// Lexes the bytes of a delimiter that turned out not to be one. They are the delimiter's own
    /// first bytes, so they are taken from it, not from the input. Tokens they make are not
    /// reported: a multi-byte delimiter only exists inside a DELIMITER block, where nothing is
    /// ever rewritten.
    private mutating func replayPartialDelimiter() {
        let replay = Array(delimiterBytes[0..<delimiterMatched])
        let savedBase = chunkBase
        let savedReports = reportsTokens
        chunkBase = tokenStart
        reportsTokens = false
        skipDelimiterOnce = true
        replay.withUnsafeBufferPointer { bytes in
            var j = 0
            while j < bytes.count {
                _ = try? next(bytes.baseAddress!, bytes.count, &j)
            }
        }
        chunkBase = savedBase
        reportsTokens = savedReports
    }
}
