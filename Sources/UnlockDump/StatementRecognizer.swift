/// What the patcher must do after a token.
enum RecognizerStep {
    case proceed
    /// The token is the `(` opening a lock-table row: start buffering at it.
    case beginRow
    /// The token is the `)` closing that row: the row is complete.
    case endRow
    case endStatement
    /// The token ended a `COPY ... FROM stdin` statement: data lines follow, up to a `\.` line.
    /// `lockRows`: they are rows of the lock table `target`, in COPY's text format.
    case beginCopyData(lockRows: Bool)
    /// Something the user should hear about; the statement is left as it is.
    case warn(String)
    case malformed(String)
}

/// A lock table named by the statement in progress.
struct LockTarget {
    /// The rules that may apply, in order of preference; the table's columns pick one.
    let rules: [LockTableRule]
    /// Built-in rules `--only` left out that claim the same name (Ghost's and knex's
    /// `migrations_lock`).
    let excludedRules: [LockTableRule]
    /// From a qualified name, else the current `USE` database.
    let database: [UInt8]?
    /// Unquoted, as the dump spells it.
    let table: [UInt8]

    /// `db.table`, or `table` when the database is unknown: for messages, and to warn once per table.
    var qualifiedName: [UInt8] { database.map { $0 + [0x2E] + table } ?? table }
}

/// The statement-level grammar: finds the data rows of lock tables (and the CREATE TABLE and USE
/// statements that tell how to read them) in the token stream, and passes over everything else.
/// Rows are only ever recognized at statement level: the lexer reports nothing from strings or
/// comments, and trigger and routine bodies are walked as blocks.
struct StatementRecognizer {
    private enum Phase {
        case start
        /// Nothing more of interest until the statement ends.
        case skip
        case use
        case insertModifiers(sawInto: Bool)
        case insertName
        case insertAfterName
        case insertColumns
        case insertAfterColumns
        /// postgres `OVERRIDING SYSTEM VALUE` / `OVERRIDING USER VALUE` (pg_dump writes it for
        /// identity columns): this many words left before VALUES.
        case insertOverriding(wordsLeft: Int)
        case insertRowStart
        case row
        case afterRow
        case createHead
        case createTableName
        case createTableOpen
        case createTableBody(expectingColumn: Bool)
        /// A trigger, procedure, function or event: BEGIN ... END blocks nest inside.
        case routine
        case copyName
        case copyAfterName
        case copyColumns
        case copyTail(CopySource)
    }

    /// How far a COPY statement has told where its data comes from.
    private enum CopySource {
        case unknown, from
        /// `FROM stdin`, and nothing after it: text format with the default TAB and `\N`.
        case stdin
        /// `FROM stdin` with options (CSV, another delimiter, ...): data follows, in a format
        /// whose rows are left as they are.
        case stdinWithOptions
    }

    private let dialect: Dialect
    private let catalogue: LockCatalogue
    private var phase = Phase.start
    private var currentDatabase: [UInt8]?
    private var schemas: SchemaRegistry
    private var name = QualifiedName()
    private(set) var target: LockTarget?
    /// The INSERT's own column list, or the CREATE TABLE's columns being read.
    private var columns: [[UInt8]] = []
    private var hasColumnList = false
    private(set) var row = RowValues()
    private var depth = 0
    private var blockDepth = 0
    /// An END whose meaning depends on the next word (`END IF` closes no block).
    private var pendingEnd = false

    init(dialect: Dialect, catalogue: LockCatalogue) {
        self.dialect = dialect
        self.catalogue = catalogue
        schemas = SchemaRegistry(foldsCase: dialect != .postgres)
    }

    var isAtStatementStart: Bool {
        if case .start = phase { return true }
        return false
    }

    /// Whether the lexer should report tokens: not while skipping to the statement's end.
    var wantsTokens: Bool {
        if case .skip = phase { return false }
        return true
    }

    /// The lock row's columns: the INSERT's own list, else the table's CREATE TABLE in this
    /// database, else `nil` (the catalogue's default layout applies).
    var rowColumns: (columns: [[UInt8]]?, source: LockLayout.Source) {
        if hasColumnList { return (columns, .columnList) }
        if let target, let known = schemas.columns(database: target.database, table: target.table) {
            return (known, .createTable)
        }
        return (nil, .assumed)
    }

    /// - Parameters:
    ///   - text: the lexer's text for word and name tokens.
    ///   - customDelimiter: a `DELIMITER` block is open; nothing in it is touched.
    mutating func consume(_ token: Token, text: [UInt8], customDelimiter: Bool) -> RecognizerStep {
        if token.kind == .delimiter {
            return delimiter(customDelimiter: customDelimiter)
        }
        switch phase {
        case .start:
            return start(token, text: text, customDelimiter: customDelimiter)
        case .skip:
            return .proceed
        case .use:
            if isName(token) { currentDatabase = text }
            phase = .skip
        case .insertModifiers(let sawInto):
            if token.kind == .word, !sawInto {
                if Keyword.into.matches(text) {
                    phase = .insertModifiers(sawInto: true)
                    return .proceed
                }
                if Keyword.insertModifiers.containsMatch(for: text) { return .proceed }
            }
            phase = .insertName
            return readName(token, text: text)
        case .insertName:
            return readName(token, text: text)
        case .insertAfterName:
            if token.kind == .openParen {
                columns.removeAll(keepingCapacity: true)
                phase = .insertColumns
            } else {
                return expectValues(token, text: text)
            }
        case .insertColumns:
            if isName(token) {
                columns.append(text)
            } else if token.kind == .closeParen {
                hasColumnList = true
                phase = .insertAfterColumns
            } else if token.kind != .comma {
                return unsupportedInsert("an unexpected token in its column list")
            }
        case .insertAfterColumns:
            return expectValues(token, text: text)
        case .insertOverriding(let wordsLeft):
            guard token.kind == .word else { return unsupportedInsert("an unexpected token after OVERRIDING") }
            phase = wordsLeft > 1 ? .insertOverriding(wordsLeft: wordsLeft - 1) : .insertAfterColumns
        case .insertRowStart:
            guard token.kind == .openParen else {
                return unsupportedInsert("a VALUES list that is not a list of rows")
            }
            row.begin(at: token.start)
            phase = .row
            return .beginRow
        case .row:
            switch row.add(token) {
            case .more:
                return row.isFull ? .malformed("lock-table row has more than \(RowValues.maxValues) values") : .proceed
            case .emptyValue:
                return .malformed("empty value in a lock-table row (expected a literal before this)")
            case .ended:
                phase = .afterRow
                return .endRow
            }
        case .afterRow:
            // `,` starts the next row; ON DUPLICATE KEY UPDATE, RETURNING and the like end the rows.
            phase = token.kind == .comma ? .insertRowStart : .skip
        case .createHead:
            if token.kind == .word {
                if Keyword.table.matches(text) {
                    phase = .createTableName
                } else if Keyword.routineObjects.containsMatch(for: text) {
                    blockDepth = 0
                    pendingEnd = false
                    phase = .routine
                }
            } else if token.kind == .openParen {
                phase = .skip
            }
        case .createTableName:
            if token.kind == .word, name.isEmpty,
               Keyword.ifKeyword.matches(text) || Keyword.not.matches(text) || Keyword.exists.matches(text) {
                return .proceed
            }
            return readName(token, text: text)
        case .createTableOpen:
            guard token.kind == .openParen else {
                phase = .skip  // CREATE TABLE ... LIKE / AS SELECT: no columns to learn
                return .proceed
            }
            columns.removeAll(keepingCapacity: true)
            depth = 1
            phase = .createTableBody(expectingColumn: true)
        case .createTableBody(let expectingColumn):
            createTableBody(token, text: text, expectingColumn: expectingColumn)
        case .routine:
            routineToken(token, text: text)
        case .copyName:
            switch name.consume(token, text: text, isName: isName(token)) {
            case .needMore:
                break
            case .notAName:
                phase = .copyTail(.unknown)  // COPY (query) TO ...
            case .complete:
                target = lockTarget()
                phase = .copyAfterName
                return consume(token, text: text, customDelimiter: customDelimiter)
            }
        case .copyAfterName:
            if token.kind == .openParen {
                columns.removeAll(keepingCapacity: true)
                phase = .copyColumns
            } else {
                phase = .copyTail(.unknown)
                return consume(token, text: text, customDelimiter: customDelimiter)
            }
        case .copyColumns:
            if isName(token) {
                columns.append(text)
            } else if token.kind == .closeParen {
                hasColumnList = true
                phase = .copyTail(.unknown)
            }
        case .copyTail(let source):
            return copyTail(token, text: text, source: source)
        }
        return .proceed
    }

    private mutating func start(_ token: Token, text: [UInt8], customDelimiter: Bool) -> RecognizerStep {
        phase = .skip
        guard token.kind == .word, !customDelimiter else { return .proceed }
        target = nil
        hasColumnList = false
        name.reset()
        if Keyword.insert.matches(text) || Keyword.replace.matches(text) {
            phase = .insertModifiers(sawInto: false)
        } else if Keyword.create.matches(text) {
            phase = .createHead
        } else if dialect == .mysql, Keyword.use.matches(text) {
            phase = .use
        } else if dialect == .postgres, Keyword.copy.matches(text) {
            phase = .copyName
        }
        return .proceed
    }

    private mutating func delimiter(customDelimiter: Bool) -> RecognizerStep {
        switch phase {
        case .row:
            return .malformed("lock-table row not closed: expected ')' before the statement's end")
        case .routine:
            if pendingEnd {
                pendingEnd = false
                blockDepth = max(0, blockDepth - 1)
            }
            // With the default delimiter a `;` inside BEGIN ... END belongs to the body.
            if blockDepth > 0, !customDelimiter { return .proceed }
        case .copyTail(.stdin):
            phase = .start
            return .beginCopyData(lockRows: target != nil)
        case .copyTail(.stdinWithOptions):
            phase = .start
            return .beginCopyData(lockRows: false)
        default:
            break
        }
        phase = .start
        return .endStatement
    }

    /// After a COPY's table and columns: watches for `FROM stdin`, the form whose data follows in
    /// the dump itself.
    private mutating func copyTail(_ token: Token, text: [UInt8], source: CopySource) -> RecognizerStep {
        let word = token.kind == .word
        switch source {
        case .unknown:
            if word, Keyword.from.matches(text) { phase = .copyTail(.from) }
        case .from:
            phase = .copyTail(word && Keyword.stdin.matches(text) ? .stdin : .unknown)
        case .stdin:
            phase = .copyTail(.stdinWithOptions)
            if let target {
                let table = String(decoding: target.table, as: UTF8.self)
                return .warn("COPY \(table) FROM stdin with options: its rows were left as they are")
            }
        case .stdinWithOptions:
            break
        }
        return .proceed
    }

    private func isName(_ token: Token) -> Bool {
        token.kind == .word || token.kind == .quotedName || token.kind == .doubleQuotedString
    }

    /// Reads a possibly qualified table name, then moves on to what follows it.
    private mutating func readName(_ token: Token, text: [UInt8]) -> RecognizerStep {
        switch name.consume(token, text: text, isName: isName(token)) {
        case .needMore:
            return .proceed
        case .notAName:
            phase = .skip
            return .proceed
        case .complete:
            guard let lock = lockTarget() else {
                phase = .skip
                return .proceed
            }
            target = lock
            if case .createTableName = phase {
                phase = .createTableOpen
            } else {
                phase = .insertAfterName
            }
            // The token that ended the name belongs to the next phase.
            return consume(token, text: text, customDelimiter: false)
        }
    }

    /// The lock table the name just read names, if it is one.
    /// The name just read, as a lock target when some rule claims it.
    private func lockTarget() -> LockTarget? {
        guard let table = name.table, case let rules = catalogue.rules(forTable: table, dialect: dialect), !rules.isEmpty else {
            return nil
        }
        return LockTarget(
            rules: rules, excludedRules: catalogue.excludedRules(forTable: table, dialect: dialect),
            database: name.database ?? currentDatabase, table: table)
    }

    private mutating func expectValues(_ token: Token, text: [UInt8]) -> RecognizerStep {
        if token.kind == .word, Keyword.values.matches(text) || Keyword.value.matches(text) {
            phase = .insertRowStart
            return .proceed
        }
        if dialect == .postgres, token.kind == .word, Keyword.overriding.matches(text) {
            phase = .insertOverriding(wordsLeft: 2)
            return .proceed
        }
        return unsupportedInsert("no VALUES list (INSERT ... SELECT or ... SET)")
    }

    private mutating func unsupportedInsert(_ what: String) -> RecognizerStep {
        phase = .skip
        let table = target.map { String(decoding: $0.table, as: UTF8.self) } ?? "a lock table"
        return .warn("an INSERT into \(table) with \(what) was left as it is")
    }

    private mutating func createTableBody(_ token: Token, text: [UInt8], expectingColumn: Bool) {
        var expecting = false
        switch token.kind {
        case .openParen:
            depth += 1
        case .closeParen:
            depth -= 1
            if depth == 0 {
                if let target {
                    schemas.record(database: target.database, table: target.table, columns: columns)
                }
                phase = .skip
                return
            }
        case .comma:
            expecting = depth == 1
        default:
            let constraints = dialect == .postgres ? Keyword.postgresTableConstraints : Keyword.tableConstraints
            if expectingColumn, depth == 1, isName(token),
               token.kind != .word || !constraints.containsMatch(for: text) {
                columns.append(text)
            }
        }
        phase = .createTableBody(expectingColumn: expecting)
    }

    /// Tracks BEGIN ... END nesting so a `;` inside a body does not end the statement.
    /// CASE opens a block too (CASE ... END, END CASE); END IF / LOOP / WHILE / REPEAT close none.
    private mutating func routineToken(_ token: Token, text: [UInt8]) {
        let word = token.kind == .word
        if pendingEnd {
            pendingEnd = false
            if word, Keyword.nonBlockEnds.containsMatch(for: text) { return }
            blockDepth = max(0, blockDepth - 1)
            if word, Keyword.caseKeyword.matches(text) { return }
        }
        guard word else { return }
        if Keyword.begin.matches(text) || Keyword.caseKeyword.matches(text) {
            blockDepth += 1
        } else if Keyword.end.matches(text) {
            pendingEnd = true
        }
    }
}

/// A table name, possibly qualified with its database (`db`.`t`, "db"."t", db.t).
struct QualifiedName {
    enum Step {
        case needMore, complete, notAName
    }

    private var parts: (first: [UInt8], second: [UInt8]) = ([], [])
    private var count = 0
    private var expectingPart = true

    var isEmpty: Bool { count == 0 }
    var table: [UInt8]? { count == 0 ? nil : count == 1 ? parts.first : parts.second }
    var database: [UInt8]? { count == 2 ? parts.first : nil }

    mutating func reset() {
        count = 0
        expectingPart = true
    }

    /// `complete` means the token ended the name and was not consumed.
    mutating func consume(_ token: Token, text: [UInt8], isName: Bool) -> Step {
        if expectingPart {
            guard isName, count < 2 else { return .notAName }
            if count == 0 { parts.first = text } else { parts.second = text }
            count += 1
            expectingPart = false
            return .needMore
        }
        if token.kind == .dot {
            expectingPart = true
            return .needMore
        }
        return .complete
    }
}
