import UnlockDump

// Dump fragments as the real tools write them, shared by the test files.
enum Fixtures {
    // MARK: mysqldump / mariadb-dump

    static let mysqlHeader = """
    -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
    --
    -- Host: localhost    Database: ghost
    -- ------------------------------------------------------
    -- Server version\t8.0.36

    /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
    /*!50503 SET NAMES utf8mb4 */;
    /*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

    """

    static let mariadbHeader = "/*M!999999\\- enable the sandbox mode */ \n" + """
    -- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
    --
    -- Host: localhost    Database: ghost
    -- ------------------------------------------------------
    -- Server version\t10.11.19-MariaDB-0+deb12u1

    /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
    /*!40101 SET NAMES utf8mb4 */;

    """

    /// Ghost's table as MySQL 8 dumps it.
    static let ghostCreateMySQL = """
    DROP TABLE IF EXISTS `migrations_lock`;
    /*!40101 SET @saved_cs_client     = @@character_set_client */;
    /*!50503 SET character_set_client = utf8mb4 */;
    CREATE TABLE `migrations_lock` (
      `lock_key` varchar(191) NOT NULL,
      `locked` tinyint(1) DEFAULT '0',
      `acquired_at` datetime DEFAULT NULL,
      `released_at` datetime DEFAULT NULL,
      PRIMARY KEY (`lock_key`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
    /*!40101 SET character_set_client = @saved_cs_client */;

    """

    /// A knex app (Nginx Proxy Manager, Wiki.js) whose lock table is also called `migrations_lock`.
    static let knexNamedMigrationsLockCreateMySQL = """
    DROP TABLE IF EXISTS `migrations_lock`;
    CREATE TABLE `migrations_lock` (
      `index` int(10) unsigned NOT NULL AUTO_INCREMENT,
      `is_locked` int(11) DEFAULT NULL,
      PRIMARY KEY (`index`)
    ) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4;

    """

    static let knexCreateMySQL = """
    CREATE TABLE `knex_migrations_lock` (
      `index` int(10) unsigned NOT NULL AUTO_INCREMENT,
      `is_locked` int(11) DEFAULT NULL,
      PRIMARY KEY (`index`)
    ) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4;

    """

    static let liquibaseCreateMySQL = """
    CREATE TABLE `DATABASECHANGELOGLOCK` (
      `ID` int NOT NULL,
      `LOCKED` bit(1) NOT NULL,
      `LOCKGRANTED` datetime DEFAULT NULL,
      `LOCKEDBY` varchar(255) DEFAULT NULL,
      PRIMARY KEY (`ID`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;

    """

    static let postsCreateMySQL = """
    CREATE TABLE `posts` (
      `id` int NOT NULL,
      `title` varchar(191) NOT NULL,
      `html` longtext,
      PRIMARY KEY (`id`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

    """

    static let mysqlFooter = """
    /*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;

    -- Dump completed on 2025-08-26 22:50:01

    """

    // MARK: sqlite3 .dump

    static let sqliteHeader = "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n"

    static let ghostCreateSQLite =
        "CREATE TABLE `migrations_lock` (`lock_key` varchar(191) not null, `locked` boolean default '0', `acquired_at` datetime null, `released_at` datetime null, primary key (`lock_key`));\n"

    static let knexCreateSQLite =
        "CREATE TABLE `knex_migrations_lock` (`index` integer not null primary key autoincrement, `is_locked` integer);\n"

    static let liquibaseCreateSQLite =
        "CREATE TABLE DATABASECHANGELOGLOCK (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TEXT, LOCKEDBY VARCHAR(255), CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID));\n"

    static let postsCreateSQLite = "CREATE TABLE posts (id integer primary key, title text, html text);\n"

    static let sqliteFooter = "COMMIT;\n"

    // MARK: per dialect

    static func header(_ dialect: Dialect) -> String {
        dialect == .mysql ? mysqlHeader : sqliteHeader
    }

    static func ghostCreate(_ dialect: Dialect) -> String {
        dialect == .mysql ? ghostCreateMySQL : ghostCreateSQLite
    }

    static func footer(_ dialect: Dialect) -> String {
        dialect == .mysql ? mysqlFooter : sqliteFooter
    }

    /// `INSERT INTO <ghost lock table> VALUES ('<key>',<flag>,NULL,NULL);` in the dialect's style;
    /// `flag` may be a template marker.
    static func ghostRow(_ dialect: Dialect, key: String = "km01", flag: String) -> String {
        dialect == .mysql
            ? "INSERT INTO `migrations_lock` VALUES ('\(key)',\(flag),NULL,NULL);\n"
            : "INSERT INTO migrations_lock VALUES('\(key)',\(flag),'2019-08-30 20:05:56',NULL);\n"
    }

    /// A complete dump with Ghost's table and one held row (key 'real') that must be released,
    /// around `middle`.
    static func ghostDump(_ dialect: Dialect, middle: String) -> String {
        header(dialect) + ghostCreate(dialect) + middle + ghostRow(dialect, key: "real", flag: "⟦1→0⟧") + footer(dialect)
    }
}
