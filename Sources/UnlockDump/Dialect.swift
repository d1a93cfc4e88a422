/// The SQL dialect of a dump: it decides how strings, comments and names are lexed.
public enum Dialect: String, Sendable, CaseIterable {
    /// mysqldump / mariadb-dump: backslash escapes, `#` comments, executable `/*!...*/` comments,
    /// `DELIMITER` blocks.
    case mysql
    /// sqlite3 `.dump`: `''` doubling only (a backslash is a plain byte), `[bracketed]` names.
    case sqlite
    /// pg_dump plain format: `''` doubling, `E'...'` escape strings, `$tag$` dollar quoting, nested
    /// `/* */` comments, psql `\...` meta-command lines, and `COPY ... FROM stdin` data blocks.
    case postgres
}
