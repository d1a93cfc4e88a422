/// Which values of a lock row to rewrite, once its columns are known.
struct LockLayout {
    let rule: LockTableRule
    /// Column names, as the dump spells them where it names them.
    let columns: [String]
    let flagIndex: Int
    let nullIndexes: [Int]
    let stampIndex: Int?
    /// The stamp column holds a time zone, so the stamp is written as explicit UTC.
    let stampIsZoned: Bool
    /// The column a `--where` compares.
    let conditionIndex: Int?
    /// MariaDB `--dump-history` writes every version of a system-versioned row; only the current
    /// one (its end column at the maximum) is the lock. The others are history, kept as they were.
    let rowEndIndex: Int?
    /// True when the layout is the catalogue's guess rather than the dump's own.
    let assumed: Bool

    /// The column that names the row in reports: the rule's key column (`lock_key`, `index`,
    /// `ID`, `id`) wherever a column list puts it, else the first one that is not rewritten.
    var keyIndex: Int {
        if let key = rule.keyColumn, let index = columns.firstIndex(where: { ASCII.equalIgnoringCase($0.utf8, key.utf8) }) {
            return index
        }
        return columns.indices.first { index in
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

        var isLayout: Bool { layout != nil }

        var layout: LockLayout? {
            if case .layout(let layout) = self { return layout }
            return nil
        }
    }

    /// Picks the first of `rules` whose flag column the table has: by name when the dump gives
    /// the columns, else by the number of values among the rules' default layouts. `shape` is
    /// what the table's CREATE TABLE said, if the dump has one.
    static func resolve(
        _ rules: [LockTableRule], columns: [[UInt8]]?, source: Source, valueCount: Int, shape: TableShape?
    ) -> Resolution {
        guard let columns else {
            let assumable = rules.flatMap { rule in rule.defaultLayouts.map { (rule, $0) } }
            guard !assumable.isEmpty else { return .noColumns }
            let fitting = assumable.filter { $0.1.count == valueCount }
            guard !fitting.isEmpty else {
                return .valueCountMismatch(expected: assumable.map(\.1.count), source: .assumed)
            }
            // A --set column the known layout lacks leaves the row alone.
            for (rule, layout) in fitting {
                if let layout = LockLayout(rule: rule, columns: layout, shape: nil, assumed: true) { return .layout(layout) }
            }
            return .noFlagColumn
        }
        guard columns.count == valueCount else {
            return .valueCountMismatch(expected: [columns.count], source: source)
        }
        let names = columns.map { String(decoding: $0, as: UTF8.self) }
        for rule in rules {
            if let layout = LockLayout(rule: rule, columns: names, shape: shape, assumed: false) { return .layout(layout) }
        }
        return .noFlagColumn
    }

    /// `nil` when the columns lack the rule's flag (or its `--where` column).
    private init?(rule: LockTableRule, columns: [String], shape: TableShape?, assumed: Bool) {
        func index(of column: some Collection<UInt8>) -> Int? {
            columns.firstIndex { ASCII.equalIgnoringCase($0.utf8, column) }
        }
        guard let flag = index(of: rule.flagColumn.utf8) else { return nil }
        let conditionIndex = rule.condition.map { index(of: $0.column.utf8) }
        if case .some(nil) = conditionIndex { return nil }
        self.rule = rule
        self.columns = columns
        flagIndex = flag
        nullIndexes = rule.nullColumns.compactMap { index(of: $0.utf8) }
        stampIndex = rule.stampColumn.flatMap { index(of: $0.utf8) }
        stampIsZoned = rule.stampColumn.map { shape?.isZoned($0) ?? false } ?? false
        self.conditionIndex = conditionIndex ?? nil
        rowEndIndex = index(of: shape?.rowEndColumn ?? Self.implicitRowEnd)
        self.assumed = assumed
    }

    private static let implicitRowEnd = Array("row_end".utf8)
}
