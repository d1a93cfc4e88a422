import Testing
import UnlockDump

/// MySQL's `sql_mode` as the dump sets it: NO_BACKSLASH_ESCAPES makes a backslash a plain byte,
/// ANSI_QUOTES makes `"..."` a name without escapes. The shapes are mariadb-dump 10.11's own.
@Suite("sql_mode set by the dump")
struct SqlModeTests {
    static let routineUnderNoBackslashEscapes = Fixtures.mariadbHeader + """
        /*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
        CREATE TABLE `dir\\` (
          `a` text DEFAULT NULL
        ) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;
        INSERT INTO `dir\\` VALUES
        ('it\\'s');
        /*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
        /*!50003 SET sql_mode              = 'NO_BACKSLASH_ESCAPES' */ ;
        DELIMITER ;;
        /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 trigger tr after insert on knex_migrations_lock for each row begin insert into `dir\\` values ('C:\\'); end
        */;;
        DELIMITER ;
        /*!50003 SET sql_mode              = @saved_sql_mode */ ;
        /*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
        /*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES' */ ;
        DELIMITER ;;
        CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()
        begin select 'C:\\'; insert into t11.`dir\\` values ('END; INSERT INTO migrations_lock VALUES (''km01'',1,NULL,NULL);'); end
        ;;
        DELIMITER ;
        /*!50003 SET sql_mode              = @saved_sql_mode */ ;
        INSERT INTO `posts` VALUES (1,'back to escapes: \\' is a quote');
        INSERT IGNORE INTO `knex_migrations_lock` VALUES (2,⟦2→0⟧);
        /*!40101 SET SQL_MODE=@OLD_SQL_MODE */;

        """ + Fixtures.mysqlFooter

    @Test("a routine created under NO_BACKSLASH_ESCAPES: 'C:\\' is whole, and the row far below is found")
    func noBackslashEscapesRoutine() throws {
        let report = try expectPatch(Self.routineUnderNoBackslashEscapes)
        #expect(report.heldLocks.map(\.displayedKey) == ["2"])
    }

    static let ansiDump = "/*M!999999\\- enable the sandbox mode */ \n" + """
        /*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO,ANSI' */;
        DROP TABLE IF EXISTS "stdin\\";
        CREATE TABLE "stdin\\" (
          "a" text DEFAULT NULL
        );
        INSERT INTO "stdin\\" VALUES
        ('x');
        CREATE TABLE "migrations_lock" (
          "lock_key" varchar(191) NOT NULL,
          "locked" tinyint(1) DEFAULT NULL,
          "acquired_at" datetime DEFAULT NULL,
          "released_at" datetime DEFAULT NULL,
          PRIMARY KEY ("lock_key")
        );
        INSERT INTO "migrations_lock" VALUES
        ('km01',⟦1→0⟧,NULL,NULL),
        ('km02',⟦1→0⟧,NULL,NULL);
        /*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
        /*!50003 SET sql_mode              = 'REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI' */ ;
        DELIMITER ;;
        CREATE DEFINER="root"@"localhost" PROCEDURE "p"()
        begin insert into "stdin\\" values ('END; INSERT INTO migrations_lock VALUES (''km01'',1,NULL,NULL);'); end
        ;;
        DELIMITER ;
        /*!50003 SET sql_mode              = @saved_sql_mode */ ;
        INSERT INTO "migrations_lock" VALUES ('km03',⟦1→0⟧,NULL,NULL);
        /*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
        INSERT INTO `t` VALUES ("a \\" quote in a string again");

        """

    @Test("--compatible=ansi: a name ending in a backslash, and every held row of the later table")
    func ansiQuotedNames() throws {
        let report = try expectPatch(Self.ansiDump)
        #expect(report.heldLocks.map(\.displayedKey) == ["'km01'", "'km02'", "'km03'"])
    }

    @Test("the forms producers write: double-quoted values, HeidiSQL's IFNULL, SESSION and @@session")
    func producerForms() throws {
        for set in [
            "SET SQL_MODE = \"NO_BACKSLASH_ESCAPES\";", "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES';",
            "SET @@session.sql_mode := 'NO_BACKSLASH_ESCAPES';", "SET @@SQL_MODE = 'NO_BACKSLASH_ESCAPES';",
            "SET @OLDTMP_SQL_MODE=@@SQL_MODE, SQL_MODE='STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES';",
        ] {
            try expectPatch(Fixtures.mysqlHeader + set + """

                INSERT INTO `paths` VALUES ('C:\\');
                /*!40101 SET SQL_MODE=IFNULL(@NEVER_SET, '') */;
                INSERT INTO `paths` VALUES ('it\\'s');
                INSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);

                """ + Fixtures.mysqlFooter)
        }
    }

    @Test("a GLOBAL sql_mode changes nothing for the session, and IFNULL takes the saved mode")
    func globalAndIfNull() throws {
        try expectPatch(Fixtures.mysqlHeader + """
            SET GLOBAL sql_mode = 'NO_BACKSLASH_ESCAPES';
            INSERT INTO `paths` VALUES ('it\\'s');
            SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_BACKSLASH_ESCAPES';
            INSERT INTO `paths` VALUES ('C:\\');
            SET @KEEP = @@SQL_MODE;
            SET SQL_MODE=IFNULL(@OLD_SQL_MODE, 'NO_BACKSLASH_ESCAPES');
            INSERT INTO `paths` VALUES ('it\\'s');
            SET SQL_MODE=IFNULL(@KEEP, '');
            INSERT INTO `paths` VALUES ('C:\\');
            SET SQL_MODE=DEFAULT;
            INSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);

            """ + Fixtures.mysqlFooter)
    }

    @Test("a sql_mode that is an expression is refused, not guessed")
    func expressionRefused() throws {
        let input = bytes(Fixtures.mysqlHeader + "SET sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES');\nINSERT INTO `paths` VALUES ('C:\\');\n")
        let error = try #require(expectMalformed(input, dialect: .mysql))
        #expect(error.message.hasPrefix("cannot follow the sql_mode this SET gives"), "\(error)")
        // Other variables may be expressions.
        try expectPatch(Fixtures.mysqlHeader + "SET @x = CONCAT('a', 'b'), NAMES utf8mb4;\nINSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);\n" + Fixtures.mysqlFooter)
    }
}
