-- --------------------------------------------------------
-- Host:                         127.0.0.1
-- Server version:               8.0.36 - MySQL Community Server - GPL
-- Server OS:                    Win64
-- HeidiSQL Version:             12.6.0.6765
-- --------------------------------------------------------

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8 */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;


-- Dumping database structure for ledger
CREATE DATABASE IF NOT EXISTS `ledger` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */;
USE `ledger`;

-- Dumping structure for table ledger.databasechangelog
CREATE TABLE IF NOT EXISTS `databasechangelog` (
  `ID` varchar(255) NOT NULL,
  `AUTHOR` varchar(255) NOT NULL,
  `FILENAME` varchar(255) NOT NULL,
  `DATEEXECUTED` datetime NOT NULL,
  `ORDEREXECUTED` int NOT NULL,
  `EXECTYPE` varchar(10) NOT NULL,
  `MD5SUM` varchar(35) DEFAULT NULL,
  `DESCRIPTION` varchar(255) DEFAULT NULL,
  `COMMENTS` varchar(255) DEFAULT NULL,
  `TAG` varchar(255) DEFAULT NULL,
  `LIQUIBASE` varchar(20) DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

-- Dumping data for table ledger.databasechangelog: ~2 rows (approximately)
DELETE FROM `databasechangelog`;
/*!40000 ALTER TABLE `databasechangelog` DISABLE KEYS */;
INSERT INTO `databasechangelog` (`ID`, `AUTHOR`, `FILENAME`, `DATEEXECUTED`, `ORDEREXECUTED`, `EXECTYPE`, `MD5SUM`, `DESCRIPTION`, `COMMENTS`, `TAG`, `LIQUIBASE`) VALUES
	('1', 'kees', 'db/changelog-master.yaml', '2024-02-19 08:01:55', 1, 'EXECUTED', '9:5b2f0c4e1d3a79867f5e4d3c2b1a0f9e', 'createTable tableName=entries', '', NULL, '4.26.0'),
	('2', 'kees', 'db/changelog-master.yaml', '2024-02-19 08:01:56', 2, 'EXECUTED', '9:a1b2c3d4e5f60718293a4b5c6d7e8f90', 'sql', 'locks: LOCKED=b\'1\' is held; LOCKED=b\'0\' is free', NULL, '4.26.0');
/*!40000 ALTER TABLE `databasechangelog` ENABLE KEYS */;

-- Dumping structure for table ledger.databasechangeloglock
CREATE TABLE IF NOT EXISTS `databasechangeloglock` (
  `ID` int NOT NULL,
  `LOCKED` bit(1) NOT NULL,
  `LOCKGRANTED` datetime DEFAULT NULL,
  `LOCKEDBY` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

-- Dumping data for table ledger.databasechangeloglock: ~1 rows (approximately)
DELETE FROM `databasechangeloglock`;
/*!40000 ALTER TABLE `databasechangeloglock` DISABLE KEYS */;
INSERT INTO `databasechangeloglock` (`ID`, `LOCKED`, `LOCKGRANTED`, `LOCKEDBY`) VALUES
	(1, b'1', '2024-02-19 08:02:13', 'DESKTOP-K4Q2J1M (192.168.56.1)');
/*!40000 ALTER TABLE `databasechangeloglock` ENABLE KEYS */;

-- Dumping structure for table ledger.entries
CREATE TABLE IF NOT EXISTS `entries` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `account` varchar(64) NOT NULL,
  `memo` text,
  `cleared` bit(1) NOT NULL DEFAULT b'0',
  `amount` decimal(12,2) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

-- Dumping data for table ledger.entries: ~4 rows (approximately)
DELETE FROM `entries`;
/*!40000 ALTER TABLE `entries` DISABLE KEYS */;
INSERT INTO `entries` (`id`, `account`, `memo`, `cleared`, `amount`) VALUES
	(1, 'Kasse', 'Übertrag "Januar"; Beleg C:\\Belege\\2024\\', b'1', 1250.00),
	(2, 'Bank', 'INSERT INTO `databasechangeloglock` (`ID`, `LOCKED`, `LOCKGRANTED`, `LOCKEDBY`) VALUES\r\n	(1, b\'1\', NULL, NULL);', b'1', -80.50),
	(3, 'Büro', 'tab	inside, quote \' and a NUL \0 too', b'0', 19.99),
	(4, 'Reise', '出張 ✈️ -- /* not a comment */ # nor this', b'1', 342.10);
/*!40000 ALTER TABLE `entries` ENABLE KEYS */;

-- Dumping structure for table ledger.migrations_lock
CREATE TABLE IF NOT EXISTS `migrations_lock` (
  `lock_key` varchar(191) NOT NULL,
  `locked` tinyint(1) DEFAULT '0',
  `acquired_at` datetime DEFAULT NULL,
  `released_at` datetime DEFAULT NULL,
  PRIMARY KEY (`lock_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

-- Dumping data for table ledger.migrations_lock: ~1 rows (approximately)
DELETE FROM `migrations_lock`;
/*!40000 ALTER TABLE `migrations_lock` DISABLE KEYS */;
INSERT INTO `migrations_lock` (`lock_key`, `locked`, `acquired_at`, `released_at`) VALUES
	('km01', 1, '2024-02-19 08:05:40', NULL);
/*!40000 ALTER TABLE `migrations_lock` ENABLE KEYS */;

-- Dumping structure for table ledger.migrations_lock_audit
CREATE TABLE IF NOT EXISTS `migrations_lock_audit` (
  `lock_key` varchar(191) NOT NULL,
  `locked` tinyint(1) DEFAULT '0',
  `acquired_at` datetime DEFAULT NULL,
  `released_at` datetime DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

-- Dumping data for table ledger.migrations_lock_audit: ~1 rows (approximately)
DELETE FROM `migrations_lock_audit`;
/*!40000 ALTER TABLE `migrations_lock_audit` DISABLE KEYS */;
INSERT INTO `migrations_lock_audit` (`lock_key`, `locked`, `acquired_at`, `released_at`) VALUES
	('km01', 1, '2024-02-19 08:05:40', NULL);
/*!40000 ALTER TABLE `migrations_lock_audit` ENABLE KEYS */;

-- Dumping structure for trigger ledger.entries_relock
SET @OLDTMP_SQL_MODE=@@SQL_MODE, SQL_MODE='ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
DELIMITER //
CREATE TRIGGER `entries_relock` AFTER INSERT ON `entries` FOR EACH ROW BEGIN
	-- a trap: statements that look like lock rows inside a trigger body
	UPDATE databasechangeloglock SET LOCKED = b'1', LOCKEDBY = 'trigger' WHERE ID = 1;
	INSERT INTO `migrations_lock` (`lock_key`, `locked`, `acquired_at`, `released_at`) VALUES ('km01', 1, NOW(), NULL);
END//
DELIMITER ;
SET SQL_MODE=@OLDTMP_SQL_MODE;

/*!40103 SET TIME_ZONE=IFNULL(@OLD_TIME_ZONE, 'system') */;
/*!40101 SET SQL_MODE=IFNULL(@OLD_SQL_MODE, '') */;
/*!40014 SET FOREIGN_KEY_CHECKS=IFNULL(@OLD_FOREIGN_KEY_CHECKS, 1) */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40111 SET SQL_NOTES=IFNULL(@OLD_SQL_NOTES, 1) */;

