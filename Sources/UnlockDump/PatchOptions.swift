/// What the engine should do with the lock rows it finds.
public enum PatchMode: Sendable {
    /// Rewrite held locks to released and write the whole dump.
    case release
    /// Write nothing; only report which locks are held.
    case check
}

/// The migration tools whose lock tables unlockdump knows (see `LockCatalogue`).
public enum LockFamily: String, Sendable, CaseIterable {
    /// Ghost / knex-migrator `migrations_lock.locked`.
    case ghost
    /// knex `knex_migrations_lock.is_locked`, and a `migrations_lock` with knex's columns.
    case knex
    /// Liquibase `DATABASECHANGELOGLOCK.LOCKED`.
    case liquibase
    /// Kysely `kysely_migration_lock.is_locked`.
    case kysely
    /// EF Core 9+ on SQLite: a row of `__EFMigrationsLock` is the lock.
    case efcore
    /// yoyo-migrations: a row of `yoyo_lock` is the lock.
    case yoyo
}

/// The failed-migration states unlockdump can repair when asked (`--repair`): not locks, since
/// the failed migration may have left the schema half changed, so never repaired by default.
public enum RepairTool: String, Sendable, CaseIterable {
    /// `flyway_schema_history` rows with `success` false go, as `flyway repair` does.
    case flyway
    /// `_sqlx_migrations` rows with `success` false go.
    case sqlx
    /// `_prisma_migrations` rows neither finished nor rolled back get `rolled_back_at`, as
    /// `prisma migrate resolve --rolled-back` does.
    case prisma
    /// `schema_migrations.dirty` true becomes false, the version kept, as `migrate force` does.
    case golangMigrate = "golang-migrate"
}

/// `--set TABLE.COLUMN=VALUE [--where COLUMN=VALUE]`: the engine's row rewriting, for a column
/// the catalogue does not know (golang-migrate's `schema_migrations.dirty`, say).
public struct ColumnRewrite: Sendable, Equatable {
    /// Matched whole, like the catalogue's names; case-insensitively in sqlite.
    public var table: String
    /// `db` of `--set db.table.column=...`: the table's database (MySQL's `USE` or qualifier,
    /// a pg_dumpall `\connect`) or its schema (postgres, sqlite); `nil` matches any.
    public var qualifier: String?
    /// The column rewritten: matched without regard to case, from the INSERT's column list or
    /// the table's CREATE TABLE (or a built-in table's known layouts).
    public var column: String
    /// The new value, written as given: SQL literal text (`0`, `false`, `'done'`, `NULL`).
    public var value: String
    /// Only rows whose `column` holds `value`, compared with quotes and escapes undone
    /// (`--where lock_key=km01` matches `'km01'`).
    public var condition: RowCondition?

    public init(table: String, qualifier: String? = nil, column: String, value: String, condition: RowCondition? = nil) {
        self.table = table
        self.qualifier = qualifier
        self.column = column
        self.value = value
        self.condition = condition
    }
}

/// `--where COLUMN=VALUE`: a row qualifies when its `column` holds `value`, both compared as
/// plain values (quotes and escapes undone).
public struct RowCondition: Sendable, Equatable {
    /// Matched without regard to case, like a rewrite's column.
    public var column: String
    /// As a person writes it: `km01`, not `'km01'`.
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }
}

/// What to look for and what to do with it: everything that shapes a run, fixed when the
/// `DumpPatcher` is made.
public struct PatchOptions: Sendable {
    /// The dump's dialect, or `nil` to decide it from the dump's own markers.
    public var dialect: Dialect?
    /// `.release` writes the patched dump; `.check` writes nothing and only reports.
    public var mode: PatchMode
    /// A lock-table row is the only thing ever buffered; past this size the dump is refused.
    public var maxLockRowBytes: Int
    /// The built-in lock tables looked for (`--only`).
    public var families: Set<LockFamily>
    /// Extra rewrites (`--set`). A table a rewrite names is rewritten only as the rewrites for
    /// it say: the built-in rule for that table no longer applies.
    public var rewrites: [ColumnRewrite]
    /// When releasing a Ghost lock, also set `released_at` to this time, as knex-migrator's own
    /// unlock does (`--stamp-release`; the CLI passes the current UTC time).
    public var releaseStamp: ReleaseStamp?
    /// The failed-migration repairs asked for (`--repair`).
    public var repairs: Set<RepairTool>
    /// The time a Prisma repair writes into `rolled_back_at`, in UTC; required with `.prisma`.
    public var repairTime: ReleaseStamp?
    /// Keep every byte replacement in `PatchReport.edits` (tests and the fuzzer check the output
    /// against them). Off by default: the list grows with the number of held rows.
    public var recordsEdits: Bool
    /// False lexes every byte through the lexer's state switch, never its fast path: the slow
    /// reference the tests and the fuzzer check the fast path against (`@testable` only).
    var skipsInertRuns = true

    public init(
        dialect: Dialect? = nil, mode: PatchMode = .release, maxLockRowBytes: Int = 1 << 20,
        families: Set<LockFamily> = Set(LockFamily.allCases), rewrites: [ColumnRewrite] = [],
        releaseStamp: ReleaseStamp? = nil, repairs: Set<RepairTool> = [], repairTime: ReleaseStamp? = nil,
        recordsEdits: Bool = false
    ) {
        precondition(!repairs.contains(.prisma) || repairTime != nil, "a Prisma repair needs the time it writes")
        self.dialect = dialect
        self.mode = mode
        self.maxLockRowBytes = maxLockRowBytes
        self.families = families
        self.rewrites = rewrites
        self.releaseStamp = releaseStamp
        self.repairs = repairs
        self.repairTime = repairTime
        self.recordsEdits = recordsEdits
    }
}
