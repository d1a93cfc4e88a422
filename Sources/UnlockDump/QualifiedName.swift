/// A table name, possibly qualified (`db`.`t`, "public"."t", db.t): with its database in
/// MySQL, with its schema in postgres and sqlite.
struct QualifiedName {
    enum Step {
        case needMore, complete, notAName
    }

    private var parts: (first: [UInt8], second: [UInt8]) = ([], [])
    private var count = 0
    private var expectingPart = true

    var isEmpty: Bool { count == 0 }
    var table: [UInt8]? { count == 0 ? nil : count == 1 ? parts.first : parts.second }
    private var qualifier: [UInt8]? { count == 2 ? parts.first : nil }

    /// The name read, placed in `currentDatabase` unless MySQL's qualifier names another.
    func tableName(dialect: Dialect, currentDatabase: [UInt8]?) -> TableName? {
        guard let table else { return nil }
        if dialect == .mysql { return TableName(database: qualifier ?? currentDatabase, schema: nil, table: table) }
        return TableName(database: currentDatabase, schema: qualifier, table: table)
    }

    mutating func reset() {
        count = 0
        expectingPart = true
    }

    /// `complete` means the token ended the name and was not consumed.
    mutating func consume(_ token: Token, text: TokenText, isName: Bool) -> Step {
        if expectingPart {
            guard isName, count < 2 else { return .notAName }
            // Copied: the text is a view of the lexer's buffer, gone with its next word. The
            // buffers are kept from statement to statement, so copying allocates nothing.
            if count == 0 { Self.copy(text, into: &parts.first) } else { Self.copy(text, into: &parts.second) }
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

    /// The name a statement head gave whole.
    mutating func set(qualifier: TokenText?, table: TokenText) {
        if let qualifier {
            Self.copy(qualifier, into: &parts.first)
            Self.copy(table, into: &parts.second)
            count = 2
        } else {
            Self.copy(table, into: &parts.first)
            count = 1
        }
        expectingPart = false
    }

    private static func copy(_ text: TokenText, into part: inout [UInt8]) {
        part.removeAll(keepingCapacity: true)
        part.append(contentsOf: text)
    }
}
