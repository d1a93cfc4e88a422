import Testing
import UnlockDump

/// What GUI tools and older tool versions write that 1.0 misread: the server their header names,
/// PostgreSQL escape strings as flags, knex's one-column table, the key of a reordered row.
@Suite("Producer quirks")
struct ProducerQuirkTests {
    static let navicatPostgresHeader = """
        /*
         Navicat Premium Data Transfer

         Source Server         : local-pg
         Source Server Type    : PostgreSQL
         Source Server Version : 150004 (150004)
         Source Host           : localhost:5432
         Source Catalog        : app
         Source Schema         : public

         Target Server Type    : PostgreSQL
         Target Server Version : 150004 (150004)
         File Encoding         : 65001

         Date: 01/12/2026 09:12:44
        */


        """

    @Test("Navicat's PostgreSQL export is read as postgres: a value ending in a backslash is a whole string")
    func navicatPostgres() throws {
        let report = try expectPatch(Self.navicatPostgresHeader + """
            -- ----------------------------
            -- Table structure for exports
            -- ----------------------------
            DROP TABLE IF EXISTS "public"."exports";
            CREATE TABLE "public"."exports" (
              "id" int4 NOT NULL,
              "path" varchar(255) COLLATE "pg_catalog"."default"
            )
            ;

            -- ----------------------------
            -- Records of exports
            -- ----------------------------
            INSERT INTO "public"."exports" VALUES (1, 'C:\\exports\\');
            INSERT INTO "public"."exports" VALUES (2, 'it''s');

            -- ----------------------------
            -- Records of knex_migrations_lock
            -- ----------------------------
            INSERT INTO "public"."knex_migrations_lock" VALUES (1, ⟦1→0⟧);

            """)
        #expect(report.dialect == .postgres)
        #expect(report.heldLocks == [held("knex_migrations_lock", schema: "public", key: "index", "1", change("is_locked", "1", "0"))])
    }

    @Test("Navicat's MySQL export is read as mysql")
    func navicatMySQL() throws {
        let header = Self.navicatPostgresHeader.replacingOccurrences(of: ": PostgreSQL", with: ": MySQL")
        let report = try expectPatch(header + """
            SET NAMES utf8mb4;
            SET FOREIGN_KEY_CHECKS = 0;

            INSERT INTO `exports` VALUES (1, 'it\\'s \\\\');
            INSERT INTO `migrations_lock` VALUES ('km01', ⟦1→0⟧, '2026-11-30 10:00:00', NULL);

            SET FOREIGN_KEY_CHECKS = 1;

            """)
        #expect(report.dialect == .mysql)
    }

    static let heidiPostgresHeader = """
        -- --------------------------------------------------------
        -- Host:                         127.0.0.1
        -- Server version:               PostgreSQL 10.6, compiled by Visual C++ build 1800, 64-bit
        -- Server OS:                    
        -- HeidiSQL Version:             9.5.0.5196
        -- --------------------------------------------------------

        /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
        /*!40101 SET NAMES  */;
        /*!50503 SET NAMES utf8mb4 */;
        /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
        /*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;


        """

    @Test("HeidiSQL's PostgreSQL export: its header wins over its /*! lines, and E'' flags are read")
    func heidiPostgres() throws {
        let report = try expectPatch(Self.heidiPostgresHeader + """
            -- Dumping structure for table public.databasechangeloglock
            CREATE TABLE IF NOT EXISTS "databasechangeloglock" (
            \t"id" INTEGER NOT NULL,
            \t"locked" BOOLEAN NOT NULL,
            \t"lockgranted" TIMESTAMP NULL DEFAULT NULL,
            \t"lockedby" VARCHAR(255) NULL DEFAULT NULL,
            \tPRIMARY KEY ("id")
            );

            -- Dumping data for table public.databasechangeloglock: 2 rows
            /*!40000 ALTER TABLE "databasechangeloglock" DISABLE KEYS */;
            INSERT INTO "databasechangeloglock" ("id", "locked", "lockgranted", "lockedby") VALUES
            \t(1, ⟦E'true'→E'false'⟧, ⟦E'2026-11-30 10:00:00'→NULL⟧, ⟦E'C:\\\\build\\\\agent (10.0.0.7)'→NULL⟧),
            \t(2, E'false', NULL, NULL);
            /*!40000 ALTER TABLE "databasechangeloglock" ENABLE KEYS */;

            -- Dumping structure for function public.touch
            DELIMITER //
            CREATE FUNCTION "touch"() RETURNS TRIGGER AS $$ BEGIN INSERT INTO databasechangeloglock VALUES (9, true, NULL, NULL); RETURN NEW; END; $$//
            DELIMITER ;

            INSERT INTO "paths" ("p") VALUES ('C:\\exports\\');

            """)
        #expect(report.dialect == .postgres)
        #expect(report.heldLocks.map(\.displayedKey) == ["1"])
    }

    @Test("E'...' flags in any case are read, and released in their own style", arguments: [
        ("E'true'", "E'false'"), ("E't'", "E'f'"), ("E'1'", "E'0'"), ("e'TRUE'", "e'FALSE'"), ("E'T'", "E'F'"),
    ])
    func escapeStringFlags(_ held: String, _ released: String) throws {
        try expectPatch(PostgresTests.header + """
            INSERT INTO public.databasechangeloglock VALUES (1, ⟦\(held)→\(released)⟧, NULL, NULL);
            INSERT INTO public.databasechangeloglock VALUES (2, E'false', NULL, NULL);
            INSERT INTO public.databasechangeloglock VALUES (3, e'0', NULL, NULL);
            INSERT INTO public.databasechangeloglock VALUES (4, E'f', NULL, NULL);

            """ + PostgresTests.footer)
    }

    @Test("an E'' flag that is no boolean is still refused")
    func escapeStringThatIsNoFlag() throws {
        let input = bytes(PostgresTests.header + "INSERT INTO public.databasechangeloglock VALUES (1, E'maybe', NULL, NULL);\n")
        let error = try #require(expectMalformed(input))
        #expect(error.message.contains("cannot tell whether the lock value E'maybe'"), "\(error)")
    }

    @Test("a guessed dialect that fails says how it was read and suggests --dialect")
    func guessedDialectInError() throws {
        // A postgres INSERT without the server line: `VALUES (` reads as mysqldump's, so the
        // backslash escapes the quote.
        let input = bytes("INSERT INTO \"public\".\"exports\" VALUES (1, 'C:\\exports\\');\n")
        let error = try #require(expectMalformed(input))
        #expect(error.message.contains("[read as mysql because of line 1 (INSERT INTO \"public\".\"exports\" VALUES"), "\(error)")
        #expect(error.message.hasSuffix("; if that is wrong, choose with --dialect]"), "\(error)")
        let unmarked = try #require(expectMalformed(bytes("CREATE TABLE paths (p text DEFAULT 'C:\\');\n")))
        #expect(unmarked.message.contains("[read as mysql, for want of any dialect marker; if that is wrong, choose with --dialect]"), "\(unmarked)")
        let decided = try #require(expectMalformed(bytes(Fixtures.mysqlHeader + "INSERT INTO t VALUES ('C:\\');\n")))
        #expect(decided.message.contains("read as mysql because of line 1 (-- MySQL dump 10.13"), "\(decided)")
        // A dialect the user gave is not second-guessed.
        let given = try #require(expectMalformed(input, dialect: .mysql))
        #expect(!given.message.contains("--dialect"), "\(given)")
        try expectPatch(Template("INSERT INTO \"public\".\"exports\" VALUES (1, 'C:\\exports\\');\n"), dialect: .postgres)
    }

    @Test("Adminer's BIT values, CONV('1', 2, 10) + 0, are read in exactly that spelling")
    func adminerBit() throws {
        try expectPatch("-- Adminer 4.8.1 MySQL 8.0.35 dump\n\n" + """
            CREATE TABLE `DATABASECHANGELOGLOCK` (
              `ID` int NOT NULL,
              `LOCKED` bit(1) NOT NULL,
              `LOCKGRANTED` datetime DEFAULT NULL,
              `LOCKEDBY` varchar(255) DEFAULT NULL,
              PRIMARY KEY (`ID`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

            INSERT INTO `DATABASECHANGELOGLOCK` (`ID`, `LOCKED`, `LOCKGRANTED`, `LOCKEDBY`) VALUES
            (1,	CONV(⟦'1'→'0'⟧, 2, 10) + 0,	⟦'2026-11-30 10:00:00'→NULL⟧,	⟦'ci-3 (10.0.0.3)'→NULL⟧),
            (2,	CONV('0', 2, 10) + 0,	NULL,	NULL);

            """)
        let other = bytes("INSERT INTO `DATABASECHANGELOGLOCK` VALUES (1, CONV('1', 2, 10) + 1, NULL, NULL);\n")
        let error = try #require(expectMalformed(other, dialect: .mysql))
        #expect(error.message.contains("cannot tell whether the lock value CONV('1', 2, 10) + 1"), "\(error)")
    }

    @Test("knex's old one-column lock table, with no CREATE TABLE in the dump")
    func oneColumnKnex() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + "INSERT INTO `knex_migrations_lock` VALUES (⟦1→0⟧);\n" + Fixtures.mysqlFooter)
        #expect(report.heldLocks == [held("knex_migrations_lock", key: "is_locked", "1", change("is_locked", "1", "0"))])
        #expect(report.warnings.count == 1 && report.warnings[0].contains("assumed the layout (is_locked)"), "\(report.warnings)")
        try expectPatch(Fixtures.sqliteHeader + "INSERT INTO knex_migrations_lock VALUES(⟦1→0⟧);\n" + Fixtures.sqliteFooter)
    }

    @Test("the report names the table's key column wherever the column list puts it")
    func keyColumnByName() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + """
            INSERT INTO `migrations_lock` (`acquired_at`, `released_at`, `locked`, `lock_key`) VALUES ('2018-01-01 00:00:00',NULL,⟦1→0⟧,'km01');
            INSERT INTO `knex_migrations_lock` (`is_locked`, `index`) VALUES (⟦1→0⟧,1);
            INSERT INTO `DATABASECHANGELOGLOCK` (`LOCKGRANTED`, `LOCKED`, `LOCKEDBY`, `ID`) VALUES (⟦'2025-01-01'→NULL⟧,⟦1→0⟧,⟦'h'→NULL⟧,1);

            """ + Fixtures.mysqlFooter)
        #expect(report.heldLocks.map(\.keyColumn) == ["lock_key", "index", "ID"])
        #expect(report.heldLocks.map(\.displayedKey) == ["'km01'", "1", "1"])
    }

    @Test("an INVISIBLE column first does not become the key")
    func invisibleFirstColumn() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + """
            CREATE TABLE `migrations_lock` (
              `row_id` bigint NOT NULL AUTO_INCREMENT /*!80023 INVISIBLE */,
              `lock_key` varchar(191) NOT NULL,
              `locked` tinyint(1) DEFAULT '0',
              `acquired_at` datetime DEFAULT NULL,
              `released_at` datetime DEFAULT NULL,
              PRIMARY KEY (`row_id`)
            ) ENGINE=InnoDB;
            INSERT INTO `migrations_lock` (`row_id`, `lock_key`, `locked`, `acquired_at`, `released_at`) VALUES (1,'km01',⟦1→0⟧,NULL,NULL);

            """ + Fixtures.mysqlFooter)
        #expect(report.heldLocks.map(\.keyColumn) == ["lock_key"])
    }
}
