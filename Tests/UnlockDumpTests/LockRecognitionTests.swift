import Testing
import UnlockDump

/// Lock tables beyond the three 1.0 knew by name: Kysely's, and knex or Liquibase tables under
/// another name, known by having exactly their tool's columns.
@Suite("Lock tables known by name or by their columns")
struct LockRecognitionTests {
    @Test("Kysely's kysely_migration_lock releases is_locked, in every dialect", arguments: Dialect.allCases)
    func kysely(_ dialect: Dialect) throws {
        let dump: String
        switch dialect {
        case .mysql:
            dump = Fixtures.mysqlHeader
                + "CREATE TABLE `kysely_migration_lock` (\n  `id` varchar(255) NOT NULL,\n  `is_locked` int NOT NULL DEFAULT '0',\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
                + "INSERT INTO `kysely_migration_lock` VALUES ('migration_lock',⟦1→0⟧);\n" + Fixtures.mysqlFooter
        case .sqlite:
            dump = Fixtures.sqliteHeader
                + "CREATE TABLE \"kysely_migration_lock\" (\"id\" varchar(255) primary key, \"is_locked\" integer default 0 not null);\n"
                + "INSERT INTO kysely_migration_lock VALUES('migration_lock',⟦1→0⟧);\n" + Fixtures.sqliteFooter
        case .postgres:
            dump = PostgresTests.header
                + "CREATE TABLE public.kysely_migration_lock (\n    id character varying(255) NOT NULL,\n    is_locked integer DEFAULT 0 NOT NULL\n);\n\n"
                + "COPY public.kysely_migration_lock (id, is_locked) FROM stdin;\nmigration_lock\t⟦1→0⟧\n\\.\n" + PostgresTests.footer
        }
        let report = try expectPatch(dump, dialect: dialect)
        #expect(report.heldLocks.count == 1)
        #expect(report.heldLocks.first?.family == .kysely)
        #expect(report.heldLocks.first?.keyColumn == "id")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        // Data-only: the known layout.
        let dataOnly = try expectPatch("INSERT INTO `kysely_migration_lock` VALUES ('migration_lock',⟦1→0⟧);\n", dialect: .mysql)
        #expect(dataOnly.heldLocks.first?.family == .kysely)
    }

    @Test("a renamed knex lock table with exactly knex's columns is released, and the report says how it was known")
    func renamedKnex() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + """
            CREATE TABLE `my_migrations_lock` (
              `index` int(10) unsigned NOT NULL AUTO_INCREMENT,
              `is_locked` int(11) DEFAULT NULL,
              PRIMARY KEY (`index`)
            ) ENGINE=InnoDB;
            INSERT INTO `my_migrations_lock` VALUES (1,⟦1→0⟧);
            CREATE TABLE `counters` (`index` int, `is_locked` int, `note` text);
            INSERT INTO `counters` VALUES (1,1,'three columns: not knex');

            """ + Fixtures.mysqlFooter)
        #expect(report.heldLocks == [
            held("my_migrations_lock", family: .knex, byColumns: true, key: "index", "1", change("is_locked", "1", "0")),
        ])
        #expect(report.warnings == ["my_migrations_lock is read as knex's lock table: not its usual name, but exactly its columns (index, is_locked)"])
    }

    @Test("a renamed Liquibase lock table, in postgres COPY and in sqlite")
    func renamedLiquibase() throws {
        let pg = try expectPatch(PostgresTests.header + """
            CREATE TABLE public.app_changelog_lock (
                id integer NOT NULL,
                locked boolean NOT NULL,
                lockgranted timestamp without time zone,
                lockedby character varying(255)
            );

            COPY public.app_changelog_lock (id, locked, lockgranted, lockedby) FROM stdin;
            1\t⟦t→f⟧\t⟦2026-11-30 10:00:00→\\N⟧\t⟦ci-7 (10.0.0.9)→\\N⟧
            \\.

            """ + PostgresTests.footer)
        #expect(pg.heldLocks.first?.family == .liquibase)
        #expect(pg.heldLocks.first?.recognizedByColumns == true)
        try expectPatch(Fixtures.sqliteHeader + """
            CREATE TABLE APP_CHANGELOG_LOCK (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TEXT, LOCKEDBY VARCHAR(255), CONSTRAINT PK_APP PRIMARY KEY (ID));
            INSERT INTO APP_CHANGELOG_LOCK VALUES(1,⟦1→0⟧,⟦'2026-11-30'→NULL⟧,⟦'host'→NULL⟧);

            """ + Fixtures.sqliteFooter)
    }

    @Test("a table recognised by its columns in one database is not a lock table in another")
    func recognitionIsPerDatabase() throws {
        try expectPatch(Fixtures.mysqlHeader + """
            USE `a`;
            CREATE TABLE `wiki_lock` (`index` int, `is_locked` int);
            INSERT INTO `wiki_lock` VALUES (1,⟦1→0⟧);
            USE `b`;
            CREATE TABLE `wiki_lock` (`id` int, `is_locked` int, `owner` text);
            INSERT INTO `wiki_lock` VALUES (1,1,'not a lock table');

            """ + Fixtures.mysqlFooter)
    }

    @Test("a copy of a lock table under a name that does not end in lock is left alone")
    func auditCopiesAreNotLocks() throws {
        try expectPatch(Fixtures.mysqlHeader + """
            CREATE TABLE `knex_migrations_lock_audit` (`index` int, `is_locked` int);
            INSERT INTO `knex_migrations_lock_audit` VALUES (1,1);
            CREATE TABLE `DATABASECHANGELOGLOCK_HISTORY` (`ID` int, `LOCKED` bit(1), `LOCKGRANTED` datetime, `LOCKEDBY` varchar(255));
            INSERT INTO `DATABASECHANGELOGLOCK_HISTORY` VALUES (1,b'1','2026-01-01 00:00:00','ci');
            CREATE TABLE `APP_CHANGELOG_LOCK` (`ID` int, `LOCKED` bit(1), `LOCKGRANTED` datetime, `LOCKEDBY` varchar(255));
            INSERT INTO `APP_CHANGELOG_LOCK` VALUES (1,⟦b'1'→b'0'⟧,⟦'2026-01-01 00:00:00'→NULL⟧,⟦'ci'→NULL⟧);

            """ + Fixtures.mysqlFooter)
    }

    @Test("--only leaves out a family recognised by columns too")
    func onlyExcludesRecognition() throws {
        let dump = Fixtures.mysqlHeader + "CREATE TABLE `my_lock` (`index` int, `is_locked` int);\nINSERT INTO `my_lock` VALUES (1,1);\n"
        let result = try patch(bytes(dump), dialect: nil, families: [.ghost])
        #expect(result.report.heldLocks.isEmpty)
        #expect(result.output == bytes(dump))
    }

    @Test("Keycloak's extra Liquibase rows (1000, 1001, 1002) are released like row 1")
    func keycloakRows() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + """
            CREATE TABLE `DATABASECHANGELOGLOCK` (
              `ID` int NOT NULL,
              `LOCKED` bit(1) NOT NULL,
              `LOCKGRANTED` datetime DEFAULT NULL,
              `LOCKEDBY` varchar(255) DEFAULT NULL,
              PRIMARY KEY (`ID`)
            ) ENGINE=InnoDB;
            INSERT INTO `DATABASECHANGELOGLOCK` VALUES (1,_binary '\\0',NULL,NULL),(1000,⟦_binary '\u{01}'→_binary '\\0'⟧,⟦'2026-11-30 10:00:00'→NULL⟧,⟦'keycloak-0 (10.1.0.4)'→NULL⟧),(1001,_binary '\\0',NULL,NULL),(1002,⟦_binary '\u{01}'→_binary '\\0'⟧,⟦'2026-11-30 10:00:01'→NULL⟧,⟦'keycloak-1 (10.1.0.5)'→NULL⟧);

            """ + Fixtures.mysqlFooter)
        #expect(report.heldLocks.map(\.displayedKey) == ["1000", "1002"])
    }
}
