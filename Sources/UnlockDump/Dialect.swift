/// The SQL dialect of a dump: it decides how strings, comments and names are lexed.
public enum Dialect: String, Sendable, CaseIterable {
    /// mysqldump / mariadb-dump: backslash escapes, `#` comments, executable `/*!...*/` comments,
    /// `DELIMITER` blocks.
    case mysql
    /// sqlite3 `.dump`: `''` doubling only (a backslash is a plain byte), `[bracketed]` names.
    case sqlite
}
