import Foundation

/// Small dumps the tests share.
enum Dumps {
    /// A Ghost lock row held, with no database named and no column list: the engine must assume
    /// Ghost's layout (lock_key, locked, acquired_at, released_at).
    static let heldGhostLock = "INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);\n"

    /// A string literal that never ends.
    static let unterminatedString = "INSERT INTO t VALUES ('abc"

    /// A complete mysqldump-like dump with no lock table, `rows` rows long.
    static func withoutLock(rows: Int = 3) -> String {
        var dump = "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n"
        dump += "CREATE TABLE `posts` (`id` int NOT NULL, `title` varchar(191) NOT NULL);\n"
        for row in 0..<rows {
            dump += "INSERT INTO `posts` VALUES (\(row),'post number \(row): it''s \\\\ fine');\n"
        }
        return dump + "\n-- Dump completed on 2025-08-26 22:50:01\n"
    }
}
