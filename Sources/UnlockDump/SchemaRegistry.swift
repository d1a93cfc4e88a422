/// A table as a statement names it: database (MySQL `USE` or qualifier, postgres `\connect`),
/// schema (postgres and sqlite qualifier), table. Unquoted, as the dump spells them.
struct TableName: Hashable, Sendable {
    var database: [UInt8]?
    var schema: [UInt8]?
    var table: [UInt8]

    /// `db.schema.table` with the parts the dump names: for messages, and to warn once per table.
    var qualified: [UInt8] {
        [database, schema].compactMap { $0 }.reduce([]) { $0 + $1 + [0x2E] } + table
    }

    /// The parts as the report's text.
    var reported: (database: String?, schema: String?, table: String) {
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        return (database.map(text), schema.map(text), text(table))
    }
}

/// What a CREATE TABLE said about a table that matters for its lock rows.
struct TableShape {
    var columns: [[UInt8]] = []
    /// Columns that hold a time zone (postgres `timestamp with time zone`, `timestamptz`).
    var zonedColumns: [[UInt8]] = []
    /// MariaDB's system-versioning end column (`GENERATED ALWAYS AS ROW END`); implicit
    /// versioning calls it `row_end`.
    var rowEndColumn: [UInt8]?
    /// The built-in rule of the tool that creates exactly these columns, for a lock table the
    /// catalogue does not know by name (a renamed knex or Liquibase table).
    var recognizedRule: LockTableRule?

    func isZoned(_ column: String) -> Bool {
        zonedColumns.contains { ASCII.equalIgnoringCase($0, column.utf8) }
    }
}

/// Shapes of lock tables from the dump's own CREATE TABLE statements, per database and schema,
/// so an INSERT without a column list is read with its table's real layout.
///
/// Bounded: dump tools write a table's rows right after its CREATE TABLE, so only the most
/// recent `limit` tables are kept (a dump of a hosting provider's thousands of databases has a
/// lock table in each). A row of a table forgotten since reads by the known layouts, as in a
/// data-only dump, and a row they do not fit is refused.
struct SchemaRegistry {
    static let limit = 256

    /// False in postgres: pg_dump spells a table the same way everywhere, and `"DATABASECHANGELOGLOCK"`
    /// and `databasechangeloglock` are two tables there.
    private let foldsCase: Bool
    private var tables: [TableName: TableShape] = [:]
    /// Keys in the order recorded, oldest first, for eviction.
    private var order: [TableName] = []
    private var oldest = 0
    /// Whether any table was recognised by its columns, so statements into other tables need
    /// no lookup until one is.
    private(set) var hasRecognizedTables = false

    init(foldsCase: Bool) {
        self.foldsCase = foldsCase
    }

    private func key(_ name: TableName) -> TableName {
        guard foldsCase else { return name }
        return TableName(database: name.database, schema: name.schema, table: name.table.map(ASCII.lowercased))
    }

    mutating func record(_ name: TableName, _ shape: TableShape) {
        let key = key(name)
        if tables.updateValue(shape, forKey: key) == nil {
            if tables.count > Self.limit { evictOldest() }
            order.append(key)
        }
        if shape.recognizedRule != nil { hasRecognizedTables = true }
    }

    /// Drops the table recorded longest ago; the order list is compacted as it is used up.
    private mutating func evictOldest() {
        tables.removeValue(forKey: order[oldest])
        oldest += 1
        if oldest >= Self.limit {
            order.removeFirst(oldest)
            oldest = 0
        }
    }

    func shape(of name: TableName) -> TableShape? {
        tables[key(name)]
    }
}
