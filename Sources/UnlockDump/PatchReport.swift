/// What the engine found, for the report. Bounded however many rows and tables the dump holds:
/// counts are kept whole, lists only up to their limits.
public struct PatchReport: Sendable {
    /// How many held rows are listed in `heldLocks`; beyond, only counted (`heldRowCount`).
    public static let heldLockLimit = 1000
    /// How many warnings are listed; beyond, only counted (`warningsOmitted`).
    public static let warningLimit = 100
    /// How many tables are listed; rows of later ones are counted in `otherTables`.
    public static let tableLimit = 1000

    /// The dialect used (given or detected); `nil` until the engine has seen enough input.
    public var dialect: Dialect?
    /// Bytes consumed from the input.
    public var bytesRead: Int = 0
    /// Bytes handed to the sink.
    public var bytesWritten: Int = 0
    /// Every lock-table row seen, held or not.
    public var lockRowsSeen: Int = 0
    /// Every held row: released (or, for a `--set` rule, rewritten) in `.release` mode, only
    /// reported in `.check` mode.
    public internal(set) var heldRowCount = 0
    /// Of those, the rows a `--set` rule rewrites rather than a lock released.
    public internal(set) var setRowCount = 0
    /// Of those, the failed migrations a `--repair` repaired (in `.check` mode: found).
    public internal(set) var repairRowCount = 0
    /// Failed migrations found for a repair not asked for: left as they are, each with a warning.
    public internal(set) var unrepairedFailureCount = 0
    /// The first `heldLockLimit` held rows.
    public internal(set) var heldLocks: [HeldLock] = []
    /// Things the user should know that did not stop the run (e.g. an assumed column layout):
    /// the first `warningLimit`.
    public internal(set) var warnings: [String] = []
    /// Warnings beyond `warningLimit`, counted.
    public internal(set) var warningsOmitted = 0
    /// One entry per lock table met (per database and schema), in the order first met: the first
    /// `tableLimit` tables. Rows of later tables are counted in `otherTables`.
    public internal(set) var tables: [LockTableSummary] = []
    /// Rows of the tables beyond `tableLimit`, counted together.
    public internal(set) var otherTables = OtherTables()
    /// With `PatchOptions.recordsEdits`: every byte replacement, in input order (in `.check`
    /// mode: those a release would make). The output is exactly the input with these applied;
    /// a removed row or statement is an edit with no replacement.
    public internal(set) var edits: [ByteEdit] = []

    public init() {}

    /// Rows of the tables beyond `tableLimit`.
    public struct OtherTables: Sendable, Equatable {
        /// Lock-table rows seen.
        public var rowsSeen = 0
        /// Of those, the rows released (or rewritten); in `.check` mode, those held.
        public var rowsReleased = 0
    }

    /// Whether `heldLocks` lists every held row.
    public var heldLocksComplete: Bool { heldLocks.count == heldRowCount }

    /// Listed tables that held at least one lock (`otherTables` counts the rows of the rest).
    public var tablesWithHeldLocks: Int {
        tables.count { $0.rowsReleased > 0 }
    }

    /// Adds a warning under the same bound as the engine's: the caller's own (the command line's
    /// about compression) read alongside them.
    public mutating func addWarning(_ message: String) {
        if warnings.count < Self.warningLimit {
            warnings.append(message)
        } else {
            warningsOmitted += 1
        }
    }

    mutating func addHeld(_ lock: HeldLock) {
        heldRowCount += 1
        if lock.family == nil, lock.repair == nil { setRowCount += 1 }
        if lock.repair != nil { repairRowCount += 1 }
        if heldLocks.count < Self.heldLockLimit { heldLocks.append(lock) }
    }

    mutating func addUnrepairedFailure() {
        unrepairedFailureCount += 1
    }

    mutating func addEdit(_ edit: ByteEdit) {
        edits.append(edit)
    }

    /// Counts a row of `table` (summary index from `addTable`, `nil` beyond the limit).
    mutating func countRow(in table: Int?, held: Bool) {
        if let table {
            tables[table].rowsSeen += 1
            if held { tables[table].rowsReleased += 1 }
        } else {
            otherTables.rowsSeen += 1
            if held { otherTables.rowsReleased += 1 }
        }
    }

    /// Adds a table's summary, unless `tableLimit` are listed; returns its index.
    mutating func addTable(_ summary: LockTableSummary) -> Int? {
        guard tables.count < Self.tableLimit else { return nil }
        tables.append(summary)
        return tables.count - 1
    }
}

/// One held lock row, and what releasing it changes.
public struct HeldLock: Sendable, Equatable {
    /// The database: MySQL's `USE` or qualifier, or postgres's `\connect`; `nil` when the dump never says.
    public var database: String?
    /// The schema a postgres (or sqlite) name is qualified with; `nil` in MySQL, where the
    /// qualifier is the database.
    public var schema: String?
    /// The table name as written in the dump, unquoted.
    public var table: String
    /// The built-in lock family whose rule released the row; `nil` for a `--set` rewrite.
    public var family: LockFamily?
    /// The table is not one the catalogue knows by name, but has exactly the columns its tool
    /// creates (a renamed knex or Liquibase lock table).
    public var recognizedByColumns: Bool
    /// The row's key column (`lock_key`, `index`, `ID`, ...); its literal as the report shows it
    /// (as written, cut at 60 bytes with `...`: not always a whole literal); and the value itself
    /// (quotes and escapes undone).
    public var keyColumn: String
    /// The key's literal as shown (see above).
    public var displayedKey: String
    /// The key's plain value (see above).
    public var keyValue: String
    /// The rewritten columns with their old and new literals as shown, flag first; none when
    /// the row goes whole.
    public var changes: [ColumnChange]
    /// The row goes (its presence is the lock, or it records a failed migration).
    public var removed: Bool
    /// The `--repair` whose failed-migration state this row is; `nil` for a lock or a `--set`.
    public var repair: RepairTool?

    public init(
        database: String?, schema: String? = nil, table: String, family: LockFamily? = nil,
        recognizedByColumns: Bool = false, keyColumn: String, displayedKey: String, keyValue: String? = nil,
        changes: [ColumnChange], removed: Bool = false, repair: RepairTool? = nil
    ) {
        self.database = database
        self.schema = schema
        self.table = table
        self.family = family
        self.recognizedByColumns = recognizedByColumns
        self.keyColumn = keyColumn
        self.displayedKey = displayedKey
        self.keyValue = keyValue ?? displayedKey
        self.changes = changes
        self.removed = removed
        self.repair = repair
    }

    /// `db.schema.table` with the parts that are known.
    public var qualifiedTable: String {
        [database, schema, table].compactMap { $0 }.joined(separator: ".")
    }
}

/// One column a release rewrote, with its old and new literals as the report shows them: as
/// written, cut at 60 bytes with `...`.
public struct ColumnChange: Sendable, Equatable {
    /// The column as the dump names it.
    public var column: String
    /// The literal before and after, as shown.
    public var displayedOld: String
    public var displayedNew: String

    public init(column: String, displayedOld: String, displayedNew: String) {
        self.column = column
        self.displayedOld = displayedOld
        self.displayedNew = displayedNew
    }
}

/// One replacement of input bytes by new ones.
public struct ByteEdit: Sendable, Equatable {
    /// Offset of the first replaced byte in the input.
    public var offset: Int
    /// How many input bytes are replaced.
    public var length: Int
    /// The bytes written in their place; none for bytes removed.
    public var replacement: [UInt8]

    public init(offset: Int, length: Int, replacement: [UInt8]) {
        self.offset = offset
        self.length = length
        self.replacement = replacement
    }
}

/// Rows of one lock table (or `--set` table) in one database and schema.
public struct LockTableSummary: Sendable, Equatable {
    /// As in `HeldLock`: the database (`USE`, a qualifier, `\connect`), the schema, the table.
    public var database: String?
    public var schema: String?
    public var table: String
    /// Rows of the table seen, held or not.
    public var rowsSeen: Int
    /// Rows released (or rewritten); in `.check` mode, rows that are held.
    public var rowsReleased: Int

    public init(database: String?, schema: String? = nil, table: String, rowsSeen: Int = 0, rowsReleased: Int = 0) {
        self.database = database
        self.schema = schema
        self.table = table
        self.rowsSeen = rowsSeen
        self.rowsReleased = rowsReleased
    }

    /// `db.schema.table` with the parts that are known.
    public var qualifiedTable: String {
        [database, schema, table].compactMap { $0 }.joined(separator: ".")
    }
}
