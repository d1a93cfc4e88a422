import Foundation

/// Proves that the bytes a patch changed are confined to held lock rows, and that each change is
/// exactly the release the rules promise, without trusting the tool's own lexer.
///
/// It works on lines, which is sound for these dumps: unlockdump never adds or removes a line
/// break (a lock row holds none), mariadb-dump never writes a raw newline inside a string, and
/// sqlite3 writes one INSERT a line (raw newlines in strings, with `--newlines`, only ever belong
/// to other tables' rows, which must not change at all). Every line that differs must sit in an
/// INSERT / REPLACE of a lock table of the current database, hold one row, differ only inside that
/// row, and differ exactly as `release(flag)` (plus NULLs for Liquibase). Finally the rows changed
/// must be exactly the held rows of the fixture, each once.
enum DumpDiff {
    enum Dialect { case mysql, sqlite }

    struct Report {
        var changedRows: [String] = []
        var problems: [String] = []
    }

    /// - Parameters:
    ///   - database: the database the dump starts in (a single-database dump, or the SQLite file);
    ///     `USE` lines change it.
    ///   - expectedHeld: `database.table:key` of each held row the dump contains.
    static func check(
        original: Data, patched: Data, dialect: Dialect, database: String?,
        locks: [LockTable], expectedHeld: [String]
    ) -> Report {
        var report = Report()
        let before = lines(original), after = lines(patched)
        guard before.count == after.count else {
            report.problems.append("line count changed: \(before.count) -> \(after.count)")
            return report
        }
        var currentDatabase = database
        var statement: Statement?
        for index in before.indices {
            let line = before[index]
            if let name = useStatement(line) {
                currentDatabase = name
                statement = nil
            } else if let head = statementHead(line, database: currentDatabase) {
                statement = head
            } else if !(dialect == .mysql && line.first == UInt8(ascii: "(")) {
                statement = nil
            }
            let changed = after[index]
            if line.elementsEqual(changed) { continue }
            let where_ = "line \(index + 1)"
            guard let statement, let lock = locks.first(where: {
                $0.database == statement.database && $0.table.name.lowercased() == statement.table.lowercased()
            }) else {
                report.problems.append("\(where_) changed outside any lock table's INSERT: \(snippet(line)) -> \(snippet(changed))")
                continue
            }
            switch compareRow(line, changed, lock: lock, statement: statement, dialect: dialect) {
            case .success(let key):
                report.changedRows.append("\(lock.database).\(lock.table.name):\(key)")
            case .failure(let problem):
                report.problems.append("\(where_) (\(lock.database).\(lock.table.name)): \(problem.message): \(snippet(line)) -> \(snippet(changed))")
            }
        }
        if report.changedRows.sorted() != expectedHeld.sorted() {
            report.problems.append("rows changed \(report.changedRows.sorted()) but the held rows are \(expectedHeld.sorted())")
        }
        return report
    }

    /// `database.table:key` of every held row of these lock tables, the key as a dump writes it
    /// (a string in single quotes; mydumper writes it in double quotes).
    static func heldRows(of locks: [LockTable], quote: String = "'") -> [String] {
        locks.flatMap { lock in lock.heldRows.map { heldRow(lock, $0, quote: quote) } }
    }

    /// `database.table:key` of one row of a lock table.
    static func heldRow(_ lock: LockTable, _ row: [Value], quote: String = "'") -> String {
        let key: String
        switch row[0] {
        case .text(let s): key = quote + s + quote
        default: key = row[0].canonical
        }
        return "\(lock.database).\(lock.table.name):\(key)"
    }

    /// The release of a flag literal, in the literal's own style (README, "What is released").
    static func released(_ flag: [UInt8]) -> [UInt8]? {
        let table: [(String, String)] = [
            // knex's is_locked is an integer: any value but 0 is held.
            ("1", "0"), ("2", "0"), ("'1'", "'0'"), ("TRUE", "FALSE"), ("true", "false"), ("b'1'", "b'0'"),
            ("0x01", "0x00"), ("'\u{01}'", "'\\0'"), ("_binary '\u{01}'", "_binary '\\0'"),
            // mydumper writes every string, a BIT(1) included, in double quotes.
            ("\"\u{01}\"", "\"\\0\""),
            ("X'01'", "X'00'"), ("x'01'", "x'00'"),
        ]
        return table.first { Array($0.0.utf8) == flag }.map { Array($0.1.utf8) }
    }

    // MARK: - Pieces

    struct Failure: Error { let message: String }

    struct Statement {
        let database: String?
        let table: String
        /// The INSERT's own column list, if it has one (`--complete-insert`, `--preserve-rowids`).
        let columns: [String]?
    }

    static func lines(_ data: Data) -> [ArraySlice<UInt8>] {
        let bytes = [UInt8](data)
        return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    private static func snippet(_ line: ArraySlice<UInt8>) -> String {
        let text = String(decoding: line.prefix(160), as: UTF8.self)
        return "`\(text)\(line.count > 160 ? "…" : "")`"
    }

    private static func hasPrefix(_ line: ArraySlice<UInt8>, _ word: String, at offset: Int = 0) -> Bool {
        let word = Array(word.utf8)
        let start = line.startIndex + offset
        guard line.endIndex - start >= word.count else { return false }
        for (i, c) in word.enumerated() where line[start + i] | 0x20 != c | 0x20 { return false }
        return true
    }

    /// A quoted or bare name starting at `i`; returns the name and the index after it.
    private static func name(in line: ArraySlice<UInt8>, at i: Int) -> (String, Int)? {
        guard i < line.endIndex else { return nil }
        let open = line[i]
        let close: UInt8? = switch open {
        case UInt8(ascii: "`"): UInt8(ascii: "`")
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "["): UInt8(ascii: "]")
        default: nil
        }
        if let close {
            guard let end = line[(i + 1)...].firstIndex(of: close) else { return nil }
            return (String(decoding: line[(i + 1)..<end], as: UTF8.self), end + 1)
        }
        var end = i
        while end < line.endIndex, line[end] == UInt8(ascii: "_") || line[end] == UInt8(ascii: "$")
                || (line[end] >= 0x30 && line[end] <= 0x39) || ((line[end] | 0x20) >= 0x61 && (line[end] | 0x20) <= 0x7A) {
            end += 1
        }
        return end > i ? (String(decoding: line[i..<end], as: UTF8.self), end) : nil
    }

    private static func skipSpaces(_ line: ArraySlice<UInt8>, _ i: Int) -> Int {
        var i = i
        while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D { i += 1 }
        return i
    }

    private static func useStatement(_ line: ArraySlice<UInt8>) -> String? {
        guard hasPrefix(line, "USE ") else { return nil }
        return name(in: line, at: skipSpaces(line, line.startIndex + 4))?.0
    }

    /// `INSERT [IGNORE] INTO name [(cols)] VALUES...` or `REPLACE INTO ...` at the start of a line.
    private static func statementHead(_ line: ArraySlice<UInt8>, database: String?) -> Statement? {
        guard hasPrefix(line, "INSERT ") || hasPrefix(line, "REPLACE ") else { return nil }
        guard let into = line.indices.first(where: { hasPrefix(line, "INTO ", at: $0 - line.startIndex) }) else { return nil }
        var i = skipSpaces(line, into + 5)
        guard let (table, afterName) = name(in: line, at: i) else { return nil }
        i = skipSpaces(line, afterName)
        var columns: [String]?
        if i < line.endIndex, line[i] == UInt8(ascii: "(") {
            guard let close = line[i...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
            columns = line[(i + 1)..<close].split(separator: UInt8(ascii: ",")).map { part in
                let part = part.drop { $0 == 0x20 }
                return name(in: part, at: part.startIndex)?.0 ?? String(decoding: part, as: UTF8.self)
            }
        }
        return Statement(database: database, table: table, columns: columns)
    }

    /// The first row tuple on the line: where it starts and ends, and its values as raw bytes.
    private static func tuple(_ line: ArraySlice<UInt8>, dialect: Dialect) -> (Range<Int>, [ArraySlice<UInt8>])? {
        var start: Int
        if line.first == UInt8(ascii: "(") {
            start = line.startIndex
        } else {
            guard let values = line.indices.first(where: { hasPrefix(line, "VALUES", at: $0 - line.startIndex) }),
                  let open = line[values...].firstIndex(of: UInt8(ascii: "(")) else { return nil }
            start = open
        }
        var values: [ArraySlice<UInt8>] = []
        var i = start + 1, valueStart = i, depth = 0
        func trimmed(_ range: Range<Int>) -> ArraySlice<UInt8> {
            var slice = line[range]
            while let first = slice.first, first == 0x20 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 { slice = slice.dropLast() }
            return slice
        }
        while i < line.endIndex {
            let c = line[i]
            if c == UInt8(ascii: "'") || (dialect == .mysql && c == UInt8(ascii: "\"")) {
                i += 1
                while i < line.endIndex {
                    if dialect == .mysql, line[i] == UInt8(ascii: "\\") { i += 2; continue }
                    if line[i] == c {
                        if i + 1 < line.endIndex, line[i + 1] == c { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
            } else if c == UInt8(ascii: "(") {
                depth += 1; i += 1
            } else if c == UInt8(ascii: ")") {
                if depth == 0 {
                    values.append(trimmed(valueStart..<i))
                    return (start..<(i + 1), values)
                }
                depth -= 1; i += 1
            } else if c == UInt8(ascii: ","), depth == 0 {
                values.append(trimmed(valueStart..<i))
                i += 1
                valueStart = i
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Checks one changed line against the release of its row; returns the row's key.
    private static func compareRow(
        _ before: ArraySlice<UInt8>, _ after: ArraySlice<UInt8>, lock: LockTable, statement: Statement, dialect: Dialect
    ) -> Result<String, Failure> {
        guard let (range, values) = tuple(before, dialect: dialect) else { return .failure(Failure(message: "no row found")) }
        guard let (rangeAfter, valuesAfter) = tuple(after, dialect: dialect) else { return .failure(Failure(message: "no row left")) }
        guard before[before.startIndex..<range.lowerBound].elementsEqual(after[after.startIndex..<rangeAfter.lowerBound]),
              before[range.upperBound...].elementsEqual(after[rangeAfter.upperBound...]) else {
            return .failure(Failure(message: "bytes outside the row changed"))
        }
        guard values.count == valuesAfter.count else { return .failure(Failure(message: "value count changed")) }
        let layout = lock.kind.columns
        func position(_ column: Int) -> Int? {
            guard let columns = statement.columns else { return column < values.count ? column : nil }
            return columns.firstIndex { $0.lowercased() == layout[column].lowercased() }
        }
        guard let flag = position(lock.kind.flagColumn), let key = position(0) else {
            return .failure(Failure(message: "flag or key column not found"))
        }
        let cleared = Set(lock.kind.clearedColumns.compactMap(position))
        for index in values.indices {
            let old = Array(values[index]), new = Array(valuesAfter[index])
            if index == flag {
                guard let release = released(old) else {
                    return .failure(Failure(message: "flag `\(String(decoding: old, as: UTF8.self))` is not a held literal"))
                }
                guard new == release else {
                    return .failure(Failure(message: "flag released as `\(String(decoding: new, as: UTF8.self))`, not `\(String(decoding: release, as: UTF8.self))`"))
                }
            } else if cleared.contains(index) {
                guard new == Array("NULL".utf8) else { return .failure(Failure(message: "column \(index + 1) not set to NULL")) }
            } else if old != new {
                return .failure(Failure(message: "column \(index + 1) changed"))
            }
        }
        return .success(String(decoding: values[key], as: UTF8.self))
    }
}
