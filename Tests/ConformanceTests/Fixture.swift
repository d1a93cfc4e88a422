import Foundation

/// The content both engines hold: three apps, each in its own database (MariaDB) or file (SQLite),
/// with held migration locks and every trap the release rules promise to leave alone.
/// Values are written once here and rendered as SQL for each engine, so "the same content" is
/// true by construction.
enum Value: Sendable, Equatable {
    case null
    case int(Int)
    case text(String)
    case blob([UInt8])
    /// A BIT(1) on MariaDB, a 0/1 integer on SQLite.
    case bit(Bool)

    /// An SQL literal that both engines read the same way. MariaDB loads the fixture with
    /// NO_BACKSLASH_ESCAPES, so a quote is doubled and a backslash is an ordinary byte in both.
    func literal(_ engine: Engine) -> String {
        switch self {
        case .null: return "NULL"
        case .int(let n): return String(n)
        case .text(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let bytes): return "X'" + bytes.map { String(format: "%02X", $0) }.joined() + "'"
        case .bit(let b): return engine == .mariadb ? (b ? "b'1'" : "b'0'") : (b ? "1" : "0")
        }
    }

    /// How a canonical query (see `LockTable.canonicalQuery`) prints this value.
    var canonical: String {
        switch self {
        case .null: return "NULL"
        case .int(let n): return String(n)
        case .text(let s): return s
        case .blob: return "<blob>"
        case .bit(let b): return b ? "1" : "0"
        }
    }

    var isTruthy: Bool {
        switch self {
        case .int(let n): return n != 0
        case .bit(let b): return b
        default: return false
        }
    }
}

enum Engine: Sendable { case mariadb, sqlite }

struct Table: Sendable {
    let name: String
    let mariadb: String  // CREATE TABLE for MariaDB
    let sqlite: String   // CREATE TABLE for SQLite (knex style, kept verbatim by .dump)
    let rows: [[Value]]

    func inserts(_ engine: Engine) -> [String] {
        let quoted = engine == .mariadb ? "`\(name)`" : "\"\(name)\""
        return rows.map { row in
            "INSERT INTO \(quoted) VALUES (" + row.map { $0.literal(engine) }.joined(separator: ",") + ");"
        }
    }
}

/// The three lock layouts, and what releasing a row means for each (lock-tables.md).
enum LockKind: Sendable {
    case ghost      // lock_key, locked, acquired_at, released_at: locked -> 0
    case knex       // index, is_locked: is_locked -> 0
    case liquibase  // ID, LOCKED, LOCKGRANTED, LOCKEDBY: LOCKED -> false, the other two -> NULL

    var columns: [String] {
        switch self {
        case .ghost: return ["lock_key", "locked", "acquired_at", "released_at"]
        case .knex: return ["index", "is_locked"]
        case .liquibase: return ["ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY"]
        }
    }
    /// The flag is the second column in every layout; the key is the first.
    var flagColumn: Int { 1 }
    /// Columns set to NULL on release, besides the flag.
    var clearedColumns: [Int] { self == .liquibase ? [2, 3] : [] }

    func released(_ row: [Value]) -> [Value] {
        guard row[flagColumn].isTruthy else { return row }
        var row = row
        if case .bit = row[flagColumn] { row[flagColumn] = .bit(false) } else { row[flagColumn] = .int(0) }
        for column in clearedColumns { row[column] = .null }
        return row
    }
}

struct LockTable: Sendable {
    let database: String
    let table: Table
    let kind: LockKind

    var heldRows: [[Value]] { table.rows.filter { $0[kind.flagColumn].isTruthy } }
    var expectedAfterRelease: [String] { table.rows.map { Self.canonical(kind.released($0)) }.sorted() }

    static func canonical(_ row: [Value]) -> String { row.map(\.canonical).joined(separator: "|") }

    /// One line per row, values joined by `|`, NULL as `NULL`, a BIT as its number.
    func canonicalQuery(_ engine: Engine, qualified: Bool) -> String {
        let isBit = table.rows.first.map { if case .bit = $0[kind.flagColumn] { true } else { false } } ?? false
        switch engine {
        case .mariadb:
            let parts = kind.columns.enumerated().map { index, column in
                let expression = index == kind.flagColumn && isBit ? "`\(column)`+0" : "`\(column)`"
                return "IFNULL(CAST(\(expression) AS CHAR),'NULL')"
            }
            let name = qualified ? "`\(database)`.`\(table.name)`" : "`\(table.name)`"
            return "SELECT CONCAT_WS('|',\(parts.joined(separator: ","))) FROM \(name);"
        case .sqlite:
            let parts = kind.columns.map { "IFNULL(CAST(\"\($0)\" AS TEXT),'NULL')" }
            return "SELECT \(parts.joined(separator: "||'|'||")) FROM \"\(table.name)\";"
        }
    }
}

struct Database: Sendable {
    let name: String
    let tables: [Table]
    let locks: [LockTable]
    /// Created after the data, so they never fire while loading.
    let triggersMariaDB: [String]
    let triggersSQLite: [String]
    /// MariaDB only (SQLite has no stored procedures).
    let proceduresMariaDB: [String]

    var allTables: [Table] { tables + locks.map(\.table) }
}

enum Fixture {
    static let databases: [Database] = [ghost, app, wiki]
    static let lockTables: [LockTable] = databases.flatMap(\.locks)

    // MARK: Ghost: migrations_lock held, and the traps around it.

    static let ghostLockColumnsMariaDB = """
          `lock_key` varchar(191) NOT NULL,
          `locked` tinyint(1) DEFAULT '0',
          `acquired_at` datetime DEFAULT NULL,
          `released_at` datetime DEFAULT NULL
        """
    static let ghostLockColumnsSQLite =
        "`lock_key` varchar(191) not null, `locked` boolean default '0', `acquired_at` datetime null, `released_at` datetime null"

    /// The held Ghost row, and many more rows with long keys so that `--net-buffer-length=4096`
    /// splits the lock table's INSERT in several statements. Flags cycle held / 0 / NULL.
    static let ghostLockRows: [[Value]] = {
        var rows: [[Value]] = [[.text("km01"), .int(1), .text("2025-08-26 22:44:15"), .null]]
        for i in 0..<36 {
            let key = String(format: "km%02d-", i + 2) + String(repeating: "shard", count: 30)
            let flag: Value = [Value.int(1), .int(0), .null][i % 3]
            let released: Value = i % 3 == 1 ? .text("2025-08-2\(i % 10) 09:00:04") : .null
            rows.append([.text(key), flag, .text("2025-08-2\(i % 10) 09:00:0\(i % 10)"), released])
        }
        return rows
    }()

    static let migrationsLock = Table(
        name: "migrations_lock",
        mariadb: "CREATE TABLE `migrations_lock` (\n\(ghostLockColumnsMariaDB),\n  PRIMARY KEY (`lock_key`)\n)",
        sqlite: "CREATE TABLE `migrations_lock` (\(ghostLockColumnsSQLite), primary key (`lock_key`))",
        rows: ghostLockRows)

    /// Not a lock table: the same columns, and the held row byte for byte.
    static let migrationsLockAudit = Table(
        name: "migrations_lock_audit",
        mariadb: "CREATE TABLE `migrations_lock_audit` (\n\(ghostLockColumnsMariaDB)\n)",
        sqlite: "CREATE TABLE `migrations_lock_audit` (\(ghostLockColumnsSQLite))",
        rows: [[.text("km01"), .int(1), .text("2025-08-26 22:44:15"), .null],
               [.text("km01"), .int(0), .text("2025-08-20 09:00:00"), .text("2025-08-20 09:00:04")],
               [.text("km01"), .int(1), .text("2025-08-26 22:44:15"), .text("2025-08-26 22:44:18")]])

    private static func migrationRow(_ i: Int) -> [Value] {
        let name = String(format: "2025-%02d-%02d-10-00-00-migration-%03d.js", i % 12 + 1, i % 28 + 1, i)
        let version: Value = .text("6.\(i / 10)")
        return [.int(i), .text(name), version, i % 7 == 0 ? .null : version]
    }

    static let migrations = Table(
        name: "migrations",
        mariadb: """
            CREATE TABLE `migrations` (
              `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
              `name` varchar(120) NOT NULL,
              `version` varchar(70) NOT NULL,
              `currentVersion` varchar(255) DEFAULT NULL,
              PRIMARY KEY (`id`),
              UNIQUE KEY `migrations_name_version_unique` (`name`,`version`)
            )
            """,
        sqlite: "CREATE TABLE `migrations` (`id` integer not null primary key autoincrement, `name` varchar(120) not null, `version` varchar(70) not null, `currentVersion` varchar(255) null)",
        rows: (1...60).map(migrationRow))

    /// Text that a careless patcher would take for SQL: the unlock statement, lock rows in every
    /// dump style, dump structure lines, and the held rows themselves.
    static let lockLookalikes = """
        UPDATE migrations_lock set locked=0 where lock_key='km01';
        UPDATE migrations_lock set locked=1 where lock_key='km01';
        INSERT INTO `migrations_lock` VALUES ('km01',1,'2025-08-26 22:44:15',NULL);
        INSERT INTO migrations_lock VALUES('km01',1,'2025-08-26 22:44:15',NULL);
        INSERT INTO "migrations_lock" VALUES ('km01',1,NULL,NULL);
        REPLACE INTO `migrations_lock` VALUES ('km01',1,NULL,NULL);
        INSERT IGNORE INTO `knex_migrations_lock` VALUES (1,1);
        INSERT INTO knex_migrations_lock VALUES(1,1);
        INSERT INTO `DATABASECHANGELOGLOCK` VALUES (1,'\u{01}','2025-01-01 10:00:00','build-host (10.0.0.7)');
        INSERT INTO DATABASECHANGELOGLOCK VALUES(1,1,'2025-01-01 10:00:00','build-host (10.0.0.7)');
        '),('km01',1,NULL,NULL);
        -- Dumping data for table `migrations_lock`
        LOCK TABLES `migrations_lock` WRITE;
        /*!40000 ALTER TABLE `migrations_lock` ENABLE KEYS */;
        DELIMITER ;;
        END */;;
        BEGIN TRANSACTION;
        COMMIT;
        """

    static let longText: String = {
        var text = ""
        for i in 0..<40 {
            text += "<p>Paragraph \(i): it's \"quoted\", C:\\path\\\(i)\\; semi; paren) 🔒🚀👍🏽 日本語 — café</p>\r\n"
            if i % 10 == 0 { text += lockLookalikes + "\n" }
        }
        return text
    }()

    static let posts = Table(
        name: "posts",
        mariadb: """
            CREATE TABLE `posts` (
              `id` varchar(24) NOT NULL,
              `title` varchar(2000) NOT NULL,
              `slug` varchar(191) NOT NULL,
              `html` longtext DEFAULT NULL,
              `plaintext` longtext DEFAULT NULL,
              `feature_image` longblob DEFAULT NULL,
              `status` varchar(50) NOT NULL DEFAULT 'draft',
              `created_at` datetime NOT NULL,
              PRIMARY KEY (`id`),
              UNIQUE KEY `posts_slug_unique` (`slug`)
            )
            """,
        sqlite: "CREATE TABLE `posts` (`id` varchar(24) not null, `title` varchar(2000) not null, `slug` varchar(191) not null, `html` text null, `plaintext` text null, `feature_image` blob null, `status` varchar(50) not null default 'draft', `created_at` datetime not null, primary key (`id`))",
        rows: [
            [.text("68ae3a1f5c2b0a0001a1b2c1"), .text("It's \"stuck\": fixing C:\\ghost\\content; paths 🔒"),
             .text("its-stuck"),
             .text("<p>Don't panic; it's \"fine\".</p>\n<pre>C:\\Program Files\\ghost\\</pre>\n<p>Windows line\r\nending and a lone\rCR; done.</p>"),
             .text("Don't panic;\r\nC:\\Program Files\\ghost\\\r\nDone 🚀👍🏽 日本語\tTAB\u{1A}SUB"),
             .null, .text("published"), .text("2025-08-20 10:00:00")],
            [.text("68ae3a1f5c2b0a0001a1b2c2"), .text("How to release a stuck migration lock"),
             .text("release-stuck-migration-lock"),
             .text("<p>Ghost says \"Migration lock was never released or currently a migration is running\".</p>\n<pre><code>" + lockLookalikes + "</code></pre>"),
             .text("literal \\n is not a newline;\n" + lockLookalikes + "\n');\nINSERT INTO migrations_lock VALUES('km01',1,'2025-08-26 22:44:15',NULL);--"),
             .blob([0x00, 0xFF, 0x27, 0x0A, 0x0D, 0x5C, 0x00, 0x01, 0x89, 0x50, 0x4E, 0x47, 0x3B, 0x29]),
             .text("published"), .text("2025-08-26 22:50:00")],
            [.text("68ae3a1f5c2b0a0001a1b2c3"), .text("ends with a backslash \\"), .text("long-post"),
             .text(longText), .text(String(longText.reversed())),
             .blob((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7) }),
             .text("draft"), .text("2025-08-27 08:00:00")],
        ])

    /// A table of its own with a `locked` column set, and a row keyed `migrations_lock`.
    static let settings = Table(
        name: "settings",
        mariadb: """
            CREATE TABLE `settings` (
              `id` varchar(24) NOT NULL,
              `key` varchar(50) NOT NULL,
              `value` text DEFAULT NULL,
              `locked` tinyint(1) NOT NULL DEFAULT '0',
              PRIMARY KEY (`id`)
            )
            """,
        sqlite: "CREATE TABLE `settings` (`id` varchar(24) not null, `key` varchar(50) not null, `value` text null, `locked` boolean not null default '0', primary key (`id`))",
        rows: [[.text("68ae3a1f5c2b0a0001a1b301"), .text("db_hash"), .text("7c4b1f0e-2d7a-4c55"), .int(1)],
               [.text("68ae3a1f5c2b0a0001a1b302"), .text("title"), .text("My \"Ghost\" site"), .int(0)],
               [.text("68ae3a1f5c2b0a0001a1b303"), .text("migrations_lock"), .text("km01"), .int(1)]])

    static let ghost = Database(
        name: "ghost",
        tables: [migrations, migrationsLockAudit, posts, settings],
        locks: [LockTable(database: "ghost", table: migrationsLock, kind: .ghost)],
        triggersMariaDB: ["""
            CREATE TRIGGER `posts_after_insert` AFTER INSERT ON `posts` FOR EACH ROW
            BEGIN
              INSERT INTO migrations_lock VALUES ('trigger',1,NOW(),NULL);
              INSERT INTO `migrations_lock` VALUES ('km01',1,'2025-08-26 22:44:15',NULL);
              UPDATE migrations_lock SET locked=1 WHERE lock_key='km01';
            END
            """],
        triggersSQLite: ["""
            CREATE TRIGGER `posts_after_insert` AFTER INSERT ON `posts`
            BEGIN
              INSERT INTO migrations_lock VALUES('trigger',1,'2025-08-26 22:44:15',NULL);
              UPDATE migrations_lock SET locked=1 WHERE lock_key='km01';
            END
            """],
        proceduresMariaDB: ["""
            CREATE PROCEDURE `hold_migration_lock`()
            BEGIN
              INSERT INTO `migrations_lock` VALUES ('proc',1,NOW(),NULL);
              INSERT INTO migrations_lock VALUES ('km01',1,'2025-08-26 22:44:15',NULL);
            END
            """])

    // MARK: app: Liquibase with a BIT(1) LOCKED, and knex.

    static let app = Database(
        name: "app",
        tables: [
            Table(
                name: "DATABASECHANGELOG",
                mariadb: """
                    CREATE TABLE `DATABASECHANGELOG` (
                      `ID` varchar(255) NOT NULL,
                      `AUTHOR` varchar(255) NOT NULL,
                      `FILENAME` varchar(255) NOT NULL,
                      `DATEEXECUTED` datetime NOT NULL,
                      `ORDEREXECUTED` int(11) NOT NULL,
                      `EXECTYPE` varchar(10) NOT NULL,
                      `COMMENTS` varchar(255) DEFAULT NULL
                    )
                    """,
                sqlite: "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, COMMENTS VARCHAR(255))",
                rows: [[.text("1"), .text("dev"), .text("db/changelog/001-init.xml"), .text("2025-01-01 09:59:58"), .int(1),
                        .text("EXECUTED"), .text("locks, 'LOCKED'=b'1'")],
                       [.text("2"), .text("dev"), .text("db/changelog/002-lock.xml"), .text("2025-01-01 09:59:59"), .int(2),
                        .text("EXECUTED"), .text("INSERT INTO DATABASECHANGELOGLOCK VALUES (1,1,NOW(),'me');")]]),
            Table(
                name: "knex_migrations",
                mariadb: """
                    CREATE TABLE `knex_migrations` (
                      `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
                      `name` varchar(255) DEFAULT NULL,
                      `batch` int(11) DEFAULT NULL,
                      `migration_time` timestamp NULL DEFAULT NULL,
                      PRIMARY KEY (`id`)
                    )
                    """,
                sqlite: "CREATE TABLE `knex_migrations` (`id` integer not null primary key autoincrement, `name` varchar(255), `batch` integer, `migration_time` datetime)",
                rows: [[.int(1), .text("20250101000000_init.js"), .int(1), .text("2025-01-01 10:00:01")],
                       [.int(2), .text("20250102000000_users.js"), .int(2), .text("2025-01-02 10:00:01")]]),
        ],
        locks: [
            LockTable(database: "app", table: Table(
                name: "DATABASECHANGELOGLOCK",
                mariadb: """
                    CREATE TABLE `DATABASECHANGELOGLOCK` (
                      `ID` int(11) NOT NULL,
                      `LOCKED` bit(1) NOT NULL,
                      `LOCKGRANTED` datetime DEFAULT NULL,
                      `LOCKEDBY` varchar(255) DEFAULT NULL,
                      PRIMARY KEY (`ID`)
                    )
                    """,
                sqlite: "CREATE TABLE DATABASECHANGELOGLOCK (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR(255), CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))",
                rows: [[.int(1), .bit(true), .text("2025-01-01 10:00:00"), .text("build-host (10.0.0.7)")],
                       // Not held: left alone, LOCKEDBY and all.
                       [.int(2), .bit(false), .text("2024-12-31 09:00:00"), .text("old-host (10.0.0.8)")]]),
                kind: .liquibase),
            LockTable(database: "app", table: Table(
                name: "knex_migrations_lock",
                mariadb: """
                    CREATE TABLE `knex_migrations_lock` (
                      `index` int(10) unsigned NOT NULL AUTO_INCREMENT,
                      `is_locked` int(11) DEFAULT NULL,
                      PRIMARY KEY (`index`)
                    )
                    """,
                sqlite: "CREATE TABLE `knex_migrations_lock` (`index` integer not null primary key autoincrement, `is_locked` integer)",
                rows: [[.int(1), .int(1)]]),
                kind: .knex),
        ],
        triggersMariaDB: ["""
            CREATE TRIGGER `knex_migrations_after_insert` AFTER INSERT ON `knex_migrations` FOR EACH ROW
            BEGIN
              UPDATE knex_migrations_lock SET is_locked = 1;
              INSERT INTO `DATABASECHANGELOGLOCK` VALUES (3,b'1',NOW(),'trigger (127.0.0.1)');
              INSERT INTO knex_migrations_lock VALUES (2,1);
            END
            """],
        triggersSQLite: ["""
            CREATE TRIGGER knex_migrations_after_insert AFTER INSERT ON knex_migrations
            BEGIN
              UPDATE knex_migrations_lock SET is_locked = 1;
              INSERT INTO DATABASECHANGELOGLOCK VALUES(3,1,'2025-01-01 10:00:00','trigger (127.0.0.1)');
              INSERT INTO knex_migrations_lock VALUES(2,1);
            END
            """],
        proceduresMariaDB: ["""
            CREATE PROCEDURE `liquibase_take_lock`(IN host varchar(255))
            BEGIN
              INSERT INTO DATABASECHANGELOGLOCK (ID, LOCKED, LOCKGRANTED, LOCKEDBY) VALUES (1, b'1', NOW(), host)
                ON DUPLICATE KEY UPDATE LOCKED = b'1';
              INSERT INTO `knex_migrations_lock` VALUES (1,1);
            END
            """])

    // MARK: wiki: knex with its migrations table named `migrations` (so `migrations_lock` has
    // knex's columns), and Liquibase in lower case with a TINYINT LOCKED.

    static let wiki = Database(
        name: "wiki",
        tables: [
            Table(
                name: "migrations",
                mariadb: """
                    CREATE TABLE `migrations` (
                      `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
                      `name` varchar(255) DEFAULT NULL,
                      `batch` int(11) DEFAULT NULL,
                      `migration_time` timestamp NULL DEFAULT NULL,
                      PRIMARY KEY (`id`)
                    )
                    """,
                sqlite: "CREATE TABLE `migrations` (`id` integer not null primary key autoincrement, `name` varchar(255), `batch` integer, `migration_time` datetime)",
                rows: [[.int(1), .text("2.0.0.js"), .int(1), .text("2025-03-01 10:00:01")],
                       [.int(2), .text("2.5.1.js"), .int(2), .text("2025-03-02 10:00:01")]]),
        ],
        locks: [
            LockTable(database: "wiki", table: Table(
                name: "migrations_lock",
                mariadb: """
                    CREATE TABLE `migrations_lock` (
                      `index` int(10) unsigned NOT NULL AUTO_INCREMENT,
                      `is_locked` int(11) DEFAULT NULL,
                      PRIMARY KEY (`index`)
                    )
                    """,
                sqlite: "CREATE TABLE `migrations_lock` (`index` integer not null primary key autoincrement, `is_locked` integer)",
                rows: [[.int(1), .int(1)]]),
                kind: .knex),
            LockTable(database: "wiki", table: Table(
                name: "databasechangeloglock",
                mariadb: """
                    CREATE TABLE `databasechangeloglock` (
                      `ID` int(11) NOT NULL,
                      `LOCKED` tinyint(1) NOT NULL,
                      `LOCKGRANTED` datetime DEFAULT NULL,
                      `LOCKEDBY` varchar(255) DEFAULT NULL,
                      PRIMARY KEY (`ID`)
                    )
                    """,
                sqlite: "CREATE TABLE databasechangeloglock (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR(255), CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))",
                rows: [[.int(1), .int(1), .text("2025-02-02 02:02:02"), .text("ci-runner-7 (172.17.0.3)")]]),
                kind: .liquibase),
        ],
        triggersMariaDB: [],
        triggersSQLite: [],
        proceduresMariaDB: [])
}
