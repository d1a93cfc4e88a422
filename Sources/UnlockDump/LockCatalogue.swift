/// The migration lock tables unlockdump knows, and what "released" means for each (facts in
/// `shared/reference/lock-tables.md`).
struct LockTableRule: Sendable {
    /// Lower-case table name, matched whole (never as a prefix).
    let name: String
    /// Liquibase writes its table in any case; the others are matched exactly in MySQL, where
    /// table names are case-sensitive. sqlite names are always matched without case.
    let matchesAnyCase: Bool
    /// Candidate flag columns, in order of preference: which one a table has decides its kind,
    /// so Ghost's and knex's `migrations_lock` are told apart by schema, not by name.
    let flagColumns: [String]
    /// Columns set to NULL on release.
    let nullColumns: [String]
    /// Layouts assumed when the dump gives no column list and no CREATE TABLE, told apart by the
    /// number of values in the row.
    let defaultLayouts: [[String]]
}

enum LockCatalogue {
    static let rules: [LockTableRule] = [
        LockTableRule(
            name: "migrations_lock", matchesAnyCase: false,
            flagColumns: ["locked", "is_locked"], nullColumns: [],
            defaultLayouts: [["lock_key", "locked", "acquired_at", "released_at"], ["index", "is_locked"]]),
        LockTableRule(
            name: "knex_migrations_lock", matchesAnyCase: false,
            flagColumns: ["is_locked"], nullColumns: [],
            defaultLayouts: [["index", "is_locked"]]),
        LockTableRule(
            name: "databasechangeloglock", matchesAnyCase: true,
            flagColumns: ["locked"], nullColumns: ["lockgranted", "lockedby"],
            defaultLayouts: [["ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY"]]),
    ]

    /// The rule for a table name as lexed (unquoted), if it is a lock table.
    static func rule(forTable name: [UInt8], dialect: Dialect) -> LockTableRule? {
        rules.first { rule in
            rule.matchesAnyCase || dialect == .sqlite
                ? ASCII.equalIgnoringCase(name, rule.name.utf8)
                : name.elementsEqual(rule.name.utf8)
        }
    }
}

/// Which values of a lock row to rewrite, once its columns are known.
struct LockLayout {
    /// Column names, as the dump spells them where it names them.
    let columns: [String]
    let flagIndex: Int
    let nullIndexes: [Int]
    /// True when the layout is the catalogue's guess rather than the dump's own.
    let assumed: Bool

    /// The column that names the row in reports: the first one that is not rewritten (the
    /// primary key in every known layout, wherever a column list puts it).
    var keyIndex: Int {
        columns.indices.first { index in
            index != flagIndex && !nullIndexes.contains(index)
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
        /// The table has none of the rule's flag columns: a namesake, not a lock table.
        case noFlagColumn
        case valueCountMismatch(expected: [Int], source: Source)
    }

    static func resolve(_ rule: LockTableRule, columns: [[UInt8]]?, source: Source, valueCount: Int) -> Resolution {
        let names: [String]
        if let columns {
            names = columns.map { String(decoding: $0, as: UTF8.self) }
            guard names.count == valueCount else {
                return .valueCountMismatch(expected: [names.count], source: source)
            }
        } else {
            guard let layout = rule.defaultLayouts.first(where: { $0.count == valueCount }) else {
                return .valueCountMismatch(expected: rule.defaultLayouts.map(\.count), source: .assumed)
            }
            names = layout
        }
        func index(of column: String) -> Int? {
            names.firstIndex { ASCII.equalIgnoringCase($0.utf8, column.utf8) }
        }
        guard let flag = rule.flagColumns.lazy.compactMap(index(of:)).first else { return .noFlagColumn }
        return .layout(LockLayout(
            columns: names, flagIndex: flag, nullIndexes: rule.nullColumns.compactMap(index(of:)),
            assumed: columns == nil))
    }
}
