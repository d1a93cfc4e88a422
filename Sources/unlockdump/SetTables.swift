import UnlockDump

/// The tables named by `--set`, so the report can tell a rewritten row from a released lock.
/// Compared case-insensitively: the engine matches sqlite names that way, and a user who types
/// `--set Schema_Migrations.dirty=0` means the same table either way.
struct SetTables {
    private let names: Set<String>

    init(_ rewrites: [ColumnRewrite]) {
        names = Set(rewrites.map { $0.table.lowercased() })
    }

    func contains(_ table: String) -> Bool {
        names.contains(table.lowercased())
    }
}
