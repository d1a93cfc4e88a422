/// Column lists of lock tables from the dump's own CREATE TABLE statements, per database, so an
/// INSERT without a column list is read with its table's real layout.
struct SchemaRegistry {
    private struct Key: Hashable {
        var database: [UInt8]
        /// Lower-cased where names fold case, as table lookups in lock rules ignore case where the
        /// rule does.
        var table: [UInt8]
    }

    /// False in postgres: pg_dump spells a table the same way everywhere, and `"DATABASECHANGELOGLOCK"`
    /// and `databasechangeloglock` are two tables there.
    private let foldsCase: Bool
    private var tables: [Key: [[UInt8]]] = [:]

    init(foldsCase: Bool) {
        self.foldsCase = foldsCase
    }

    private func key(database: [UInt8]?, table: [UInt8]) -> Key {
        Key(database: database ?? [], table: foldsCase ? table.map(ASCII.lowercased) : table)
    }

    mutating func record(database: [UInt8]?, table: [UInt8], columns: [[UInt8]]) {
        tables[key(database: database, table: table)] = columns
    }

    func columns(database: [UInt8]?, table: [UInt8]) -> [[UInt8]]? {
        tables[key(database: database, table: table)]
    }
}
