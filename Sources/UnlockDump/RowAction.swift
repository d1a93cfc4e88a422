/// What a rule does to a row it claims, and so what "held" (or "failed") means for it.
enum RowAction: Sendable {
    /// The flag column true is the lock (or the dirty state): written false.
    case releaseFlag
    /// The row's presence is the lock (EF Core's, yoyo's): the row goes.
    case removeRow
    /// The flag column false marks a failed migration (Flyway's, sqlx's `success`): the row goes.
    case removeIfFalse
    /// The flag column NULL with the stamp column NULL marks a migration neither finished nor
    /// rolled back (Prisma's `finished_at`, `rolled_back_at`): the stamp column gets the time.
    case stampIfNull

    var removesRows: Bool {
        switch self {
        case .removeRow, .removeIfFalse: true
        case .releaseFlag, .stampIfNull: false
        }
    }
}
