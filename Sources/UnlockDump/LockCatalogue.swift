/// One way a table's rows are rewritten: a built-in lock release, or a `--set` rewrite.
/// Facts behind the built-in ones: `shared/reference/lock-tables.md`.
struct LockTableRule: Sendable {
    /// `nil` for a `--set` rewrite.
    let family: LockFamily?
    /// Table names, matched whole (never as a prefix). knex's lock table takes the name of its
    /// migrations table plus `_lock`, so knex claims `migrations_lock` too, as Ghost does: which
    /// rule applies is decided by the table's columns (see `LockLayout.resolve`).
    let names: [String]
    /// Liquibase writes its table in any case; the others are matched exactly in MySQL, where
    /// table names are case-sensitive. sqlite names are always matched without case.
    let matchesAnyCase: Bool
    let flagColumn: String
    /// Columns set to NULL on release.
    let nullColumns: [String]
    /// The column set to the release time with `--stamp-release` (Ghost's `released_at`).
    let stampColumn: String?
    /// The layout assumed when the dump gives no column list and no CREATE TABLE.
    let defaultLayout: [String]?
    /// For a `--set` rewrite: the literal written, and the rows it applies to.
    let newValue: [UInt8]?
    let condition: RowCondition?

    func matches(_ table: [UInt8], dialect: Dialect) -> Bool {
        names.contains { name in
            matchesAnyCase || dialect == .sqlite ? ASCII.equalIgnoringCase(table, name.utf8) : table.elementsEqual(name.utf8)
        }
    }
}

/// The rules in force for one run: the built-in families asked for, then the `--set` rewrites.
struct LockCatalogue: Sendable {
    private static let ghost = LockTableRule(
        family: .ghost, names: ["migrations_lock"], matchesAnyCase: false, flagColumn: "locked", nullColumns: [],
        stampColumn: "released_at", defaultLayout: ["lock_key", "locked", "acquired_at", "released_at"],
        newValue: nil, condition: nil)
    private static let knex = LockTableRule(
        family: .knex, names: ["knex_migrations_lock", "migrations_lock"], matchesAnyCase: false, flagColumn: "is_locked",
        nullColumns: [], stampColumn: nil, defaultLayout: ["index", "is_locked"], newValue: nil, condition: nil)
    private static let liquibase = LockTableRule(
        family: .liquibase, names: ["databasechangeloglock"], matchesAnyCase: true, flagColumn: "locked",
        nullColumns: ["lockgranted", "lockedby"], stampColumn: nil, defaultLayout: ["ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY"],
        newValue: nil, condition: nil)

    let rules: [LockTableRule]
    /// Built-in rules left out by `--only`: a row they would claim is not ours to judge.
    let excludedRules: [LockTableRule]
    /// The `--stamp-release` literal, when asked for.
    let releaseStamp: [UInt8]?

    init(options: PatchOptions) {
        let all = [Self.ghost, Self.knex, Self.liquibase]
        let builtIn = all.filter { options.families.contains($0.family!) }
        excludedRules = all.filter { !options.families.contains($0.family!) }
        let rewrites = options.rewrites.map { rewrite in
            LockTableRule(
                family: nil, names: [rewrite.table], matchesAnyCase: false, flagColumn: rewrite.column, nullColumns: [],
                stampColumn: nil, defaultLayout: nil, newValue: Array(rewrite.value.utf8), condition: rewrite.condition)
        }
        rules = builtIn + rewrites
        releaseStamp = options.releaseStamp.map { Array($0.utf8) }
    }

    /// The rules that may apply to a table of this name, in order of preference.
    func rules(forTable name: [UInt8], dialect: Dialect) -> [LockTableRule] {
        rules.filter { $0.matches(name, dialect: dialect) }
    }

    func excludedRules(forTable name: [UInt8], dialect: Dialect) -> [LockTableRule] {
        excludedRules.filter { $0.matches(name, dialect: dialect) }
    }
}
