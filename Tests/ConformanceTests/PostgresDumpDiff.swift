import Foundation

/// Proves that the bytes a patch changed in a pg_dump file are confined to held lock rows, and
/// that each change is exactly the release the rules promise, without trusting the tool's lexer.
///
/// Line-based, which is sound here: unlockdump never adds or removes a line break, and a lock
/// row of the fixture holds none. A changed line must be a data line of a lock table's COPY block
/// (TAB-separated), or a lock table's `--inserts` row (`INSERT INTO t ... VALUES (...);` on one
/// line, or a `--rows-per-insert` line `\t(...)` under its INSERT), and differ only in the flag
/// (`t`/`1`/`true` -> `f`/`0`/`false`) and the cleared columns (-> `\N` / `NULL`). The rows
/// changed must be exactly the held rows, each once. Raw newlines inside other tables' string
/// literals (`--inserts`) can make a line look like anything, but such lines must not change at all.
enum PostgresDumpDiff {
    struct Report {
        var changedRows: [String] = []
        var problems: [String] = []
    }

    static func check(original: Data, patched: Data, locks: [PostgresLock], expectedHeld: [String]) -> Report {
        check(original: original, patched: patched, locksByDatabase: [:], locks: locks, expectedHeld: expectedHeld)
    }

    /// A `pg_dumpall` file: each `\connect DB` line switches to that database's lock tables, and
    /// the rows are named `DB/schema.table:key`. Before the first `\connect`, `locks` apply.
    static func check(original: Data, patched: Data, locksByDatabase: [String: [PostgresLock]], locks: [PostgresLock] = [],
                      expectedHeld: [String]) -> Report {
        var report = Report()
        var database: String?
        var locks = locks
        let before = lines(original), after = lines(patched)
        guard before.count == after.count else {
            report.problems.append("line count changed: \(before.count) -> \(after.count)")
            return report
        }
        var copyTable: String?
        var insertTable: String?
        for index in before.indices {
            let line = before[index], changed = after[index]
            var row: (table: String, format: Format)?
            if copyTable == nil, let name = connectedDatabase(line) {
                database = name
                locks = locksByDatabase[name] ?? []
                insertTable = nil
            } else if let table = copyTable {
                if line == "\\." { copyTable = nil } else { row = (table, .copy) }
            } else if let name = tableName(line, after: "COPY "), line.hasSuffix(" FROM stdin;") {
                copyTable = name
            } else if let name = tableName(line, after: "INSERT INTO ") {
                insertTable = name
                row = (name, .insert)
            } else if line.hasPrefix("\t("), let table = insertTable {
                row = (table, .insert)
            } else {
                insertTable = nil
            }
            if line == changed { continue }
            let place = "line \(index + 1)"
            guard let row, let lock = locks.first(where: { $0.name == row.table }) else {
                report.problems.append("\(place) changed outside any lock table's rows: `\(line.prefix(160))` -> `\(changed.prefix(160))`")
                continue
            }
            switch compare(line, changed, lock: lock, format: row.format) {
            case .success(let key): report.changedRows.append("\(database.map { "\($0)/" } ?? "")\(lock.name):\(key)")
            case .failure(let problem): report.problems.append("\(place) (\(lock.name)): \(problem.message): `\(line)` -> `\(changed)`")
            }
        }
        if report.changedRows.sorted() != expectedHeld.sorted() {
            report.problems.append("rows changed \(report.changedRows.sorted()) but the held rows are \(expectedHeld.sorted())")
        }
        return report
    }

    enum Format { case copy, insert }

    /// The database of a psql `\connect` line as pg_dumpall writes it (`\connect app`, a quoted
    /// `\connect "My DB"`, or pg_dump --create's `\connect -reuse-previous=on "dbname='app'"`).
    static func connectedDatabase(_ line: String) -> String? {
        guard line.hasPrefix("\\connect ") else { return nil }
        var rest = line.dropFirst("\\connect ".count)
        if rest.hasPrefix("-reuse-previous=on ") { rest = rest.dropFirst("-reuse-previous=on ".count) }
        if rest.hasPrefix("\"dbname='"), rest.hasSuffix("'\"") {
            return String(rest.dropFirst("\"dbname='".count).dropLast(2)).replacingOccurrences(of: "''", with: "'")
        }
        if rest.hasPrefix("\""), rest.hasSuffix("\""), rest.count >= 2 {
            return String(rest.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return String(rest)
    }

    struct Failure: Error { let message: String }

    static func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `schema.table` with quotes removed, from a line starting with `prefix`.
    static func tableName(_ line: String, after prefix: String) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        var name = ""
        var quoted = false
        for c in line.dropFirst(prefix.count) {
            if c == "\"" { quoted.toggle(); continue }
            if !quoted, c == " " || c == "(" || c == ";" { break }
            name.append(c)
        }
        return name
    }

    /// The released form of a flag value, in its own style; nil when the value is not held.
    static func released(_ flag: String) -> String? {
        ["t": "f", "1": "0", "true": "false", "TRUE": "FALSE"][flag]
    }

    static func compare(_ old: String, _ new: String, lock: PostgresLock, format: Format) -> Result<String, Failure> {
        let oldValues: [String], newValues: [String]
        let null: String
        switch format {
        case .copy:
            oldValues = old.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            newValues = new.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            null = "\\N"
        case .insert:
            guard let (oldPrefix, oldRow) = splitRow(old), let (newPrefix, newRow) = splitRow(new) else {
                return .failure(Failure(message: "not one row on the line"))
            }
            guard oldPrefix == newPrefix else { return .failure(Failure(message: "changed outside the row")) }
            oldValues = oldRow
            newValues = newRow
            null = "NULL"
        }
        guard oldValues.count == lock.columns.count, newValues.count == oldValues.count else {
            return .failure(Failure(message: "\(oldValues.count) -> \(newValues.count) values, the table has \(lock.columns.count) columns"))
        }
        for index in oldValues.indices {
            let before = oldValues[index], after = newValues[index]
            if index == lock.flag {
                guard released(before) == after else {
                    return .failure(Failure(message: "flag \(before) -> \(after) is not its release"))
                }
            } else if lock.cleared.contains(index) {
                guard after == null else { return .failure(Failure(message: "\(lock.columns[index]) not cleared")) }
            } else if before != after {
                return .failure(Failure(message: "\(lock.columns[index]) changed"))
            }
        }
        var key = oldValues[0]
        if format == .insert, key.hasPrefix("'") { key = String(key.dropFirst().dropLast()) }
        return .success(key)
    }

    /// A line holding one row: the text before its `(`, and its values split at top-level commas
    /// (quotes with `''` doubling respected), trimmed. The text after the row must be `);`, `),`
    /// or `)` plus `;` / `,`.
    static func splitRow(_ line: String) -> (prefix: String, values: [String])? {
        let bytes = Array(line.utf8)
        let open: Int
        if let values = line.range(of: " VALUES (") {
            open = line.utf8.distance(from: line.utf8.startIndex, to: values.upperBound) - 1
        } else if line.hasPrefix("\t(") {
            open = 1
        } else {
            return nil
        }
        var values: [String] = []
        var current: [UInt8] = []
        var i = open + 1
        var inQuote = false
        var depth = 0
        while i < bytes.count {
            let b = bytes[i]
            if inQuote {
                current.append(b)
                if b == 0x27 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x27 { current.append(0x27); i += 2; continue }
                    inQuote = false
                }
            } else if b == 0x27 {
                inQuote = true
                current.append(b)
            } else if b == 0x28 {
                depth += 1
                current.append(b)
            } else if b == 0x29 && depth > 0 {
                depth -= 1
                current.append(b)
            } else if b == 0x2C || b == 0x29 {
                values.append(String(decoding: current, as: UTF8.self).trimmingCharacters(in: .whitespaces))
                current = []
                if b == 0x29 {
                    let rest = String(decoding: bytes[(i + 1)...], as: UTF8.self)
                    guard rest == ";" || rest == "," else { return nil }
                    return (String(decoding: bytes[..<open], as: UTF8.self), values)
                }
            } else {
                current.append(b)
            }
            i += 1
        }
        return nil
    }
}
