/// A lock table named by the statement in progress.
struct LockTarget {
    /// The rules that may apply, in order of preference; the table's columns pick one.
    let rules: [LockTableRule]
    /// Built-in rules `--only` left out that claim the same name (Ghost's and knex's
    /// `migrations_lock`).
    let excludedRules: [LockTableRule]
    /// Database and schema from a qualified name, else the current `USE` or `\connect` database.
    let name: TableName
    /// Known by its columns (its CREATE TABLE has exactly its tool's columns), not by its name.
    let recognizedByColumns: Bool
}

/// How a lock target's rows are read: its columns (the INSERT's or COPY's own list, else its
/// CREATE TABLE's in this database, else none: the catalogue's default layouts apply) and the
/// CREATE TABLE's shape when there is one.
struct RowColumns {
    var names: [[UInt8]]?
    var source: LockLayout.Source
    var shape: TableShape?
}

/// A lock target as the recognizer hands it over with its rows: everything needed to judge them.
struct LockRowContext {
    let target: LockTarget
    let columns: RowColumns
}

extension LockTarget {
    /// Some rule may remove the target's rows: its statements are held back until a row stays.
    var removesRows: Bool { rules.contains(where: \.removesRows) }

    /// Every rule only reports (a repair not asked for): the rows are read if they can be, and
    /// left as they are whatever they hold.
    var reportsOnly: Bool { rules.allSatisfy(\.reportsOnly) }
}
