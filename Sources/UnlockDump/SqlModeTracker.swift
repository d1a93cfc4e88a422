/// The parts of MySQL's `sql_mode` that change how a dump is lexed, followed through the `SET`
/// statements the dump itself makes.
///
/// mariadb-dump sets `sql_mode` before each trigger and routine to the mode it was created under
/// (`/*!50003 SET @saved_sql_mode = @@sql_mode */ ;` then `/*!50003 SET sql_mode = '...' */ ;`)
/// and restores it after (`SET sql_mode = @saved_sql_mode`); `--compatible=ansi` sets
/// `SQL_MODE='...,ANSI'` in the header. The server reports the mode to the mysql client after
/// each statement, and the client splits the following statements by it, so the lexer does too:
/// - `NO_BACKSLASH_ESCAPES`: a backslash is a plain byte in strings (`'C:\'` is complete).
/// - `ANSI_QUOTES` (also in the combined modes ANSI, DB2, MAXDB, MSSQL, ORACLE, POSTGRESQL):
///   `"..."` is a name, in which a backslash is a plain byte.
///
/// A `SET` of the session's `sql_mode` to something other than a string, `DEFAULT`, `@@sql_mode`,
/// a user variable saved earlier, or HeidiSQL's `IFNULL(@variable, 'string')` (an expression
/// such as `CONCAT(@@sql_mode, ...)`) cannot be followed without evaluating SQL: the dump is
/// refused rather than lexed by a guess.
struct SqlModeTracker {
    struct Mode: Equatable {
        var noBackslashEscapes = false
        var ansiQuotes = false
    }

    /// In force for the statement being lexed.
    private(set) var mode = Mode()
    /// What the statement's assignments made of it so far; in force from the next statement.
    private var pending = Mode()
    /// User variables that hold a mode (`SET @saved_sql_mode = @@sql_mode`), most recent last.
    private var saved: [(name: [UInt8], mode: Mode)] = []
    private static let savedLimit = 16

    private enum Phase {
        /// Before a statement's first token.
        case start
        /// Not a SET: nothing to do until the delimiter.
        case ignore
        /// A SET statement, at the start of an assignment.
        case target
        case targetAt(count: Int)
        case targetScope
        case equals
        case value
        case valueAt(count: Int)
        case valueScope
        /// The assignment's value was read; a comma starts the next one.
        case afterValue
        /// The value is an expression; skip to the next top-level comma.
        case expression(depth: Int)
        /// `IFNULL(@name, 'fallback')`, this many tokens in, with the variable's mode once read.
        case ifNull(step: Int, variable: Mode?)
    }

    private enum Target: Equatable {
        case sessionMode, userVariable([UInt8]), other
    }

    private var phase = Phase.start
    private var target = Target.other
    private var modeTargetIsGlobal = false
    /// Set when the session's mode was assigned something that cannot be followed.
    private(set) var unfollowable = false

    /// False between a statement that is no SET and its delimiter, where tokens change nothing.
    var isListening: Bool {
        if case .ignore = phase { return false }
        return true
    }

    /// Whether the next token's text is needed: words and strings of a SET statement.
    var wantsText: Bool {
        switch phase {
        case .ignore, .afterValue, .expression: false
        default: true
        }
    }

    /// A `SET` value string may list every mode there is.
    static let valueCapacity = 1024

    /// A token, outside comments (executable comments included: mysqldump's SETs are in them).
    /// `text` is the word, or the string's content, when `wantsText` was true as it began;
    /// `byte` is an `other` token's byte.
    mutating func token(_ kind: TokenKind, text: TokenText?, byte: UInt8) {
        switch phase {
        case .start:
            if kind == .word, let text, text.allSatisfy({ $0 &- 0x30 < 10 }) { return }  // /*!50003's version
            if kind == .word, text.map({ Self.set.matches($0) }) == true {
                beginAssignment()
            } else {
                phase = .ignore
            }
        case .ignore:
            break
        case .target:
            if kind == .other, byte == 0x40 {
                phase = .targetAt(count: 1)
            } else if kind == .word, let text {
                if Self.global.matches(text) || Self.persist.matches(text) {
                    modeTargetIsGlobal = true
                } else if Self.session.matches(text) || Self.local.matches(text) {
                    modeTargetIsGlobal = false
                } else {
                    target = Self.sqlMode.matches(text) ? .sessionMode : .other
                    phase = .equals
                }
            } else {
                phase = .expression(depth: 0)
            }
        case .targetAt(let count):
            targetAt(count: count, kind, text: text, byte: byte)
        case .targetScope:
            if kind == .dot { return }
            target = kind == .word && text.map { Self.sqlMode.matches($0) } == true ? .sessionMode : .other
            phase = .equals
        case .equals:
            // `=` or `:=`
            if kind == .other, byte == 0x3A { return }
            phase = kind == .other && byte == 0x3D ? .value : .expression(depth: 0)
        case .value:
            value(kind, text: text, byte: byte)
        case .valueAt(let count):
            valueAt(count: count, kind, text: text, byte: byte)
        case .valueScope:
            if kind == .dot { return }
            if kind == .word, text.map({ Self.sqlMode.matches($0) }) == true {
                assign(pending)
                phase = .afterValue
            } else {
                expressionValue()
            }
        case .afterValue:
            if kind == .comma {
                beginAssignment()
            } else {
                // More after the value: it was the start of an expression after all.
                expressionValue()
            }
        case .ifNull(let step, let variable):
            ifNull(step: step, variable: variable, kind, text: text, byte: byte)
        case .expression(let depth):
            switch kind {
            case .openParen: phase = .expression(depth: depth + 1)
            case .closeParen: phase = .expression(depth: max(0, depth - 1))
            case .comma where depth == 0: beginAssignment()
            default: break
            }
        }
    }

    /// `@name` (count 1) or `@@[scope.]name` (count 2) as an assignment's target.
    private mutating func targetAt(count: Int, _ kind: TokenKind, text: TokenText?, byte: UInt8) {
        if kind == .other, byte == 0x40, count == 1 {
            phase = .targetAt(count: 2)
        } else if kind == .word, let text, count == 1 {
            target = .userVariable(text.map(ASCII.lowercased))
            phase = .equals
        } else if kind == .word, let text, count == 2 {
            if Self.global.matches(text) || Self.session.matches(text) || Self.local.matches(text) || Self.persist.matches(text) {
                modeTargetIsGlobal = Self.global.matches(text) || Self.persist.matches(text)
                phase = .targetScope
            } else {
                target = Self.sqlMode.matches(text) ? .sessionMode : .other
                phase = .equals
            }
        } else {
            phase = .expression(depth: 0)
        }
    }

    /// `@name` or `@@[scope.]sql_mode` as an assignment's value.
    private mutating func valueAt(count: Int, _ kind: TokenKind, text: TokenText?, byte: UInt8) {
        if kind == .other, byte == 0x40, count == 1 {
            phase = .valueAt(count: 2)
        } else if kind == .word, let text, count == 1 {
            let name = text.map(ASCII.lowercased)
            assign(saved.last { $0.name == name }?.mode)
            phase = .afterValue
        } else if kind == .word, let text, count == 2 {
            if Self.sqlMode.matches(text) {
                assign(pending)
                phase = .afterValue
            } else if Self.session.matches(text) || Self.local.matches(text) || Self.global.matches(text) {
                phase = .valueScope
            } else {
                expressionValue()
            }
        } else {
            expressionValue()
        }
    }

    private mutating func beginAssignment() {
        target = .other
        modeTargetIsGlobal = false
        phase = .target
    }

    private mutating func value(_ kind: TokenKind, text: TokenText?, byte: UInt8) {
        switch kind {
        case .string, .doubleQuotedString:
            if let text, text.count < Self.valueCapacity {
                assign(Self.mode(named: text))
                phase = .afterValue
            } else {
                expressionValue()
            }
        case .word where text.map { Self.defaultWord.matches($0) } == true:
            assign(Mode())
            phase = .afterValue
        case .other where byte == 0x40:
            phase = .valueAt(count: 1)
        case .word where text.map { Self.ifNullWord.matches($0) } == true:
            phase = .ifNull(step: 0, variable: nil)
        default:
            expressionValue()
        }
    }

    /// `IFNULL` `(` `@` name `,` 'fallback' `)`: the variable's mode if it was saved, else the
    /// fallback's.
    private mutating func ifNull(step: Int, variable: Mode?, _ kind: TokenKind, text: TokenText?, byte: UInt8) {
        switch (step, kind) {
        case (0, .openParen), (3, .comma):
            phase = .ifNull(step: step + 1, variable: variable)
        case (1, .other) where byte == 0x40:
            phase = .ifNull(step: 2, variable: nil)
        case (2, .word) where text != nil:
            let name = text!.map(ASCII.lowercased)
            phase = .ifNull(step: 3, variable: saved.last { $0.name == name }?.mode)
        case (4, .string), (4, .doubleQuotedString):
            guard let text, text.count < Self.valueCapacity else { return expressionValue() }
            phase = .ifNull(step: 5, variable: variable ?? Self.mode(named: text))
        case (5, .closeParen):
            assign(variable)
            phase = .afterValue
        default:
            expressionValue()
        }
    }

    /// The value being read turned out to be an expression.
    private mutating func expressionValue() {
        if target == .sessionMode, !modeTargetIsGlobal { unfollowable = true }
        if case .userVariable(let name) = target { saved.removeAll { $0.name == name } }
        phase = .expression(depth: 0)
    }

    /// Assigns `value` to the current target; `nil`: a variable never set in the dump, which
    /// holds NULL (the server refuses `sql_mode = NULL`, so the mode stays).
    private mutating func assign(_ value: Mode?) {
        switch target {
        case .sessionMode:
            if !modeTargetIsGlobal, let value { pending = value }
        case .userVariable(let name):
            saved.removeAll { $0.name == name }
            if let value {
                if saved.count == Self.savedLimit { saved.removeFirst() }
                saved.append((name, value))
            }
        case .other:
            break
        }
    }

    /// The statement ended: its assignments take effect.
    /// A word known not to be SET nor a version number (an INSERT's verb): the same as `token`
    /// with its text, at the cost of a compare where a statement starts.
    @inline(__always)
    mutating func wordThatIsNoSet() {
        if case .start = phase { phase = .ignore } else { token(.word, text: nil, byte: 0) }
    }

    mutating func delimiter() {
        mode = pending
        phase = .start
    }

    private static func mode(named list: TokenText) -> Mode {
        var mode = Mode()
        for name in list.split(separator: 0x2C) {
            let trimmed = name.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
            if noBackslashEscapes.matches(trimmed) { mode.noBackslashEscapes = true }
            if ansiQuotesModes.containsMatch(for: trimmed) { mode.ansiQuotes = true }
        }
        return mode
    }

    private static let set = Keyword("set"), global = Keyword("global"), session = Keyword("session")
    private static let local = Keyword("local"), persist = Keyword("persist"), sqlMode = Keyword("sql_mode")
    private static let defaultWord = Keyword("default"), noBackslashEscapes = Keyword("no_backslash_escapes")
    private static let ifNullWord = Keyword("ifnull")
    private static let ansiQuotesModes = [
        Keyword("ansi_quotes"), Keyword("ansi"), Keyword("db2"), Keyword("maxdb"), Keyword("mssql"), Keyword("oracle"),
        Keyword("postgresql"),
    ]
}
