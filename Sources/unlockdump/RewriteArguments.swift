import UnlockDump

/// The values of `--set`, `--where` and `--only`, turned into the engine's terms. Each is checked
/// here, before any file is opened, so a typo costs a usage message, not a pass over the dump.
enum RewriteArguments {
    /// `TABLE.COLUMN=VALUE`. The value is SQL literal text written as given (`0`, `'done'`,
    /// `NULL`); it may itself contain `=`. The table is what comes before the last dot of the
    /// left side, so a column name never needs quoting.
    static func rewrite(_ argument: String) throws(UsageError) -> ColumnRewrite {
        guard let equals = argument.firstIndex(of: "="),
              let dot = argument[..<equals].lastIndex(of: "."),
              dot != argument.startIndex, argument.index(after: dot) != equals,
              argument.index(after: equals) != argument.endIndex
        else {
            throw UsageError("invalid --set '\(argument)' (expected TABLE.COLUMN=VALUE, e.g. schema_migrations.dirty=0)")
        }
        return ColumnRewrite(
            table: String(argument[..<dot]),
            column: String(argument[argument.index(after: dot)..<equals]),
            value: String(argument[argument.index(after: equals)...]))
    }

    /// `COLUMN=VALUE`; the value is compared unquoted, and may be empty (to match `''`).
    static func condition(_ argument: String) throws(UsageError) -> RowCondition {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw UsageError("invalid --where '\(argument)' (expected COLUMN=VALUE, e.g. lock_key=km01)")
        }
        return RowCondition(column: String(argument[..<equals]), value: String(argument[argument.index(after: equals)...]))
    }

    /// `ghost`, `knex`, `liquibase`, `kysely`, or a comma-separated list of them.
    static func families(_ argument: String) throws(UsageError) -> Set<LockFamily> {
        var families = Set<LockFamily>()
        for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let family = LockFamily(rawValue: name.lowercased()) else {
                throw UsageError("invalid --only '\(name)' (expected ghost, knex, liquibase or kysely, or a comma-separated list)")
            }
            families.insert(family)
        }
        return families
    }
}
