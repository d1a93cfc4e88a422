import Foundation
import Testing
import TestSupport

enum MariaDBFixture {
    static var names: [String] { Fixture.databases.map(\.name) }

    /// The whole fixture as one client script. Rows are loaded with NO_BACKSLASH_ESCAPES so the
    /// literals read the same as in SQLite; triggers and procedures are created afterwards (so they
    /// never fire) under the server's default sql_mode, as an app's migrations would create them.
    static func script() -> String {
        var sql = ""
        for database in Fixture.databases {
            sql += "CREATE DATABASE `\(database.name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;\n"
            sql += "USE `\(database.name)`;\n"
            sql += "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES');\n"
            for table in database.allTables {
                sql += table.mariadb + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n"
                sql += table.inserts(.mariadb).joined(separator: "\n") + "\n"
            }
            sql += "SET SESSION sql_mode = DEFAULT;\n"
            let routines = database.triggersMariaDB + database.proceduresMariaDB
            if !routines.isEmpty {
                sql += "DELIMITER ;;\n" + routines.map { $0 + " ;;\n" }.joined() + "DELIMITER ;\n"
            }
        }
        return sql
    }

    static func load(into server: MariaDBServer) throws {
        try server.sql(script())
        // The fixture holds what it says: every lock table reads back as written.
        for lock in Fixture.lockTables {
            let rows = try server.sql(lock.canonicalQuery(.mariadb, qualified: true)).split(separator: "\n").map(String.init).sorted()
            let written = lock.table.rows.map(LockTable.canonical).sorted()
            guard rows == written else {
                throw FixtureMismatch(table: "\(lock.database).\(lock.table.name)", read: rows, written: written)
            }
        }
    }

    struct FixtureMismatch: Error, CustomStringConvertible {
        let table: String, read: [String], written: [String]
        var description: String { "fixture \(table) reads back as \(read), written \(written)" }
    }
}

enum SQLiteFixture {
    /// Builds `<name>.db` for one fixture database in `directory`; returns its path.
    static func build(_ database: Database, in scratch: Scratch) throws -> String {
        var sql = "BEGIN;\n"
        for table in database.allTables {
            sql += table.sqlite + ";\n" + table.inserts(.sqlite).joined(separator: "\n") + "\n"
        }
        sql += database.triggersSQLite.map { $0 + ";\n" }.joined()
        sql += "COMMIT;\n"
        let path = scratch.path("\(database.name).db")
        try Tools.run("sqlite3", ["-bail", path], stdin: .data(Data(sql.utf8)))
        for lock in database.locks {
            let rows = try Tools.run("sqlite3", [path, lock.canonicalQuery(.sqlite, qualified: false)])
                .stdoutText.split(separator: "\n").map(String.init).sorted()
            let written = lock.table.rows.map(LockTable.canonical).sorted()
            guard rows == written else {
                throw MariaDBFixture.FixtureMismatch(table: "\(database.name).\(lock.table.name)", read: rows, written: written)
            }
        }
        return path
    }
}
