import Testing
import UnlockDump

@Suite("Which tables are lock tables, and which columns they release")
struct LockTableTests {
    static let matchingNames: [(Dialect, String, String?)] = [
        (.mysql, "`migrations_lock`", nil),
        (.mysql, "migrations_lock", nil),
        (.mysql, "\"migrations_lock\"", nil),
        (.mysql, "`ghost`.`migrations_lock`", "ghost"),
        (.mysql, "ghost.migrations_lock", "ghost"),
        (.sqlite, "migrations_lock", nil),
        (.sqlite, "\"migrations_lock\"", nil),
        (.sqlite, "[migrations_lock]", nil),
        (.sqlite, "`migrations_lock`", nil),
    ]

    @Test("the lock table is found however its name is quoted or qualified", arguments: matchingNames)
    func quotedAndQualifiedNames(_ dialect: Dialect, _ name: String, _ database: String?) throws {
        let report = try expectPatch("""
            INSERT INTO \(name) VALUES ('km01',⟦1→0⟧,NULL,NULL);
            INSERT INTO posts VALUES (1,1,'locked');

            """, dialect: dialect)
        #expect(report.heldLocks == [
            held("migrations_lock", db: database, key: "lock_key", "'km01'", change("locked", "1", "0")),
        ])
    }

    static let otherNames: [(Dialect, String)] = [
        (.mysql, "`migrations_lock_audit`"), (.mysql, "old_migrations_lock"), (.mysql, "`old_migrations_lock`"),
        (.mysql, "migrations_locks"), (.mysql, "`knex_migrations_lock_backup`"), (.mysql, "`x_knex_migrations_lock`"),
        (.mysql, "`databasechangeloglock_old`"), (.mysql, "`migrations_lock`.`t`"),
        (.sqlite, "migrations_lock_audit"), (.sqlite, "\"old_migrations_lock\""), (.sqlite, "[migrations_lock2]"),
        (.sqlite, "DATABASECHANGELOGLOCK_BAK"),
    ]

    @Test("names that only contain a lock table's name are other tables", arguments: otherNames)
    func prefixAndSuffixNamesAreNotLockTables(_ dialect: Dialect, _ name: String) throws {
        let report = try expectPatch("""
            INSERT INTO \(name) VALUES ('km01',1,NULL,NULL);
            INSERT INTO \(name) VALUES (1,1);

            """, dialect: dialect)
        #expect(report.lockRowsSeen == 0)
    }

    @Test("knex_migrations_lock releases is_locked", arguments: [Dialect.mysql, .sqlite])
    func knexLockTable(_ dialect: Dialect) throws {
        let create = dialect == .mysql ? Fixtures.knexCreateMySQL : Fixtures.knexCreateSQLite
        let row = dialect == .mysql
            ? "INSERT INTO `knex_migrations_lock` VALUES (1,⟦1→0⟧);\n"
            : "INSERT INTO knex_migrations_lock VALUES(1,⟦1→0⟧);\n"
        let report = try expectPatch(Fixtures.header(dialect) + create + row + Fixtures.footer(dialect), dialect: dialect)
        #expect(report.heldLocks == [
            held("knex_migrations_lock", key: "index", "1", change("is_locked", "1", "0")),
        ])
    }

    @Test("a migrations_lock created with knex's columns releases is_locked")
    func knexColumnsUnderGhostName() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + Fixtures.knexNamedMigrationsLockCreateMySQL + """
            LOCK TABLES `migrations_lock` WRITE;
            INSERT INTO `migrations_lock` VALUES (1,⟦1→0⟧);
            UNLOCK TABLES;

            """ + Fixtures.mysqlFooter, dialect: .mysql)
        #expect(report.heldLocks == [held("migrations_lock", key: "index", "1", change("is_locked", "1", "0"))])
    }

    @Test("a sqlite migrations_lock created with knex's columns releases is_locked")
    func knexColumnsUnderGhostNameSQLite() throws {
        let report = try expectPatch(Fixtures.sqliteHeader + """
            CREATE TABLE IF NOT EXISTS "migrations_lock" ("index" integer not null primary key autoincrement, "is_locked" integer);
            INSERT INTO migrations_lock VALUES(1,⟦1→0⟧);
            COMMIT;

            """, dialect: .sqlite)
        #expect(report.heldLocks == [held("migrations_lock", key: "index", "1", change("is_locked", "1", "0"))])
    }

    static let liquibaseHeldFlags: [FlagLiteral] = [
        FlagLiteral(.mysql, "1", "0"),
        FlagLiteral(.mysql, "TRUE", "FALSE"),
        FlagLiteral(.mysql, "b'1'", "b'0'"),
        FlagLiteral(.mysql, "0x01", "0x00"),
        FlagLiteral(.mysql, "'\u{01}'", "'\\0'", reported: ("'\\x01'", "'\\0'")),
        FlagLiteral(.mysql, "_binary '\u{01}'", "_binary '\\0'", reported: ("_binary '\\x01'", "_binary '\\0'")),
        FlagLiteral(.sqlite, "1", "0"),
    ]

    @Test("a held Liquibase lock releases LOCKED and clears LOCKGRANTED and LOCKEDBY", arguments: liquibaseHeldFlags)
    func liquibaseRelease(_ flag: FlagLiteral) throws {
        let dialect = flag.dialect
        let create = dialect == .mysql ? Fixtures.liquibaseCreateMySQL : Fixtures.liquibaseCreateSQLite
        let table = dialect == .mysql ? "`DATABASECHANGELOGLOCK`" : "DATABASECHANGELOGLOCK"
        let space = dialect == .mysql ? " " : ""
        let row = "INSERT INTO \(table) VALUES\(space)(1,⟦\(flag.held)→\(flag.released)⟧,⟦'2025-01-02 03:04:05'→NULL⟧,⟦'web-1 (10.0.0.5)'→NULL⟧);\n"
        let report = try expectPatch(Fixtures.header(dialect) + create + row + Fixtures.footer(dialect), dialect: dialect)
        #expect(report.heldLocks == [
            held("DATABASECHANGELOGLOCK", key: "ID", "1",
                 change("LOCKED", flag.reportedOld, flag.reportedNew),
                 change("LOCKGRANTED", "'2025-01-02 03:04:05'", "NULL"),
                 change("LOCKEDBY", "'web-1 (10.0.0.5)'", "NULL")),
        ])
    }

    @Test("Liquibase's table is found in any letter case, with or without its CREATE TABLE")
    func liquibaseLetterCase() throws {
        let report = try expectPatch("""
            CREATE TABLE `databasechangeloglock` (
              `id` int NOT NULL,
              `locked` tinyint(1) NOT NULL,
              `lockgranted` datetime DEFAULT NULL,
              `lockedby` varchar(255) DEFAULT NULL,
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB;
            INSERT INTO `databasechangeloglock` VALUES (1,⟦1→0⟧,⟦'2025-01-02 03:04:05'→NULL⟧,⟦'ci-runner'→NULL⟧);
            INSERT INTO `DatabaseChangeLogLock` VALUES (1,⟦1→0⟧,⟦'2025-01-02 03:04:05'→NULL⟧,⟦'ci-runner'→NULL⟧);

            """, dialect: .mysql)
        #expect(report.heldLocks.map(\.table) == ["databasechangeloglock", "DatabaseChangeLogLock"])
        #expect(report.heldLocks.first?.changes.first?.column == "locked")
        #expect(report.heldLocks.last?.changes.first?.column.uppercased() == "LOCKED")
    }

    @Test("only held Liquibase rows change; a released row keeps its LOCKEDBY", arguments: [Dialect.mysql, .sqlite])
    func liquibaseOnlyHeldRowsChange(_ dialect: Dialect) throws {
        let create = dialect == .mysql ? Fixtures.liquibaseCreateMySQL : Fixtures.liquibaseCreateSQLite
        let rows = dialect == .mysql
            ? "INSERT INTO `DATABASECHANGELOGLOCK` VALUES (1,b'0','2025-01-02 03:04:05','old-host'),(2,⟦b'1'→b'0'⟧,⟦'2025-01-02 03:04:05'→NULL⟧,⟦'new-host'→NULL⟧),(3,0,NULL,'x');\n"
            : "INSERT INTO DATABASECHANGELOGLOCK VALUES(1,0,'2025-01-02 03:04:05','old-host');\nINSERT INTO DATABASECHANGELOGLOCK VALUES(2,⟦1→0⟧,⟦'2025-01-02 03:04:05'→NULL⟧,⟦'new-host'→NULL⟧);\n"
        let report = try expectPatch(Fixtures.header(dialect) + create + rows + Fixtures.footer(dialect), dialect: dialect)
        #expect(report.heldLocks.map(\.displayedKey) == ["2"])
        #expect(report.lockRowsSeen == (dialect == .mysql ? 3 : 2))
    }

    @Test("Ghost's release changes only the flag, not acquired_at or released_at")
    func ghostReleasesOnlyTheFlag() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + Fixtures.ghostCreateMySQL + """
            INSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,'2025-08-26 22:44:15','2025-08-20 10:00:00');

            """, dialect: .mysql)
        #expect(report.heldLocks.first?.changes == [change("locked", "1", "0")])
    }
}
