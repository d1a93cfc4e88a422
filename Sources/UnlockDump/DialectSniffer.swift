/// Decides a dump's dialect from its own markers, read off the first lines of its head.
///
/// The tools write them at the very top (mariadb-dump's sandbox line and header, sqlite3's
/// `PRAGMA foreign_keys=OFF;`, pg_dump's header, `\restrict` line and `SET statement_timeout`),
/// so the first line that carries one decides. GUI tools name the server in their header
/// (Navicat's `Source Server Type : PostgreSQL`, HeidiSQL's `-- Server version: PostgreSQL ...`);
/// that line comes first and wins over the MySQL-style `/*!...*/` lines HeidiSQL writes for every
/// server. Data-only dumps are told by their first INSERT: sqlite3 writes `VALUES(` and never a
/// backtick, mysqldump writes `VALUES (` or ends the line after `VALUES`.
struct DialectSniffer {
    /// The dialect, and the line that decided it: an error in a dump read the wrong way says so.
    struct Verdict: Sendable, Equatable {
        var dialect: Dialect
        var line: Int
        var marker: String

        var description: String { "read as \(dialect) because of line \(line) (\(marker))" }
    }

    /// How much of the input may be held back to decide; also bounds the memory the decision takes.
    static let headSize = 64 * 1024

    private static let mysqlLineStarts = [
        "/*!", "/*M!", "-- MySQL dump", "-- MariaDB dump", "-- Dumping data for table", "-- Table structure for table",
        "LOCK TABLES ", "UNLOCK TABLES;", "SET NAMES ", "SET @", "USE `", "DELIMITER ", ") ENGINE=",
    ].map { Array($0.utf8) }
    private static let sqliteLineStarts = ["PRAGMA ", "BEGIN TRANSACTION;", "ROLLBACK; -- due to errors"].map { Array($0.utf8) }
    private static let postgresLineStarts = [
        "-- PostgreSQL database dump", "-- PostgreSQL database cluster dump", "\\restrict ", "SET statement_timeout",
        "SELECT pg_catalog.set_config(",
    ].map { Array($0.utf8) }
    private static let copy = Array("COPY ".utf8)
    private static let fromStdin = Array(" FROM stdin;".utf8)
    private static let insertInto = Array("INSERT INTO ".utf8)
    private static let values = Array(" VALUES".utf8)
    private static let rowid = Array("(rowid,".utf8)
    private static let navicatServerType = Array("Source Server Type".utf8)
    private static let heidiServerVersion = Array("-- Server version:".utf8)
    private static let serverNames: [(name: [UInt8], dialect: Dialect)] = [
        (Array("PostgreSQL".utf8), .postgres), (Array("MySQL".utf8), .mysql), (Array("MariaDB".utf8), .mysql),
        (Array("SQLite".utf8), .sqlite),
    ]

    /// Where the first line not yet examined starts: each line is read once however the head
    /// arrives, so the verdict does not depend on chunking.
    private var nextLine = 0
    private var lineNumber = 0

    /// Examines the complete lines of `head` not seen yet (and, when `final`, the unfinished last
    /// one); returns the verdict of the first line with a marker.
    mutating func examine(_ head: [UInt8], final: Bool) -> Verdict? {
        while nextLine < head.count {
            guard let lineEnd = head[nextLine...].firstIndex(of: 0x0A) ?? (final ? head.endIndex : nil) else { break }
            var line = head[nextLine..<lineEnd]
            if nextLine == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }  // a BOM
            let text = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            nextLine = lineEnd + 1
            lineNumber += 1
            if let dialect = Self.dialect(ofLine: text) {
                let shown = text.prefix(48).reversed().drop { $0 == 0x0D || $0 == 0x20 }.reversed()
                return Verdict(dialect: dialect, line: lineNumber, marker: String(decoding: shown, as: UTF8.self))
            }
        }
        return nil
    }

    private static func dialect(ofLine text: ArraySlice<UInt8>) -> Dialect? {
        if let server = serverType(text) { return server }
        if mysqlLineStarts.contains(where: text.starts(with:)) { return .mysql }
        if sqliteLineStarts.contains(where: text.starts(with:)) { return .sqlite }
        if postgresLineStarts.contains(where: text.starts(with:)) { return .postgres }
        if text.starts(with: copy), text.reversed().drop(while: { $0 == 0x0D }).starts(with: fromStdin.reversed()) {
            return .postgres
        }
        if text.starts(with: insertInto) { return dialect(ofInsert: text.dropFirst(insertInto.count)) }
        return nil
    }

    /// The server a GUI tool's header names: Navicat's `Source Server Type    : PostgreSQL`, or
    /// HeidiSQL's `-- Server version:    PostgreSQL 15.8, ...` (for MySQL it writes the version
    /// number first, and the `/*!` lines that follow decide).
    private static func serverType(_ text: ArraySlice<UInt8>) -> Dialect? {
        var rest: ArraySlice<UInt8>
        if text.starts(with: navicatServerType) {
            rest = text.dropFirst(navicatServerType.count).drop { $0 == 0x20 || $0 == 0x09 }
            guard rest.first == 0x3A else { return nil }  // :
            rest = rest.dropFirst()
        } else if text.starts(with: heidiServerVersion) {
            rest = text.dropFirst(heidiServerVersion.count)
        } else {
            return nil
        }
        rest = rest.drop { $0 == 0x20 || $0 == 0x09 }
        return serverNames.first { ASCII.startsIgnoringCase(rest, with: $0.name) }?.dialect
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
