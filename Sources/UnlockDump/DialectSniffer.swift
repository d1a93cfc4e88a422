/// Decides a dump's dialect from its own markers, read off the first lines of its head.
///
/// The tools write them at the very top (mariadb-dump's sandbox line and header, sqlite3's
/// `PRAGMA foreign_keys=OFF;`), so the first line that carries one decides. Data-only dumps are
/// told by their first INSERT: sqlite3 writes `VALUES(` and never a backtick, mysqldump writes
/// `VALUES (` or ends the line after `VALUES`.
enum DialectSniffer {
    /// How much of the input is held back to decide; also bounds the memory the decision takes.
    static let headSize = 64 * 1024

    private static let mysqlLineStarts = [
        "/*!", "/*M!", "-- MySQL dump", "-- MariaDB dump", "-- Dumping data for table", "-- Table structure for table",
        "LOCK TABLES ", "UNLOCK TABLES;", "SET NAMES ", "SET @", "USE `", "DELIMITER ", ") ENGINE=",
    ].map { Array($0.utf8) }
    private static let sqliteLineStarts = ["PRAGMA ", "BEGIN TRANSACTION;", "ROLLBACK; -- due to errors"].map { Array($0.utf8) }
    private static let insertInto = Array("INSERT INTO ".utf8)
    private static let values = Array(" VALUES".utf8)
    private static let rowid = Array("(rowid,".utf8)

    static func dialect(of head: ArraySlice<UInt8>) -> Dialect? {
        for line in head.split(separator: 0x0A) {
            let text = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if mysqlLineStarts.contains(where: text.starts(with:)) { return .mysql }
            if sqliteLineStarts.contains(where: text.starts(with:)) { return .sqlite }
            if text.starts(with: insertInto) { return dialect(ofInsert: text.dropFirst(insertInto.count)) }
        }
        return nil
    }

    private static func dialect(ofInsert rest: ArraySlice<UInt8>) -> Dialect? {
        if rest.first == 0x60 { return .mysql }
        if rest.firstRange(of: rowid) != nil { return .sqlite }
        guard let found = rest.firstRange(of: values) else { return nil }
        let after = rest[found.upperBound...].first { $0 != 0x0D }
        switch after {
        case 0x28: return .sqlite  // VALUES(
        case 0x20, nil: return .mysql  // VALUES ( or VALUES at the end of the line
        default: return nil
        }
    }
}
