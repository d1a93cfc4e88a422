import Testing
import UnlockDump

/// Text that looks like a lock row but is not a data row. Each trap sits in a full dump before a
/// real held row (key 'real'): the trap must come out unchanged and the real row must still be
/// found afterwards (so the lexer came back to the right state).
struct Trap: Sendable, CustomTestStringConvertible {
    var name: String
    var dialect: Dialect
    var text: String
    var testDescription: String { "\(dialect): \(name)" }
}

@Suite("Lock-row look-alikes that must not be touched")
struct TrapTests {
    static let lockText = "INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);"

    static let mysqlTraps: [Trap] = [
        Trap(name: "inside a string of another table", dialect: .mysql,
             text: "INSERT INTO `posts` VALUES (1,'INSERT INTO migrations_lock VALUES (\\'km01\\',1,NULL,NULL);','x');\n"),
        Trap(name: "\\' and '' escaping games", dialect: .mysql,
             text: "INSERT INTO `posts` VALUES (2,'it\\'s INSERT INTO migrations_lock VALUES (''km01'',1)',NULL);\n"),
        Trap(name: "escaped backslash before the closing quote", dialect: .mysql,
             text: "INSERT INTO `posts` VALUES (3,'C:\\\\','\\\\'),(4,'x','\\\\\\';INSERT INTO migrations_lock VALUES (1);');\n"),
        Trap(name: "'C:\\' does not end the string in mysql", dialect: .mysql,
             text: "INSERT INTO `posts` VALUES (5,'C:\\'); INSERT INTO migrations_lock VALUES (\\'km01\\',1,NULL,NULL); -- ');\n"),
        Trap(name: "inside a double-quoted string", dialect: .mysql,
             text: "INSERT INTO `posts` VALUES (6,\"\(lockText)\",'x');\n"),
        Trap(name: "-- comment", dialect: .mysql, text: "-- \(lockText)\n"),
        Trap(name: "-- comment with an unbalanced quote", dialect: .mysql, text: "-- it's here: \(lockText)\n"),
        Trap(name: "--<TAB> comment", dialect: .mysql, text: "--\t\(lockText)\n"),
        Trap(name: "-- x after a statement", dialect: .mysql, text: "INSERT INTO `t` VALUES (1);-- \(lockText)\n"),
        Trap(name: "# comment", dialect: .mysql, text: "# \(lockText)\n# don't\n"),
        Trap(name: "/* */ comment", dialect: .mysql, text: "/* \(lockText) */\n"),
        Trap(name: "multi-line /* */ comment with a quote", dialect: .mysql, text: "/*\n it's\n\(lockText)\n*/\n"),
        Trap(name: "/*!40000 executable comment", dialect: .mysql,
             text: "/*!40000 INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL) */;\n"),
        Trap(name: "/*M!100100 executable comment", dialect: .mysql,
             text: "/*M!100100 INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL) */;\n"),
        Trap(name: "plain INSERT inside a DELIMITER block", dialect: .mysql,
             text: "DELIMITER ;;\nINSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);;\nDELIMITER ;\n"),
        Trap(name: "mysqldump trigger body", dialect: .mysql, text: """
            /*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
            DELIMITER ;;
            /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `relock` AFTER INSERT ON `posts` FOR EACH ROW BEGIN
              INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);
              INSERT INTO `migrations_lock` VALUES ('km02',1,NULL,NULL);
            END */;;
            DELIMITER ;
            /*!50003 SET sql_mode              = @saved_sql_mode */ ;

            """),
        Trap(name: "procedure body", dialect: .mysql, text: """
            DELIMITER ;;
            CREATE DEFINER=`root`@`localhost` PROCEDURE `relock`()
            BEGIN
              INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);
            END ;;
            DELIMITER ;

            """),
        Trap(name: "DELIMITER $$", dialect: .mysql,
             text: "DELIMITER $$\nCREATE PROCEDURE p() BEGIN \(lockText) END$$\nDELIMITER ;\n"),
        Trap(name: "rows of migrations_lock_audit", dialect: .mysql,
             text: "INSERT INTO `migrations_lock_audit` VALUES ('km01',1,NULL,NULL);\n"),
        Trap(name: "a settings table with a locked column", dialect: .mysql,
             text: "CREATE TABLE `settings` (\n  `key` varchar(50),\n  `locked` tinyint(1) DEFAULT '1'\n);\nINSERT INTO `settings` VALUES ('km01',1),('x',TRUE);\n"),
        Trap(name: "quote inside a backtick name", dialect: .mysql,
             text: "CREATE TABLE `it's` (`a` int);\nINSERT INTO `it's` VALUES (1);\n"),
        Trap(name: "view placeholder", dialect: .mysql,
             text: "/*!50001 CREATE VIEW `v` AS SELECT 1 AS `INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);` */;\n"),
    ]

    static let sqliteTraps: [Trap] = [
        Trap(name: "inside a string of another table", dialect: .sqlite,
             text: "INSERT INTO posts VALUES(1,'INSERT INTO migrations_lock VALUES(''km01'',1,NULL,NULL);','x');\n"),
        Trap(name: "'' escaping games", dialect: .sqlite,
             text: "INSERT INTO posts VALUES(2,'it''s '';INSERT INTO migrations_lock VALUES(''km01'',1,NULL,NULL);--',NULL);\n"),
        Trap(name: "raw newlines inside a string", dialect: .sqlite,
             text: "INSERT INTO posts VALUES(3,'line1\nINSERT INTO migrations_lock VALUES(''km01'',1,NULL,NULL);\n',NULL);\n"),
        Trap(name: "inside replace()", dialect: .sqlite,
             text: "INSERT INTO posts VALUES(4,replace('a\\nINSERT INTO migrations_lock VALUES(''km01'',1,NULL,NULL);\\n','\\n',char(10)),NULL);\n"),
        Trap(name: "inside unistr()", dialect: .sqlite,
             text: "INSERT INTO posts VALUES(5,unistr('a\\u000aINSERT INTO migrations_lock VALUES(''km01'',1,NULL,NULL);'),NULL);\n"),
        Trap(name: "-- comment", dialect: .sqlite, text: "-- \(lockText)\n"),
        Trap(name: "--x comment (always a comment in sqlite)", dialect: .sqlite, text: "INSERT INTO t VALUES(1);--\(lockText)\n"),
        Trap(name: "/* */ comment", dialect: .sqlite, text: "/* it's \(lockText) */\n"),
        Trap(name: "one-line trigger body", dialect: .sqlite,
             text: "CREATE TRIGGER relock AFTER INSERT ON posts BEGIN INSERT INTO migrations_lock VALUES('km01',1,NULL,NULL); END;\n"),
        Trap(name: "multi-line trigger with several statements", dialect: .sqlite, text: """
            CREATE TRIGGER "relock"
            AFTER UPDATE ON posts
            FOR EACH ROW
            BEGIN
              UPDATE migrations_lock SET locked=1;
              INSERT INTO migrations_lock VALUES('km01',1,NULL,NULL);
              INSERT OR REPLACE INTO migrations_lock VALUES('km02',1,NULL,NULL);
            END;

            """),
        Trap(name: "temp trigger", dialect: .sqlite,
             text: "CREATE TEMP TRIGGER IF NOT EXISTS r2 BEFORE DELETE ON posts BEGIN\nINSERT INTO migrations_lock VALUES('km01',1,NULL,NULL);\nEND;\n"),
        Trap(name: "rows of migrations_lock_audit", dialect: .sqlite,
             text: "INSERT INTO migrations_lock_audit VALUES('km01',1,NULL,NULL);\n"),
        Trap(name: "a settings table with a locked column", dialect: .sqlite,
             text: "CREATE TABLE settings (key text, locked integer DEFAULT 1);\nINSERT INTO settings VALUES('km01',1);\n"),
        Trap(name: "sqlite_sequence row naming the lock table", dialect: .sqlite,
             text: "DELETE FROM sqlite_sequence;\nINSERT INTO sqlite_sequence VALUES('migrations_lock',1);\n"),
        Trap(name: "quotes inside [bracket] and \"double\" names", dialect: .sqlite,
             text: "CREATE TABLE [it's] (a);\nINSERT INTO [it's] VALUES(1);\nCREATE TABLE \"it's\"\"x\" (a);\nINSERT INTO \"it's\"\"x\" VALUES(1);\n"),
    ]

    @Test("a trap is left alone and the real row after it is released", arguments: mysqlTraps + sqliteTraps)
    func trapIsUntouched(_ trap: Trap) throws {
        let report = try expectPatch(Fixtures.ghostDump(trap.dialect, middle: trap.text), dialect: trap.dialect)
        #expect(report.heldLocks.map(\.displayedKey) == ["'real'"])
        #expect(report.lockRowsSeen == 1)
    }

    @Test("a lock table's own CREATE TABLE with DEFAULT '1' is not a row", arguments: [Dialect.mysql, .sqlite])
    func createTableDefaults(_ dialect: Dialect) throws {
        let create = dialect == .mysql
            ? """
              CREATE TABLE `migrations_lock` (
                `lock_key` varchar(191) NOT NULL COMMENT 'INSERT INTO migrations_lock VALUES (''km01'',1,NULL,NULL);',
                `locked` tinyint(1) DEFAULT '1',
                `acquired_at` datetime DEFAULT NULL,
                `released_at` datetime DEFAULT NULL,
                PRIMARY KEY (`lock_key`)
              ) ENGINE=InnoDB;

              """
            : "CREATE TABLE `migrations_lock` (`lock_key` varchar(191) not null, `locked` boolean default '1', `acquired_at` datetime null default (1), `released_at` datetime null, primary key (`lock_key`));\n"
        let report = try expectPatch(
            Fixtures.header(dialect) + create + Fixtures.ghostRow(dialect, key: "real", flag: "⟦1→0⟧") + Fixtures.footer(dialect),
            dialect: dialect)
        #expect(report.heldLocks == [held("migrations_lock", key: "lock_key", "'real'", change("locked", "1", "0"))])
        #expect(report.lockRowsSeen == 1)
    }
}
