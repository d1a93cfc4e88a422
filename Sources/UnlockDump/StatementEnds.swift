/// Whether a `;` ends the statement, decided as the program that replays the dump decides it:
/// a statement ends where the server is sent one.
///
/// - sqlite3 splits its input with `sqlite3_complete()` (sqlite's `complete.c`): a `;` ends the
///   statement, except inside `CREATE [TEMP] TRIGGER`, which ends only at `; END ;`. A column
///   named `end` or `begin` in a trigger body ends nothing, and `CASE ... END` needs no counting.
///   The states and transitions below are that function's.
/// - psql (`psqlscan.l`) does not end a statement at a `;` inside parentheses (a rule's
///   `DO ( ...; ...; )`), nor, in a statement that starts `CREATE [OR REPLACE] FUNCTION` or
///   `PROCEDURE`, inside `BEGIN ... END` counted at parenthesis depth zero (SQL-standard bodies,
///   `BEGIN ATOMIC`; `CASE ... END` nests inside one). A parameter named `begin` sits inside the
///   parentheses and counts for nothing. Other bodies are dollar-quoted strings.
/// - The mysql client ends a statement at its delimiter, whatever it is inside; `DELIMITER`
///   blocks are the lexer's own business.
///
/// The lexer feeds it every token outside comments, reported or not; only words it asks for
/// (`wantsWordText`) need their text.
struct StatementEnds {
    enum Rules {
        case delimiterOnly, sqliteTriggers, psqlBlocks
    }

    private let rules: Rules

    // sqlite3_complete's states: 0 invalid, 1 start, 2 normal, 3 explain, 4 create, 5 trigger,
    // 6 semi (the `;` of `; END ;`), 7 end.
    private var sqliteState: UInt8 = 0

    // psql's counters.
    private var parenDepth = 0
    private var beginDepth = 0
    private var identifierCount = 0
    /// First letters of the first four identifiers when they are `create`, `or`, `replace`,
    /// `function` or `procedure` (0 otherwise), as psql keeps them.
    private var leading: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)

    init(_ dialect: Dialect) {
        switch dialect {
        case .mysql: rules = .delimiterOnly
        case .sqlite: rules = .sqliteTriggers
        case .postgres: rules = .psqlBlocks
        }
    }

    @inline(__always)
    var isActive: Bool { rules != .delimiterOnly }

    /// True while no token but a `;` can change anything: inside an ordinary sqlite statement or
    /// trigger body, the lexer's common case, which then skips the bookkeeping.
    @inline(__always)
    var ignoresTokens: Bool {
        rules == .sqliteTriggers && (sqliteState == 2 || sqliteState == 5)
    }

    /// Whether a word or any token but a `;` and (in psql) a parenthesis could change anything:
    /// when not, the lexer may skip to the next of those without lexing what lies between.
    @inline(__always)
    var wordsMatter: Bool {
        switch rules {
        case .delimiterOnly: false
        case .sqliteTriggers: !ignoresTokens
        case .psqlBlocks: wantsWordText
        }
    }

    /// Whether the next word's text matters (a keyword would change the state).
    @inline(__always)
    var wantsWordText: Bool {
        switch rules {
        case .delimiterOnly: false
        case .sqliteTriggers: sqliteState != 2 && sqliteState != 5 && sqliteState != 7
        case .psqlBlocks: mayStillBeRoutine || (isRoutine && parenDepth == 0)
        }
    }

    /// A token other than a word or parenthesis (string, name in quotes, comma, operator byte).
    @inline(__always)
    mutating func other() {
        if rules == .sqliteTriggers { sqlite(Self.otherToken) }
    }

    mutating func openParen() {
        switch rules {
        case .delimiterOnly: break
        case .sqliteTriggers: sqlite(Self.otherToken)
        case .psqlBlocks: parenDepth += 1
        }
    }

    mutating func closeParen() {
        switch rules {
        case .delimiterOnly: break
        case .sqliteTriggers: sqlite(Self.otherToken)
        case .psqlBlocks: parenDepth = max(0, parenDepth - 1)
        }
    }

    /// A word; `text` is its bytes when `wantsWordText` was true as it began, else `nil`.
    /// `isIdentifier`: it starts with a letter, `_` or a byte >= 0x80 (not a number or `$1`).
    @inline(__always)
    mutating func word(_ text: TokenText?, isIdentifier: Bool) {
        switch rules {
        case .delimiterOnly:
            break
        case .sqliteTriggers:
            sqlite(text.map(Self.sqliteToken) ?? Self.otherToken)
        case .psqlBlocks:
            guard isIdentifier else { return }
            if let text { psqlIdentifier(text) }
            identifierCount += 1
        }
    }

    /// A `;`: whether it ends the statement (and the state starts over).
    @inline(__always)
    mutating func semicolon() -> Bool {
        switch rules {
        case .delimiterOnly:
            return true
        case .sqliteTriggers:
            sqlite(Self.semicolonToken)
            return sqliteState == 1
        case .psqlBlocks:
            guard parenDepth == 0, beginDepth == 0 else { return false }
            identifierCount = 0
            leading = (0, 0, 0, 0)
            return true
        }
    }

    // MARK: sqlite3_complete

    private static let semicolonToken = 0, otherToken = 2, explainToken = 3, createToken = 4
    private static let tempToken = 5, triggerToken = 6, endToken = 7

    /// sqlite3_complete's transition table (WS is never fed: the lexer drops blanks and comments).
    ///
    ///     state      SEMI  OTHER  EXPLAIN  CREATE  TEMP  TRIGGER  END
    ///     0 invalid    1     2       3        4      2      2      2
    ///     1 start      1     2       3        4      2      2      2
    ///     2 normal     1     2       2        2      2      2      2
    ///     3 explain    1     3       2        4      2      2      2
    ///     4 create     1     2       2        2      4      5      2
    ///     5 trigger    6     5       5        5      5      5      5
    ///     6 semi       6     5       5        5      5      5      7
    ///     7 end        1     5       5        5      5      5      5
    private mutating func sqlite(_ token: Int) {
        let semicolon = token == Self.semicolonToken
        switch sqliteState {
        case 0, 1:
            sqliteState = semicolon ? 1 : token == Self.explainToken ? 3 : token == Self.createToken ? 4 : 2
        case 2:
            sqliteState = semicolon ? 1 : 2
        case 3:
            sqliteState = semicolon ? 1 : token == Self.otherToken ? 3 : token == Self.createToken ? 4 : 2
        case 4:
            sqliteState = semicolon ? 1 : token == Self.tempToken ? 4 : token == Self.triggerToken ? 5 : 2
        case 5:
            sqliteState = semicolon ? 6 : 5
        case 6:
            sqliteState = semicolon ? 6 : token == Self.endToken ? 7 : 5
        default:
            sqliteState = semicolon ? 1 : 5
        }
    }

    private static let explain = Keyword("explain"), create = Keyword("create"), temp = Keyword("temp")
    private static let temporary = Keyword("temporary"), trigger = Keyword("trigger")

    /// By length first: the first word of every statement comes here.
    private static func sqliteToken(_ text: TokenText) -> Int {
        switch text.count {
        case 3: end.matches(text) ? endToken : otherToken
        case 4: temp.matches(text) ? tempToken : otherToken
        case 6: create.matches(text) ? createToken : otherToken
        case 7: explain.matches(text) ? explainToken : trigger.matches(text) ? triggerToken : otherToken
        case 9: temporary.matches(text) ? tempToken : otherToken
        default: otherToken
        }
    }

    // MARK: psql

    /// The leading identifiers may still spell `CREATE [OR REPLACE] FUNCTION|PROCEDURE`: only
    /// the first four count, and only after a first `create`.
    private var mayStillBeRoutine: Bool {
        identifierCount == 0 || (identifierCount < 4 && leading.0 == 0x63)
    }

    private var isRoutine: Bool {
        leading.0 == 0x63 && (leading.1 == 0x66 || leading.1 == 0x70
            || (leading.1 == 0x6F && leading.2 == 0x72 && (leading.3 == 0x66 || leading.3 == 0x70)))
    }

    private static let leadingWords = [
        Keyword("create"), Keyword("function"), Keyword("procedure"), Keyword("or"), Keyword("replace"),
    ]
    private static let begin = Keyword("begin"), caseWord = Keyword("case"), end = Keyword("end")

    private mutating func psqlIdentifier(_ text: TokenText) {
        if mayStillBeRoutine, Self.leadingWords.contains(where: { $0.matches(text) }) {
            let letter = ASCII.lowercased(text[0])
            switch identifierCount {
            case 0: leading.0 = letter
            case 1: leading.1 = letter
            case 2: leading.2 = letter
            default: leading.3 = letter
            }
        }
        guard isRoutine, parenDepth == 0 else { return }
        if Self.begin.matches(text) {
            beginDepth += 1
        } else if Self.caseWord.matches(text) {
            if beginDepth >= 1 { beginDepth += 1 }
        } else if Self.end.matches(text) {
            beginDepth = max(0, beginDepth - 1)
        }
    }
}
