/// What the patcher must do after a token, with what it needs to do it.
enum RecognizerStep {
    case proceed
    /// The token is the `(` opening a row of `target`: start buffering at it. When the table's
    /// rows may go, what precedes each row is held back with it.
    case beginRow(LockTarget)
    /// The token is the `)` closing that row: the row is complete. `values`: where each value
    /// lies, relative to the row's `(`.
    case endRow(LockRowContext, values: [ValueSpan])
    case endStatement
    /// The token ended a `COPY ... FROM stdin` statement: data lines follow, up to a `\.` line.
    /// `lockRows`: the lock table they are rows of, in COPY's text format, if they are.
    case beginCopyData(lockRows: LockRowContext?)
    /// Something the user should hear about; the statement is left as it is.
    case warn(String)
    case malformed(String)
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
    private var target: LockTarget?
    /// The INSERT's own column list, or the CREATE TABLE's columns being read.
    private var columns: [[UInt8]] = []
    /// The table a CREATE TABLE names (lock table or not: its columns may make it one), and
    /// what its column definitions say.
    private var createdTable: TableName?
    private var createdShape = TableShape()
    private var columnWords: ColumnTypeWords?
    private var hasColumnList = false
    private var row = RowValues()
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

    /// Some rule in force may remove rows.
    var mayRemoveRows: Bool { catalogue.removesRows }

    /// Whether the INSERT in progress may lose all its rows, so its head must be held back: its
    /// table is not known yet, or it is a table whose rows may go.
    var holdsInsertHead: Bool {
        guard catalogue.removesRows else { return false }
        switch phase {
        case .insertModifiers, .insertName:
            return true
        case .insertAfterName, .insertColumns, .insertAfterColumns, .insertOverriding, .insertRowStart, .row, .afterRow:
            return target?.removesRows == true
        default:
            return false
        }
    }

    /// The target's rows and how to read them.
    private func context(of target: LockTarget) -> LockRowContext {
        let shape = schemas.shape(of: target.name)
        let columns = if hasColumnList {
            RowColumns(names: columns, source: .columnList, shape: shape)
        } else {
            RowColumns(names: shape?.columns, source: shape == nil ? .assumed : .createTable, shape: shape)
        }
        return LockRowContext(target: target, columns: columns)
    }

    /// - Parameters:
    ///   - text: the lexer's text for word and name tokens.
    ///   - customDelimiter: a `DELIMITER` block is open; nothing in it is touched.
    mutating func consume(_ token: Token, text: TokenText, customDelimiter: Bool) -> RecognizerStep {
        if token.kind == .delimiter {
            return delimiter(customDelimiter: customDelimiter)
        }
        if token.kind == .metaCommand {
            // `\connect db` (pg_dumpall, pg_dump --create): the tables that follow are db's.
            if let database = PsqlMetaCommand.connectedDatabase(Array(text)) { currentDatabase = database }
            return .proceed
        }
        switch phase {
        case .start:
            return start(token, text: text, customDelimiter: customDelimiter)
        case .skip:
            return .proceed
        case .use:
            if Self.isName(token) { currentDatabase = Array(text) }
            phase = .skip
            return .proceed
        case .insertModifiers, .insertName, .insertAfterName, .insertColumns, .insertAfterColumns, .insertOverriding,
             .insertRowStart, .row, .afterRow:
            return insertToken(token, text: text)
        case .createHead, .createTableName, .createTableOpen, .createTableBody, .routine:
            return createToken(token, text: text)
        case .copyName, .copyAfterName, .copyColumns, .copyTail:
            return copyToken(token, text: text)
        }
    }

    /// A token of an INSERT or REPLACE statement, from the words before its table to its rows.
    private mutating func insertToken(_ token: Token, text: TokenText) -> RecognizerStep {
        switch phase {
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
            guard token.kind == .openParen else { return expectValues(token, text: text) }
            columns.removeAll(keepingCapacity: true)
            phase = .insertColumns
        case .insertColumns:
            if Self.isName(token) {
                if let tooLong = appendListedColumn(text) { return tooLong }
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
            return .beginRow(target!)
        case .row:
            switch row.add(token) {
            case .more:
                return row.isFull ? .malformed("lock-table row has more than \(RowValues.maxValues) values") : .proceed
            case .emptyValue:
                return .malformed("empty value in a lock-table row (expected a literal before this)")
            case .ended:
                phase = .afterRow
                return .endRow(context(of: target!), values: row.spans)
            }
        default:  // .afterRow
            // `,` starts the next row; ON DUPLICATE KEY UPDATE, RETURNING and the like end the rows.
            phase = token.kind == .comma ? .insertRowStart : .skip
        }
        return .proceed
    }

    /// A token of a CREATE statement: a table's name and columns, or a routine's body.
    private mutating func createToken(_ token: Token, text: TokenText) -> RecognizerStep {
        switch phase {
        case .createHead:
            if token.kind == .word {
                if Keyword.table.matches(text) {
                    phase = .createTableName
                } else if Keyword.routineObjects.containsMatch(for: text) {
                    // sqlite3 and psql bodies end where the lexer's StatementEnds says; only
                    // MySQL's are walked here.
                    blockDepth = 0
                    pendingEnd = false
                    phase = dialect == .mysql ? .routine : .skip
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
            createdShape = TableShape()
            columnWords = nil
            depth = 1
            phase = .createTableBody(expectingColumn: true)
        case .createTableBody(let expectingColumn):
            createTableBody(token, text: text, expectingColumn: expectingColumn)
        default:  // .routine
            routineToken(token, text: text)
        }
        return .proceed
    }

    /// A token of a COPY statement: its table, its columns, where its data comes from.
    private mutating func copyToken(_ token: Token, text: TokenText) -> RecognizerStep {
        switch phase {
        case .copyName:
            switch name.consume(token, text: text, isName: Self.isName(token)) {
            case .needMore:
                break
            case .notAName:
                phase = .copyTail(.unknown)  // COPY (query) TO ...
            case .complete:
                target = lockTarget()
                phase = .copyAfterName
                return copyToken(token, text: text)
            }
        case .copyAfterName:
            guard token.kind == .openParen else {
                phase = .copyTail(.unknown)
                return copyToken(token, text: text)
            }
            columns.removeAll(keepingCapacity: true)
            phase = .copyColumns
        case .copyColumns:
            if Self.isName(token) {
                if let tooLong = appendListedColumn(text) { return tooLong }
            } else if token.kind == .closeParen {
                hasColumnList = true
                phase = .copyTail(.unknown)
            }
        case .copyTail(let source):
            return copyTail(token, text: text, source: source)
        default:
            break
        }
        return .proceed
    }

    /// An INSERT's table name lexed with its head in one go (`Lexer.insertHead`): the same as
    /// its tokens one by one, the statement's next token still to come.
    mutating func insertHead(qualifier: TokenText?, table: TokenText) {
        beginStatement()
        guard catalogue.mayName(table) || schemas.hasRecognizedTables else { return phase = .skip }
        name.set(qualifier: qualifier, table: table)
        target = lockTarget()
        phase = target == nil ? .skip : .insertAfterName
    }

    /// The delimiter of a statement skipped whole (`Lexer.skipToStatementEnd`).
    mutating func endSkippedStatement() {
        precondition(!wantsTokens)
        phase = .start
    }

    private mutating func beginStatement() {
        target = nil
        createdTable = nil
        hasColumnList = false
        name.reset()
    }

    private mutating func start(_ token: Token, text: TokenText, customDelimiter: Bool) -> RecognizerStep {
        phase = .skip
        guard token.kind == .word, !customDelimiter else { return .proceed }
        beginStatement()
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
            return .beginCopyData(lockRows: target.map(context(of:)))
        case .copyTail(.stdinWithOptions):
            phase = .start
            return .beginCopyData(lockRows: nil)
        default:
            break
        }
        phase = .start
        return .endStatement
    }

    /// After a COPY's table and columns: watches for `FROM stdin`, the form whose data follows in
    /// the dump itself.
    private mutating func copyTail(_ token: Token, text: TokenText, source: CopySource) -> RecognizerStep {
        let word = token.kind == .word
        switch source {
        case .unknown:
            if word, Keyword.from.matches(text) { phase = .copyTail(.from) }
        case .from:
            phase = .copyTail(word && Keyword.stdin.matches(text) ? .stdin : .unknown)
        case .stdin:
            phase = .copyTail(.stdinWithOptions)
            if let target {
                let table = String(decoding: target.name.qualified, as: UTF8.self)
                return .warn("COPY \(table) FROM stdin with options: its rows were left as they are")
            }
        case .stdinWithOptions:
            break
        }
        return .proceed
    }

    /// A name of an INSERT's or COPY's column list; the step that refuses a list longer than any
    /// row may be.
    private mutating func appendListedColumn(_ text: TokenText) -> RecognizerStep? {
        guard columns.count < RowValues.maxValues else {
            return .malformed("lock-table column list longer than \(RowValues.maxValues) names")
        }
        columns.append(Array(text))
        return nil
    }

    private static func isName(_ token: Token) -> Bool {
        token.kind == .word || token.kind == .quotedName || token.kind == .doubleQuotedString
    }

    /// Reads a possibly qualified table name, then moves on to what follows it.
    private mutating func readName(_ token: Token, text: TokenText) -> RecognizerStep {
        switch name.consume(token, text: text, isName: Self.isName(token)) {
        case .needMore:
            return .proceed
        case .notAName:
            phase = .skip
            return .proceed
        case .complete:
            target = lockTarget()
            if case .createTableName = phase {
                createdTable = name.tableName(dialect: dialect, currentDatabase: currentDatabase)
                phase = .createTableOpen
            } else if target != nil {
                phase = .insertAfterName
            } else {
                phase = .skip
                return .proceed
            }
            // The token that ended the name belongs to the next phase.
            return consume(token, text: text, customDelimiter: false)
        }
    }

    /// The name just read, as a lock target when some rule claims it by name, or when its
    /// CREATE TABLE earlier had exactly the columns of a tool's lock table.
    /// Mutating only so that calling it from the recognizer's mutating methods lends `self` in
    /// place instead of copying it.
    private mutating func lockTarget() -> LockTarget? {
        guard let table = name.table else { return nil }
        let named = catalogue.rules(forTable: table, dialect: dialect)
        if !named.isEmpty, let tableName = name.tableName(dialect: dialect, currentDatabase: currentDatabase) {
            let rules = LockCatalogue.rulesInForce(named, for: tableName)
            guard !rules.isEmpty else { return nil }
            let rewritten = rules.contains { $0.rewriteIndex != nil }
            return LockTarget(
                rules: rules, excludedRules: rewritten ? [] : catalogue.excludedRules(forTable: table, dialect: dialect),
                name: tableName, recognizedByColumns: false)
        }
        guard schemas.hasRecognizedTables, let tableName = name.tableName(dialect: dialect, currentDatabase: currentDatabase),
              let rule = schemas.shape(of: tableName)?.recognizedRule else { return nil }
        return LockTarget(rules: [rule], excludedRules: [], name: tableName, recognizedByColumns: true)
    }

    private mutating func expectValues(_ token: Token, text: TokenText) -> RecognizerStep {
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
        if target?.reportsOnly == true { return .proceed }  // no lock table: nothing to tell
        let table = target.map { String(decoding: $0.name.qualified, as: UTF8.self) } ?? "a lock table"
        return .warn("an INSERT into \(table) with \(what) was left as it is")
    }

    /// Reads a CREATE TABLE's column names and, per column, the words of its definition.
    /// Every table's columns are read (up to the most a tool's lock table has, unless it is a
    /// lock table by name): a renamed lock table is known by them.
    private mutating func createTableBody(_ token: Token, text: TokenText, expectingColumn: Bool) {
        var expecting = false
        switch token.kind {
        case .openParen:
            depth += 1
        case .closeParen:
            depth -= 1
            if depth == 0 {
                endColumnDefinition()
                recordCreatedTable()
                phase = .skip
                return
            }
        case .comma:
            if depth == 1 {
                endColumnDefinition()
                expecting = true
            }
        default:
            let constraints = dialect == .postgres ? Keyword.postgresTableConstraints : Keyword.tableConstraints
            if expectingColumn, depth == 1, Self.isName(token),
               token.kind != .word || !constraints.containsMatch(for: text) {
                if target != nil ? columns.count < RowValues.maxValues : columns.count <= Self.longestSignature {
                    columns.append(Array(text))
                    columnWords = ColumnTypeWords()
                }
            } else if depth == 1, token.kind == .word {
                columnWords?.add(text)
            }
        }
        phase = .createTableBody(expectingColumn: expecting)
    }

    /// More columns than this, and a table is no tool's lock table by its columns.
    private static let longestSignature = 4

    private mutating func endColumnDefinition() {
        guard let words = columnWords, let column = columns.last else { return }
        if words.isZoned { createdShape.zonedColumns.append(column) }
        if words.isRowEnd { createdShape.rowEndColumn = column }
        columnWords = nil
    }

    private mutating func recordCreatedTable() {
        guard let createdTable else { return }
        createdShape.columns = columns
        if target == nil {
            guard let rule = catalogue.rule(bySignature: columns, table: createdTable.table) else { return }
            createdShape.recognizedRule = rule
        }
        schemas.record(createdTable, createdShape)
    }

    /// Tracks BEGIN ... END nesting so a `;` inside a body does not end the statement.
    /// CASE opens a block too (CASE ... END, END CASE); END IF / LOOP / WHILE / REPEAT close none.
    private mutating func routineToken(_ token: Token, text: TokenText) {
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
