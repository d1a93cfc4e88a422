import UnlockDump

/// The values of `--set`, `--where` and `--only`, turned into the engine's terms. Each is checked
/// here, before any file is opened, so a typo costs a usage message, not a pass over the dump.
enum RewriteArguments {
    /// `[DB.]TABLE.COLUMN=VALUE`. The value is SQL literal text written as given (`0`, `'done'`,
    /// `NULL`); it may itself contain `=`. The column is what follows the last dot of the left
    /// side, the table what precedes it, and a dot before that gives the database (MySQL) or
    /// schema (postgres) the table must be in: `ghost.migrations_lock.locked=0`.
    static func rewrite(_ argument: String) throws(UsageError) -> ColumnRewrite {
        guard let equals = argument.firstIndex(of: "="),
              let dot = argument[..<equals].lastIndex(of: "."),
              dot != argument.startIndex, argument.index(after: dot) != equals,
              argument.index(after: equals) != argument.endIndex
        else {
            throw UsageError("invalid --set '\(argument)' (expected TABLE.COLUMN=VALUE, e.g. schema_migrations.dirty=0)")
        }
        let name = argument[..<dot]
        let qualifierDot = name.lastIndex(of: ".")
        let table = qualifierDot.map { name[name.index(after: $0)...] } ?? name
        let qualifier = qualifierDot.map { name[..<$0] }
        guard !table.isEmpty, qualifier?.isEmpty != true else {
            throw UsageError("invalid --set '\(argument)' (expected TABLE.COLUMN=VALUE, e.g. schema_migrations.dirty=0)")
        }
        return ColumnRewrite(
            table: String(table), qualifier: qualifier.map(String.init),
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

    /// `ghost`, `knex`, `liquibase`, `kysely`, `efcore`, `yoyo`, or a comma-separated list of them.
    static func families(_ argument: String) throws(UsageError) -> Set<LockFamily> {
        var families = Set<LockFamily>()
        for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let family = LockFamily(rawValue: name.lowercased()) else {
                throw UsageError("invalid --only '\(name)' (expected ghost, knex, liquibase, kysely, efcore or yoyo, or a comma-separated list)")
            }
            families.insert(family)
        }
        return families
    }

    /// `flyway`, `sqlx`, `prisma` or `golang-migrate`: one tool per `--repair`.
    static func repair(_ argument: String) throws(UsageError) -> RepairTool {
        guard let tool = RepairTool(rawValue: argument.lowercased()) else {
            throw UsageError("invalid --repair '\(argument)' (expected flyway, sqlx, prisma or golang-migrate)")
        }
        return tool
    }
}
