import Testing
import UnlockDump

@Suite("Finding the flag column: INSERT column list, then CREATE TABLE per database, then defaults")
struct ColumnLayoutTests {
    @Test("a reordered --complete-insert column list decides where the flag is")
    func reorderedColumnList() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + Fixtures.ghostCreateMySQL + """
            INSERT INTO `migrations_lock` (`locked`, `lock_key`, `acquired_at`, `released_at`) VALUES (⟦1→0⟧,'km01',NULL,NULL);

            """, dialect: .mysql)
        #expect(report.heldLocks.first?.changes == [change("locked", "1", "0")])
    }

    @Test("a reordered column list works without any CREATE TABLE too")
    func reorderedColumnListDataOnly() throws {
        let report = try expectPatch("""
            INSERT INTO `migrations_lock` (`released_at`, `acquired_at`, `locked`, `lock_key`) VALUES (NULL,'2025-01-01 00:00:00',⟦1→0⟧,'km01'),
            (NULL,NULL,0,'km02');
            INSERT INTO `DATABASECHANGELOGLOCK` (`LOCKEDBY`, `LOCKGRANTED`, `LOCKED`, `ID`) VALUES (⟦'me'→NULL⟧,⟦'2025-01-01 00:00:00'→NULL⟧,⟦b'1'→b'0'⟧,1);

            """, dialect: .mysql)
        #expect(report.heldLocks.count == 2)
        #expect(report.heldLocks.first?.changes == [change("locked", "1", "0")])
        #expect(report.heldLocks.last?.changes.first == change("LOCKED", "b'1'", "b'0'"))
        #expect(Set(report.heldLocks.last?.changes.dropFirst().map(\.column) ?? []) == ["LOCKGRANTED", "LOCKEDBY"])
    }

    @Test("the column list wins over the CREATE TABLE (MySQL leaves generated columns out)")
    func columnListWinsOverCreate() throws {
        try expectPatch(Fixtures.mysqlHeader + Fixtures.ghostCreateMySQL + """
            INSERT INTO `migrations_lock` (`lock_key`, `locked`) VALUES ('km01',⟦1→0⟧),
            ('km02',0);

            """, dialect: .mysql)
    }

    @Test("an extra first column in the CREATE TABLE moves the flag", arguments: [
        "CREATE TABLE `migrations_lock` (`id` integer primary key, `lock_key` varchar(191), `locked` boolean default '0', `acquired_at` datetime, `released_at` datetime);",
        "CREATE TABLE \"migrations_lock\" (\"id\" integer primary key, \"lock_key\" varchar(191), \"locked\" boolean default '0', \"acquired_at\" datetime, \"released_at\" datetime);",
        "CREATE TABLE [migrations_lock] ([id] integer primary key, [lock_key] text, [locked] integer, [acquired_at] text, [released_at] text);",
        "CREATE TABLE IF NOT EXISTS \"migrations_lock\"(id integer primary key, lock_key text, locked integer, acquired_at text, released_at text);",
        "CREATE TABLE migrations_lock (\n  id integer primary key, -- surrogate key, added later\n  lock_key text, /* Ghost's key */\n  locked integer,\n  acquired_at text,\n  released_at text\n);",
    ])
    func extraFirstColumnSQLite(_ create: String) throws {
        let report = try expectPatch(Fixtures.sqliteHeader + create + """

            INSERT INTO migrations_lock VALUES(1,'km01',⟦1→0⟧,NULL,NULL);
            INSERT INTO migrations_lock VALUES(2,'km02',0,NULL,NULL);
            COMMIT;

            """, dialect: .sqlite)
        // The report names Ghost's key, not the surrogate column before it.
        #expect(report.heldLocks == [held("migrations_lock", key: "lock_key", "'km01'", change("locked", "1", "0"))])
        #expect(report.warnings.isEmpty, "the CREATE TABLE gave the layout: \(report.warnings)")
    }

    @Test("the same table name in two databases with different layouts, USE switching back and forth")
    func perDatabaseLayouts() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + """
            CREATE DATABASE /*!32312 IF NOT EXISTS*/ `a` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;

            USE `a`;
            CREATE TABLE `migrations_lock` (
              `id` int NOT NULL,
              `lock_key` varchar(191) NOT NULL,
              `locked` tinyint(1) DEFAULT '0',
              `acquired_at` datetime DEFAULT NULL,
              `released_at` datetime DEFAULT NULL
            ) ENGINE=InnoDB;
            INSERT INTO `migrations_lock` VALUES (7,'km01',⟦1→0⟧,NULL,NULL);

            CREATE DATABASE /*!32312 IF NOT EXISTS*/ `b` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;

            USE `b`;
            CREATE TABLE `migrations_lock` (
              `index` int(10) unsigned NOT NULL AUTO_INCREMENT,
              `is_locked` int(11) DEFAULT NULL,
              PRIMARY KEY (`index`)
            ) ENGINE=InnoDB;
            INSERT INTO `migrations_lock` VALUES (1,⟦1→0⟧);
            USE `a`;
            INSERT INTO `migrations_lock` VALUES (8,'km02',⟦2→0⟧,NULL,NULL),(9,'km03',0,NULL,NULL);
            use b ;
            INSERT INTO `migrations_lock` VALUES (2,⟦1→0⟧),(3,0);

            """, dialect: .mysql)
        #expect(report.heldLocks == [
            held("migrations_lock", db: "a", key: "lock_key", "'km01'", change("locked", "1", "0")),
            held("migrations_lock", db: "b", key: "index", "1", change("is_locked", "1", "0")),
            held("migrations_lock", db: "a", key: "lock_key", "'km02'", change("locked", "2", "0")),
            held("migrations_lock", db: "b", key: "index", "2", change("is_locked", "1", "0")),
        ])
        #expect(report.tablesWithHeldLocks == 2)
    }

    @Test("a qualified name takes the layout of that database's CREATE TABLE")
    func qualifiedNameUsesItsDatabaseLayout() throws {
        let report = try expectPatch("""
            USE `npm`;
            CREATE TABLE `migrations_lock` (`index` int NOT NULL, `is_locked` int DEFAULT NULL);
            USE `ghost`;
            INSERT INTO `npm`.`migrations_lock` VALUES (1,⟦1→0⟧);

            """, dialect: .mysql)
        #expect(report.heldLocks == [held("migrations_lock", db: "npm", key: "index", "1", change("is_locked", "1", "0"))])
    }

    static let dataOnlyRows: [(Dialect, String, String)] = [
        (.mysql, "INSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);", "locked"),
        (.mysql, "INSERT INTO `migrations_lock` VALUES (1,⟦1→0⟧);", "is_locked"),
        (.mysql, "INSERT INTO `knex_migrations_lock` VALUES (1,⟦1→0⟧);", "is_locked"),
        (.mysql, "INSERT INTO `DATABASECHANGELOGLOCK` VALUES (1,⟦_binary '\u{01}'→_binary '\\0'⟧,⟦'2025-01-01 00:00:00'→NULL⟧,⟦'host (1.2.3.4)'→NULL⟧);", "LOCKED"),
        (.sqlite, "INSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,'2019-08-30 20:05:56',NULL);", "locked"),
        (.sqlite, "INSERT INTO migrations_lock VALUES(1,⟦1→0⟧);", "is_locked"),
        (.sqlite, "INSERT INTO databasechangeloglock VALUES(1,⟦1→0⟧,⟦'2025-01-01 00:00:00'→NULL⟧,⟦'host'→NULL⟧);", "LOCKED"),
    ]

    @Test("data-only dumps use the known default layout and warn", arguments: dataOnlyRows)
    func dataOnlyDefaultLayout(_ dialect: Dialect, _ row: String, _ flagColumn: String) throws {
        let other = dialect == .mysql
            ? "INSERT INTO `posts` VALUES (1,1,NULL,NULL),(2,'km01',1,NULL);"
            : "INSERT INTO posts VALUES(1,1,NULL,NULL);"
        let report = try expectPatch(row + "\n" + other + "\n", dialect: dialect)
        #expect(report.heldLocks.first?.changes.first?.column.lowercased() == flagColumn.lowercased())
        #expect(!report.warnings.isEmpty, "an assumed layout must be reported")
    }

    @Test("with the CREATE TABLE in the dump no layout warning is given")
    func noWarningWithCreate() throws {
        let report = try expectPatch(Fixtures.ghostDump(.mysql, middle: ""), dialect: .mysql)
        #expect(report.warnings.isEmpty, "unexpected warnings: \(report.warnings)")
    }

    @Test("sqlite --preserve-rowids column list")
    func preserveRowids() throws {
        let report = try expectPatch(Fixtures.sqliteHeader + Fixtures.ghostCreateSQLite + """
            INSERT INTO "migrations_lock"(rowid,lock_key,locked,acquired_at,released_at) VALUES(1,'km01',⟦1→0⟧,NULL,NULL);
            INSERT INTO "migrations_lock"(rowid,lock_key,locked,acquired_at,released_at) VALUES(2,'km02',0,NULL,NULL);
            COMMIT;

            """, dialect: .sqlite)
        #expect(report.heldLocks.first?.changes == [change("locked", "1", "0")])
        #expect(report.lockRowsSeen == 2)
    }
}
