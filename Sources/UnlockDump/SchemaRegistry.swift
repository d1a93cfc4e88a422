/// Column lists of lock tables from the dump's own CREATE TABLE statements, per database, so an
/// INSERT without a column list is read with its table's real layout.
struct SchemaRegistry {
    private struct Key: Hashable {
        var database: [UInt8]
        /// Lower-cased, as table lookups in lock rules ignore case where the rule does.
        var table: [UInt8]
    }

    private var tables: [Key: [[UInt8]]] = [:]

    private static func key(database: [UInt8]?, table: [UInt8]) -> Key {
        Key(database: database ?? [], table: table.map(ASCII.lowercased))
    }

    mutating func record(database: [UInt8]?, table: [UInt8], columns: [[UInt8]]) {
        tables[Self.key(database: database, table: table)] = columns
    }

    func columns(database: [UInt8]?, table: [UInt8]) -> [[UInt8]]? {
        tables[Self.key(database: database, table: table)]
    }
}
