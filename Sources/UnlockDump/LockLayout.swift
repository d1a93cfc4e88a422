/// Which values of a lock row to rewrite, once its columns are known.
struct LockLayout {
    let rule: LockTableRule
    /// Column names, as the dump spells them where it names them.
    let columns: [String]
    let flagIndex: Int
    let nullIndexes: [Int]
    let stampIndex: Int?
    /// The column a `--where` compares.
    let conditionIndex: Int?
    /// True when the layout is the catalogue's guess rather than the dump's own.
    let assumed: Bool

    /// The column that names the row in reports: the first one that is not rewritten (the
    /// primary key in every known layout, wherever a column list puts it).
    var keyIndex: Int {
        columns.indices.first { index in
            index != flagIndex && !nullIndexes.contains(index) && index != stampIndex
                && !Self.rowidAliases.contains { ASCII.equalIgnoringCase(columns[index].utf8, $0.utf8) }
        } ?? flagIndex
    }

    /// sqlite3 `.dump --preserve-rowids` adds these; they name no lock.
    private static let rowidAliases = ["rowid", "oid", "_rowid_"]

    /// Where the columns came from, for messages.
    enum Source {
        case columnList, createTable, assumed
    }

    enum Resolution {
        case layout(LockLayout)
        /// No candidate rule's flag column is in the table: a namesake, not a lock table.
        case noFlagColumn
        /// No column names in the dump, and no known layout to assume (a `--set` table).
        case noColumns
        case valueCountMismatch(expected: [Int], source: Source)
        /// The row belongs to a built-in family that `--only` left out.
        case excluded

        var isLayout: Bool {
            if case .layout = self { return true }
            return false
        }
    }

    /// Picks the first of `rules` whose flag column the table has: by name when the dump gives
    /// the columns, else by the number of values among the rules' default layouts.
    static func resolve(_ rules: [LockTableRule], columns: [[UInt8]]?, source: Source, valueCount: Int) -> Resolution {
        guard let columns else {
            let assumable = rules.filter { $0.defaultLayout != nil }
            guard !assumable.isEmpty else { return .noColumns }
            guard let rule = assumable.first(where: { $0.defaultLayout!.count == valueCount }) else {
                return .valueCountMismatch(expected: assumable.map { $0.defaultLayout!.count }, source: .assumed)
            }
            return .layout(LockLayout(rule: rule, columns: rule.defaultLayout!, assumed: true)!)
        }
        guard columns.count == valueCount else {
            return .valueCountMismatch(expected: [columns.count], source: source)
        }
        let names = columns.map { String(decoding: $0, as: UTF8.self) }
        for rule in rules {
            if let layout = LockLayout(rule: rule, columns: names, assumed: false) { return .layout(layout) }
        }
        return .noFlagColumn
    }

    /// `nil` when the columns lack the rule's flag (or its `--where` column).
    private init?(rule: LockTableRule, columns: [String], assumed: Bool) {
        func index(of column: String) -> Int? {
            columns.firstIndex { ASCII.equalIgnoringCase($0.utf8, column.utf8) }
        }
        guard let flag = index(of: rule.flagColumn) else { return nil }
        let conditionIndex = rule.condition.map { index(of: $0.column) }
        if case .some(nil) = conditionIndex { return nil }
        self.rule = rule
        self.columns = columns
        flagIndex = flag
        nullIndexes = rule.nullColumns.compactMap(index(of:))
        stampIndex = rule.stampColumn.flatMap(index(of:))
        self.conditionIndex = conditionIndex ?? nil
        self.assumed = assumed
    }
}
