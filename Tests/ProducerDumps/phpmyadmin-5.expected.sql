-- phpMyAdmin SQL Dump
-- version 5.2.1
-- https://www.phpmyadmin.net/
--
-- Host: localhost:3306
-- Generation Time: Mar 14, 2024 at 09:26 AM
-- Server version: 8.0.36-0ubuntu0.22.04.1
-- PHP Version: 8.1.2-1ubuntu2.14

SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";
START TRANSACTION;
SET time_zone = "+00:00";


/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;

--
-- Database: `orchard_app`
--

-- --------------------------------------------------------

--
-- Table structure for table `DATABASECHANGELOG`
--

CREATE TABLE `DATABASECHANGELOG` (
  `ID` varchar(255) NOT NULL,
  `AUTHOR` varchar(255) NOT NULL,
  `FILENAME` varchar(255) NOT NULL,
  `DATEEXECUTED` datetime NOT NULL,
  `ORDEREXECUTED` int NOT NULL,
  `EXECTYPE` varchar(10) NOT NULL,
  `MD5SUM` varchar(35) DEFAULT NULL,
  `DESCRIPTION` varchar(255) DEFAULT NULL,
  `COMMENTS` varchar(255) DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `DATABASECHANGELOG`
--

INSERT INTO `DATABASECHANGELOG` (`ID`, `AUTHOR`, `FILENAME`, `DATEEXECUTED`, `ORDEREXECUTED`, `EXECTYPE`, `MD5SUM`, `DESCRIPTION`, `COMMENTS`) VALUES
('001-orchards', 'mira', 'db/changelog/001-orchards.xml', '2024-01-08 14:02:11', 1, 'EXECUTED', '9:3c1d4e2a0b7f6e5d4c3b2a1908f7e6d5', 'createTable tableName=orchards', ''),
('002-lock-notes', 'mira', 'db/changelog/002-lock-notes.xml', '2024-03-14 09:12:40', 2, 'EXECUTED', '9:0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'sql', 'runs UPDATE DATABASECHANGELOGLOCK SET LOCKED=b\'1\', LOCKEDBY=\'me\' WHERE ID=1; then waits');

-- --------------------------------------------------------

--
-- Table structure for table `DATABASECHANGELOGLOCK`
--

CREATE TABLE `DATABASECHANGELOGLOCK` (
  `ID` int NOT NULL,
  `LOCKED` bit(1) NOT NULL,
  `LOCKGRANTED` datetime DEFAULT NULL,
  `LOCKEDBY` varchar(255) DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `DATABASECHANGELOGLOCK`
--

INSERT INTO `DATABASECHANGELOGLOCK` (`ID`, `LOCKED`, `LOCKGRANTED`, `LOCKEDBY`) VALUES
(1, b'0', NULL, NULL);

-- --------------------------------------------------------

--
-- Table structure for table `kysely_migration`
--

CREATE TABLE `kysely_migration` (
  `name` varchar(255) NOT NULL,
  `timestamp` varchar(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `kysely_migration`
--

INSERT INTO `kysely_migration` (`name`, `timestamp`) VALUES
('2024_02_01_create_harvests', '2024-02-01T10:00:00.000Z'),
('2024_03_14_add_lock_note', '2024-03-14T09:12:41.000Z');

-- --------------------------------------------------------

--
-- Table structure for table `kysely_migration_lock`
--

CREATE TABLE `kysely_migration_lock` (
  `id` varchar(255) NOT NULL,
  `is_locked` int NOT NULL DEFAULT '0'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `kysely_migration_lock`
--

INSERT INTO `kysely_migration_lock` (`id`, `is_locked`) VALUES
('migration_lock', 0);

-- --------------------------------------------------------

--
-- Table structure for table `migrations_lock_audit`
--

CREATE TABLE `migrations_lock_audit` (
  `id` int UNSIGNED NOT NULL,
  `table_name` varchar(64) NOT NULL,
  `is_locked` int NOT NULL DEFAULT '0',
  `LOCKED` bit(1) DEFAULT NULL,
  `noted_at` datetime NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `migrations_lock_audit`
--

INSERT INTO `migrations_lock_audit` (`id`, `table_name`, `is_locked`, `LOCKED`, `noted_at`) VALUES
(1, 'kysely_migration_lock', 1, b'1', '2024-03-14 09:12:44'),
(2, 'DATABASECHANGELOGLOCK', 1, b'1', '2024-03-14 09:12:44');

-- --------------------------------------------------------

--
-- Table structure for table `orchards`
--

CREATE TABLE `orchards` (
  `id` int UNSIGNED NOT NULL,
  `name` varchar(120) NOT NULL,
  `notes` text,
  `photo` blob,
  `is_locked` tinyint(1) NOT NULL DEFAULT '0'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `orchards`
--

INSERT INTO `orchards` (`id`, `name`, `notes`, `photo`, `is_locked`) VALUES
(1, 'Côte Pommeraie', 'Grower\'s note: \"frost\" on row 3\r\nrow 4 fine; 🍎 count = 1,204', NULL, 1),
(2, 'Obstgarten Süd', 'path C:\\orchards\\süd\\ ends in a backslash\\', 0x89504e470d0a1a0a, 0),
(3, 'trap', 'INSERT INTO `kysely_migration_lock` (`id`, `is_locked`) VALUES\n(\'migration_lock\', 1);', NULL, 1),
(4, '梨園', 'one\\\'quote and a lone \\ then ;), (\'x\', 1); -- not a comment', NULL, 0);

--
-- Triggers `orchards`
--
DELIMITER $$
CREATE TRIGGER `orchards_relock` AFTER UPDATE ON `orchards` FOR EACH ROW BEGIN
  IF NEW.is_locked = 1 THEN
    INSERT INTO kysely_migration_lock (id, is_locked) VALUES ('migration_lock', 1);
  END IF;
END
$$
DELIMITER ;

--
-- Indexes for dumped tables
--

--
-- Indexes for table `DATABASECHANGELOG`
--
ALTER TABLE `DATABASECHANGELOG`
  ADD PRIMARY KEY (`ID`,`AUTHOR`,`FILENAME`);

--
-- Indexes for table `DATABASECHANGELOGLOCK`
--
ALTER TABLE `DATABASECHANGELOGLOCK`
  ADD PRIMARY KEY (`ID`);

--
-- Indexes for table `kysely_migration`
--
ALTER TABLE `kysely_migration`
  ADD PRIMARY KEY (`name`);

--
-- Indexes for table `kysely_migration_lock`
--
ALTER TABLE `kysely_migration_lock`
  ADD PRIMARY KEY (`id`);

--
-- Indexes for table `migrations_lock_audit`
--
ALTER TABLE `migrations_lock_audit`
  ADD PRIMARY KEY (`id`);

--
-- Indexes for table `orchards`
--
ALTER TABLE `orchards`
  ADD PRIMARY KEY (`id`);

--
-- AUTO_INCREMENT for dumped tables
--

--
-- AUTO_INCREMENT for table `migrations_lock_audit`
--
ALTER TABLE `migrations_lock_audit`
  MODIFY `id` int UNSIGNED NOT NULL AUTO_INCREMENT, AUTO_INCREMENT=3;

--
-- AUTO_INCREMENT for table `orchards`
--
ALTER TABLE `orchards`
  MODIFY `id` int UNSIGNED NOT NULL AUTO_INCREMENT, AUTO_INCREMENT=5;
COMMIT;

/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
