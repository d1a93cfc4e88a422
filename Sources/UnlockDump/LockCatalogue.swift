/// One way a table's rows are rewritten: a built-in lock release, or a `--set` rewrite.
/// The facts behind the built-in ones are in `docs/lock-tables.md`. A class: every statement
/// checks its table against the rules, and a reference costs one retain to pass around where
/// a struct of arrays and strings costs one per field.
final class LockTableRule: Sendable {
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
    /// The column that names a row in reports (the table's primary key).
    let keyColumn: String?
    /// Columns set to NULL on release.
    let nullColumns: [String]
    /// The column set to the release time with `--stamp-release` (Ghost's `released_at`).
    let stampColumn: String?
    /// The layouts assumed when the dump gives no column list and no CREATE TABLE, told apart
    /// by their number of values (knex before its `index` column had `is_locked` alone).
    let defaultLayouts: [[String]]
    /// The exact columns of the tool's own CREATE TABLE, by which a renamed lock table is still
    /// known (knex's `<migrations table>_lock`, Liquibase's `databaseChangeLogLockTableName`).
    let signature: [String]?
    /// For a `--set` rewrite: the literal written, and the rows it applies to.
    let newValue: [UInt8]?
    let condition: RowCondition?
    /// For a `--set` rewrite: the database or schema it is limited to, and its place among the
    /// rewrites (to tell the user which matched nothing).
    let qualifier: [UInt8]?
    let rewriteIndex: Int?
    let action: RowAction
    /// The repair this rule is, for a failed-migration state (`--repair`) rather than a lock.
    let repair: RepairTool?
    /// A repair not asked for: its failed migrations are reported, their rows left as they are,
    /// and nothing about its table (its layout, a row past the bound) ever stops the run.
    let reportsOnly: Bool

    init(
        family: LockFamily?, names: [String], matchesAnyCase: Bool, flagColumn: String, keyColumn: String?,
        nullColumns: [String], stampColumn: String?, defaultLayouts: [[String]], signature: [String]?,
        newValue: [UInt8]?, condition: RowCondition?, qualifier: [UInt8]? = nil, rewriteIndex: Int? = nil,
        action: RowAction = .releaseFlag, repair: RepairTool? = nil, reportsOnly: Bool = false
    ) {
        self.family = family
        self.names = names
        self.matchesAnyCase = matchesAnyCase
        self.flagColumn = flagColumn
        self.keyColumn = keyColumn
        self.nullColumns = nullColumns
        self.stampColumn = stampColumn
        self.defaultLayouts = defaultLayouts
        self.signature = signature
        self.newValue = newValue
        self.condition = condition
        self.qualifier = qualifier
        self.rewriteIndex = rewriteIndex
        self.action = action
        self.repair = repair
        self.reportsOnly = reportsOnly
    }

    /// Whether the rule takes rows out of the dump.
    var removesRows: Bool { action.removesRows && !reportsOnly }

    /// This rule, for a repair not asked for.
    func reportingOnly() -> LockTableRule {
        LockTableRule(
            family: family, names: names, matchesAnyCase: matchesAnyCase, flagColumn: flagColumn, keyColumn: keyColumn,
            nullColumns: nullColumns, stampColumn: stampColumn, defaultLayouts: defaultLayouts, signature: signature,
            newValue: newValue, condition: condition, qualifier: qualifier, rewriteIndex: rewriteIndex, action: action,
            repair: repair, reportsOnly: true)
    }

    /// Whether a `--set` rule limited to a database or schema covers this table.
    func covers(_ name: TableName) -> Bool {
        guard let qualifier else { return true }
        return name.database.map { $0 == qualifier } == true || name.schema.map { $0 == qualifier } == true
    }

    func matches(_ table: [UInt8], dialect: Dialect) -> Bool {
        names.contains { name in
            matchesAnyCase || dialect == .sqlite ? ASCII.equalIgnoringCase(table, name.utf8) : table.elementsEqual(name.utf8)
        }
    }

    /// Whether a CREATE TABLE with these columns is this tool's lock table, whatever its name.
    func hasSignature(_ columns: [[UInt8]]) -> Bool {
        guard let signature, columns.count == signature.count else { return false }
        return signature.allSatisfy { name in columns.contains { ASCII.equalIgnoringCase($0, name.utf8) } }
    }
}

/// The rules in force for one run: the built-in families asked for, then the `--set` rewrites.
struct LockCatalogue: Sendable {
    private static let ghost = LockTableRule(
        family: .ghost, names: ["migrations_lock"], matchesAnyCase: false, flagColumn: "locked", keyColumn: "lock_key",
        nullColumns: [], stampColumn: "released_at", defaultLayouts: [["lock_key", "locked", "acquired_at", "released_at"]],
        signature: nil, newValue: nil, condition: nil)
    private static let knex = LockTableRule(
        family: .knex, names: ["knex_migrations_lock", "migrations_lock"], matchesAnyCase: false, flagColumn: "is_locked",
        keyColumn: "index", nullColumns: [], stampColumn: nil, defaultLayouts: [["index", "is_locked"], ["is_locked"]],
        signature: ["index", "is_locked"], newValue: nil, condition: nil)
    private static let liquibase = LockTableRule(
        family: .liquibase, names: ["databasechangeloglock"], matchesAnyCase: true, flagColumn: "locked", keyColumn: "id",
        nullColumns: ["lockgranted", "lockedby"], stampColumn: nil, defaultLayouts: [["ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY"]],
        signature: ["id", "locked", "lockgranted", "lockedby"], newValue: nil, condition: nil)
    private static let kysely = LockTableRule(
        family: .kysely, names: ["kysely_migration_lock"], matchesAnyCase: false, flagColumn: "is_locked", keyColumn: "id",
        nullColumns: [], stampColumn: nil, defaultLayouts: [["id", "is_locked"]],
        signature: ["id", "is_locked"], newValue: nil, condition: nil)
    private static let efcore = LockTableRule(
        family: .efcore, names: ["__EFMigrationsLock"], matchesAnyCase: false, flagColumn: "Id", keyColumn: "Id",
        nullColumns: [], stampColumn: nil, defaultLayouts: [["Id", "Timestamp"]],
        signature: nil, newValue: nil, condition: nil, action: .removeRow)
    private static let yoyo = LockTableRule(
        family: .yoyo, names: ["yoyo_lock"], matchesAnyCase: false, flagColumn: "locked", keyColumn: "pid",
        nullColumns: [], stampColumn: nil, defaultLayouts: [["locked", "ctime", "pid"]],
        signature: nil, newValue: nil, condition: nil, action: .removeRow)

    private static let repairs: [LockTableRule] = [
        LockTableRule(
            family: nil, names: ["flyway_schema_history"], matchesAnyCase: false, flagColumn: "success",
            keyColumn: "script", nullColumns: [], stampColumn: nil,
            defaultLayouts: [["installed_rank", "version", "description", "type", "script", "checksum", "installed_by",
                              "installed_on", "execution_time", "success"]],
            signature: nil, newValue: nil, condition: nil, action: .removeIfFalse, repair: .flyway),
        LockTableRule(
            family: nil, names: ["_sqlx_migrations"], matchesAnyCase: false, flagColumn: "success", keyColumn: "version",
            nullColumns: [], stampColumn: nil,
            defaultLayouts: [["version", "description", "installed_on", "success", "checksum", "execution_time"]],
            signature: nil, newValue: nil, condition: nil, action: .removeIfFalse, repair: .sqlx),
        LockTableRule(
            family: nil, names: ["_prisma_migrations"], matchesAnyCase: false, flagColumn: "finished_at",
            keyColumn: "migration_name", nullColumns: [], stampColumn: "rolled_back_at",
            defaultLayouts: [["id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at",
                              "applied_steps_count"]],
            signature: nil, newValue: nil, condition: nil, action: .stampIfNull, repair: .prisma),
        LockTableRule(
            family: nil, names: ["schema_migrations"], matchesAnyCase: false, flagColumn: "dirty", keyColumn: "version",
            nullColumns: [], stampColumn: nil, defaultLayouts: [["version", "dirty"]],
            signature: nil, newValue: nil, condition: nil, action: .releaseFlag, repair: .golangMigrate),
    ]

    let rules: [LockTableRule]
    /// The `--set`s, in the order given.
    let rewrites: [ColumnRewrite]
    /// Built-in rules left out by `--only`: a row they would claim is not ours to judge.
    let excludedRules: [LockTableRule]
    /// The `--stamp-release` time, when asked for.
    let releaseStamp: ReleaseStamp?
    /// The time a repair writes (Prisma's `rolled_back_at`).
    let repairTime: ReleaseStamp?
    /// Some rule in force may remove rows: INSERT heads are held back until their table is known.
    let removesRows: Bool
    /// Bit `n` is set when a rule names a table of `n` bytes (63: of 63 or more), so the table of
    /// almost every statement is ruled out without a comparison.
    private let nameLengths: UInt64

    init(options: PatchOptions) {
        let all = [Self.ghost, Self.knex, Self.liquibase, Self.kysely, Self.efcore, Self.yoyo]
        // Repairs not asked for still find their failed migrations, for the report.
        let builtIn = all.filter { options.families.contains($0.family!) }
            + Self.repairs.map { options.repairs.contains($0.repair!) ? $0 : $0.reportingOnly() }
        excludedRules = all.filter { !options.families.contains($0.family!) }
        let rewrites = options.rewrites.enumerated().map { index, rewrite in
            // A --set on a built-in lock table still knows that table's layouts and key.
            let builtIn = all.filter { rule in rule.names.contains { ASCII.equalIgnoringCase($0.utf8, rewrite.table.utf8) } }
            return LockTableRule(
                family: nil, names: [rewrite.table], matchesAnyCase: false, flagColumn: rewrite.column,
                keyColumn: builtIn.first?.keyColumn, nullColumns: [], stampColumn: nil,
                defaultLayouts: builtIn.flatMap(\.defaultLayouts), signature: nil, newValue: Array(rewrite.value.utf8),
                condition: rewrite.condition, qualifier: rewrite.qualifier.map { Array($0.utf8) }, rewriteIndex: index)
        }
        rules = builtIn + rewrites
        self.rewrites = options.rewrites
        releaseStamp = options.releaseStamp
        repairTime = options.repairTime
        removesRows = rules.contains(where: \.removesRows)
        nameLengths = (builtIn + excludedRules + rewrites).flatMap(\.names).reduce(0) { $0 | Self.lengthBit($1.utf8.count) }
    }

    /// The time written by `rule`'s stamp column: the repair time for a repair, else `--stamp-release`'s.
    func stamp(for rule: LockTableRule) -> ReleaseStamp? {
        rule.repair == nil ? releaseStamp : repairTime
    }

    private static func lengthBit(_ count: Int) -> UInt64 { 1 << min(count, 63) }

    /// Whether some rule, in force or left out, may claim a table of this name.
    @inline(__always)
    func mayName(_ table: some Collection<UInt8>) -> Bool {
        nameLengths & Self.lengthBit(table.count) != 0
    }

    /// The rules that may apply to a table of this name, in order of preference.
    func rules(forTable name: [UInt8], dialect: Dialect) -> [LockTableRule] {
        guard mayName(name) else { return [] }
        return rules.filter { $0.matches(name, dialect: dialect) }
    }

    /// Of the rules a name matched, those for this very table: a `--set` for the table replaces
    /// the built-in rules, so only what the user wrote happens there.
    static func rulesInForce(_ rules: [LockTableRule], for table: TableName) -> [LockTableRule] {
        let rewrites = rules.filter { $0.rewriteIndex != nil && $0.covers(table) }
        return rewrites.isEmpty ? rules.filter { $0.rewriteIndex == nil } : rewrites
    }

    func excludedRules(forTable name: [UInt8], dialect: Dialect) -> [LockTableRule] {
        excludedRules.filter { $0.matches(name, dialect: dialect) }
    }

    /// The built-in rule whose tool created a table of this name with exactly these columns, if
    /// one is in force. The name must still end in `lock`, as every tool's own and its users'
    /// renames do (knex's `<migrations table>_lock`, `APP_CHANGELOG_LOCK`): a copy of a lock
    /// table such as `migrations_lock_audit` has the same columns and is not a lock.
    func rule(bySignature columns: [[UInt8]], table: [UInt8]) -> LockTableRule? {
        guard table.count >= 4, ASCII.equalIgnoringCase(table.suffix(4), "lock".utf8) else { return nil }
        return rules.first { $0.hasSignature(columns) }
    }
}
