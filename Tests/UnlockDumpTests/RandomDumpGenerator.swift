import TestSupport
import UnlockDump

/// One piece of a generated dump: bytes that must come out unchanged, or a lock value that may be
/// rewritten (`expected` is what the release must write).
enum DumpPiece: Equatable {
    case fixed([UInt8])
    case lockValue(input: [UInt8], expected: [UInt8])
}

/// A random dump and the output the engine must produce for it.
struct GeneratedDump {
    var dialect: Dialect
    var pieces: [DumpPiece] = []
    var lockRows = 0
    var heldRows = 0

    var input: [UInt8] {
        pieces.flatMap { piece -> [UInt8] in
            switch piece {
            case .fixed(let b): b
            case .lockValue(let i, _): i
            }
        }
    }

    var expected: [UInt8] {
        pieces.flatMap { piece -> [UInt8] in
            switch piece {
            case .fixed(let b): b
            case .lockValue(_, let e): e
            }
        }
    }
}

/// Builds random but valid dumps in either dialect: other tables with hostile string content,
/// comments, traps, and lock rows held or not in every literal style.
struct RandomDumpGenerator {
    private var rng: SplitMix64
    private var dump: GeneratedDump
    private var dialect: Dialect { dump.dialect }

    /// Lock table layouts the generator knows.
    private enum Layout { case ghost, knex, liquibase }
    private struct LockTable {
        var name: String
        var layout: Layout
        var columns: [String]
    }

    static func generate(dialect: Dialect, seed: UInt64) -> GeneratedDump {
        var generator = RandomDumpGenerator(rng: SplitMix64(seed: seed), dump: GeneratedDump(dialect: dialect))
        generator.build()
        return generator.dump
    }

    // MARK: output

    private mutating func emit(_ text: String) { emit(Array(text.utf8)) }

    private mutating func emit(_ bytes: [UInt8]) {
        if case .fixed(let previous)? = dump.pieces.last {
            dump.pieces[dump.pieces.count - 1] = .fixed(previous + bytes)
        } else {
            dump.pieces.append(.fixed(bytes))
        }
    }

    private mutating func emitValue(_ input: [UInt8], _ expected: [UInt8]) {
        dump.pieces.append(.lockValue(input: input, expected: expected))
    }

    // MARK: the dump

    private mutating func build() {
        let tables = chooseLockTables()
        if dialect == .mysql {
            switch rng.int(0...2) {
            case 0: emit(Fixtures.mysqlHeader)
            case 1: emit(Fixtures.mariadbHeader)
            default: break
            }
            if rng.chance(30) { emit("USE `ghost`;\n") }
        } else if rng.chance(80) {
            emit(Fixtures.sqliteHeader)
        }
        for (table, withCreate) in tables where withCreate {
            emit(createStatement(table))
        }
        for _ in 0..<rng.int(4...14) {
            switch rng.int(0...9) {
            case 0...2: otherTableInsert()
            case 3...4: comment()
            case 5: trap()
            default: lockInsert(rng.pick(tables).0)
            }
        }
        emit(Fixtures.footer(dialect))
    }

    private mutating func chooseLockTables() -> [(LockTable, Bool)] {
        let ghost = rng.chance(75)
            ? LockTable(name: "migrations_lock", layout: .ghost, columns: ["lock_key", "locked", "acquired_at", "released_at"])
            : LockTable(name: "migrations_lock", layout: .knex, columns: ["index", "is_locked"])
        let knex = LockTable(name: "knex_migrations_lock", layout: .knex, columns: ["index", "is_locked"])
        let liquibase = LockTable(name: rng.pick(["DATABASECHANGELOGLOCK", "databasechangeloglock"]), layout: .liquibase,
                                  columns: ["ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY"])
        return [(ghost, rng.chance(70)), (knex, rng.chance(50)), (liquibase, rng.chance(50))]
    }

    private func quoted(_ name: String) -> String {
        dialect == .mysql ? "`\(name)`" : "\"\(name)\""
    }

    private func createStatement(_ table: LockTable) -> String {
        let types: [String: String] = [
            "lock_key": "varchar(191) NOT NULL", "locked": "tinyint(1) DEFAULT '1'", "acquired_at": "datetime DEFAULT NULL",
            "released_at": "datetime DEFAULT NULL", "index": "int NOT NULL", "is_locked": "int DEFAULT NULL",
            "ID": "int NOT NULL", "LOCKED": "bit(1) NOT NULL", "LOCKGRANTED": "datetime DEFAULT NULL",
            "LOCKEDBY": "varchar(255) DEFAULT NULL",
        ]
        let columns = table.columns.map { "  \(quoted($0)) \(types[$0]!)" }.joined(separator: ",\n")
        return "CREATE TABLE \(quoted(table.name)) (\n\(columns),\n  PRIMARY KEY (\(quoted(table.columns[0])))\n);\n"
    }

    // MARK: lock rows

    private mutating func lockInsert(_ table: LockTable) {
        let rowCount = dialect == .mysql ? rng.int(1...3) : 1
        let verb = dialect == .mysql
            ? rng.pick(["INSERT INTO", "INSERT IGNORE INTO", "REPLACE INTO", "insert into"])
            : rng.pick(["INSERT INTO", "INSERT OR REPLACE INTO", "insert into"])
        let name = rng.chance(70) ? quoted(table.name) : table.name
        var order = Array(table.columns.indices)
        var columnList = ""
        if dialect == .mysql, rng.chance(30) {
            order.shuffle(using: &rng)
            columnList = " (" + order.map { quoted(table.columns[$0]) }.joined(separator: ", ") + ")"
        } else if dialect == .sqlite, rng.chance(20) {
            columnList = "(rowid," + table.columns.map { $0 == "index" ? "\"index\"" : $0 }.joined(separator: ",") + ")"
        }
        let rowPerLine = dialect == .mysql && rng.chance(40)
        emit("\(verb) \(name)\(columnList) VALUES" + (rowPerLine ? "\n" : (dialect == .mysql ? " " : "")))
        for row in 0..<rowCount {
            if row > 0 { emit(rowPerLine ? ",\n" : ",") }
            emit("(")
            if columnList.hasPrefix("(rowid") { emit("\(rng.int(1...99)),") }
            lockRow(table, order: order)
            emit(")")
        }
        emit(";\n")
    }

    /// The values of one lock row, in `order` (indices into the table's columns).
    private mutating func lockRow(_ table: LockTable, order: [Int]) {
        let isHeld = rng.chance(50)
        let flag = flagLiteral(held: isHeld)
        dump.lockRows += 1
        if isHeld { dump.heldRows += 1 }
        var values: [Int: ([UInt8], [UInt8]?)] = [:]  // column index -> (literal, rewrite)
        switch table.layout {
        case .ghost:
            values[0] = (stringLiteral(randomText(max: 12)), nil)
            values[1] = (flag.0, isHeld ? flag.1 : nil)
            values[2] = (Array(rng.pick(["NULL", "'2025-08-26 22:44:15'"]).utf8), nil)
            values[3] = (Array(rng.pick(["NULL", "'2025-08-26 22:44:18'"]).utf8), nil)
        case .knex:
            values[0] = (Array(String(rng.int(1...9)).utf8), nil)
            values[1] = (flag.0, isHeld ? flag.1 : nil)
        case .liquibase:
            values[0] = (Array(String(rng.int(1...9)).utf8), nil)
            values[1] = (flag.0, isHeld ? flag.1 : nil)
            let granted = Array(rng.pick(["NULL", "'2025-01-02 03:04:05'", "'2025-01-02 03:04:05.123'"]).utf8)
            let by = rng.chance(20) ? Array("NULL".utf8) : stringLiteral(randomText(max: 20))
            values[2] = (granted, isHeld ? Array("NULL".utf8) : nil)
            values[3] = (by, isHeld ? Array("NULL".utf8) : nil)
        }
        for (position, column) in order.enumerated() {
            if position > 0 { emit(",") }
            let (literal, rewrite) = values[column]!
            if let rewrite { emitValue(literal, rewrite) } else { emit(literal) }
        }
    }

    static let mysqlHeldFlags: [(String, String)] = [
        ("1", "0"), ("2", "0"), ("'1'", "'0'"), ("TRUE", "FALSE"), ("true", "false"), ("b'1'", "b'0'"),
        ("0x01", "0x00"), ("'\u{01}'", "'\\0'"), ("_binary '\u{01}'", "_binary '\\0'"), ("_binary 0x01", "_binary 0x00"),
    ]
    static let mysqlReleasedFlags = ["0", "'0'", "NULL", "FALSE", "false", "b'0'", "0x00", "'\\0'", "_binary '\\0'"]
    static let sqliteHeldFlags: [(String, String)] = [("1", "0"), ("2", "0"), ("'1'", "'0'"), ("X'01'", "X'00'")]
    static let sqliteReleasedFlags = ["0", "'0'", "NULL", "X'00'"]

    /// Every literal a release may write, for checks that do not trust the generator.
    static let releasedLiterals: Set<[UInt8]> = Set(
        (mysqlHeldFlags + sqliteHeldFlags).map { Array($0.1.utf8) } + [Array("NULL".utf8)])

    private mutating func flagLiteral(held: Bool) -> ([UInt8], [UInt8]) {
        if held {
            let pair = rng.pick(dialect == .mysql ? Self.mysqlHeldFlags : Self.sqliteHeldFlags)
            return (Array(pair.0.utf8), Array(pair.1.utf8))
        }
        let literal = Array(rng.pick(dialect == .mysql ? Self.mysqlReleasedFlags : Self.sqliteReleasedFlags).utf8)
        return (literal, literal)
    }

    // MARK: other statements

    private mutating func otherTableInsert() {
        let table = rng.pick(["posts", "migrations_lock_audit", "old_migrations_lock", "settings", "sqlite_sequence"])
        let name = dialect == .mysql && rng.chance(80) ? "`\(table)`" : table
        emit("INSERT INTO \(name) VALUES" + (dialect == .mysql ? " " : ""))
        for row in 0..<(dialect == .mysql ? rng.int(1...4) : 1) {
            if row > 0 { emit(",") }
            emit("(")
            for column in 0..<rng.int(1...5) {
                if column > 0 { emit(",") }
                switch rng.int(0...5) {
                case 0: emit(String(rng.int(-5...1000)))
                case 1: emit("NULL")
                default: emit(stringLiteral(randomText(max: 60)))
                }
            }
            emit(")")
        }
        emit(";\n")
    }

    private mutating func comment() {
        let body = randomText(max: 40).filter { $0 != 0x0A && $0 != 0x0D && $0 != 0x2A } // no LF, CR, '*'
        switch rng.int(0...(dialect == .mysql ? 3 : 2)) {
        case 0: emit("-- "); emit(body); emit("\n")
        case 1: emit("/* "); emit(body); emit(" */\n")
        case 2: emit("/* INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);\n"); emit(body); emit("\n*/\n")
        default: emit("# "); emit(body); emit("\n")
        }
    }

    private mutating func trap() {
        // sqlite's trigger bodies are no PostgreSQL: psql ends such a statement at its first `;`.
        let traps = dialect == .mysql
            ? TrapTests.mysqlTraps
            : TrapTests.sqliteTraps.filter { dialect == .sqlite || !$0.text.contains("TRIGGER") }
        emit(rng.pick(traps).text)
    }

    // MARK: strings

    private static let alphabet: [UInt8] = Array("abcXYZ019 _-,;()*/#'\"\\%".utf8) + [0x00, 0xFF, 0xC3, 0x0A, 0x0D, 0x1A, 0x09, 0x01]
    private static let words: [String] = [
        "INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);", "*/", "/*", "-- ", "#", "DELIMITER ;;", "END;",
        "BEGIN", "\\", "'", "''", "\\'", "km01", "VALUES(", "locked", "/*!40000 ",
    ]

    private mutating func randomText(max: Int) -> [UInt8] {
        var text: [UInt8] = []
        let target = rng.int(0...max)
        while text.count < target {
            if rng.chance(10) {
                text += Array(rng.pick(Self.words).utf8)
            } else {
                text.append(rng.pick(Self.alphabet))
            }
        }
        return text
    }

    /// A string literal holding `raw`, escaped as the dialect's dump tool would (or as a person
    /// might: mysql with '' doubling, sqlite with replace()/unistr()).
    private mutating func stringLiteral(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x27]
        if dialect == .mysql {
            let doubleQuotes = rng.chance(30)
            for byte in raw {
                switch byte {
                case 0x00: out += Array("\\0".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x1A: out += Array("\\Z".utf8)
                case 0x5C: out += Array("\\\\".utf8)
                case 0x22: out += Array("\\\"".utf8)
                case 0x27: out += doubleQuotes ? [0x27, 0x27] : Array("\\'".utf8)
                default: out.append(byte)
                }
            }
            return out + [0x27]
        }
        for byte in raw {
            if byte == 0x27 { out += [0x27, 0x27] } else { out.append(byte) }
        }
        out.append(0x27)
        switch rng.int(0...5) {
        case 0: return Array("replace(".utf8) + out + Array(",'\\n',char(10))".utf8)
        case 1: return Array("unistr(".utf8) + out + Array(")".utf8)
        default: return out
        }
    }
}
