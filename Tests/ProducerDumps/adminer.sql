-- Adminer 4.8.1 MySQL 8.0.35-0ubuntu0.22.04.1 dump

SET NAMES utf8;
SET time_zone = '+00:00';
SET foreign_key_checks = 0;
SET sql_mode = 'NO_AUTO_VALUE_ON_ZERO';

SET NAMES utf8mb4;

DROP TABLE IF EXISTS `knex_migrations`;
CREATE TABLE `knex_migrations` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(255) DEFAULT NULL,
  `batch` int DEFAULT NULL,
  `migration_time` timestamp NULL DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

INSERT INTO `knex_migrations` (`id`, `name`, `batch`, `migration_time`) VALUES
(1,	'20240105093000_create_invoices.js',	1,	'2024-01-05 09:31:12'),
(2,	'20240320141500_add_invoice_notes.js',	2,	'2024-03-20 14:16:40'),
(3,	'20240502182900_lock_it_up.js',	3,	'2024-05-02 18:29:58');

DROP TABLE IF EXISTS `knex_migrations_lock`;
CREATE TABLE `knex_migrations_lock` (
  `index` int unsigned NOT NULL AUTO_INCREMENT,
  `is_locked` int DEFAULT NULL,
  PRIMARY KEY (`index`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

INSERT INTO `knex_migrations_lock` (`index`, `is_locked`) VALUES
(1,	1);

DROP TABLE IF EXISTS `invoices`;
CREATE TABLE `invoices` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `customer` varchar(255) NOT NULL,
  `memo` text,
  `is_locked` tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

INSERT INTO `invoices` (`id`, `customer`, `memo`, `is_locked`) VALUES
(1,	'Ærøskøbing Fiskeri',	'Net 30;	paid by \"wire\"',	1),
(2,	'O\'Brien & Sons',	'copy of the lock row: (1,	1);\nINSERT INTO `knex_migrations_lock` (`index`, `is_locked`) VALUES\n(1,	1);',	0),
(3,	'東京商事',	'ends with a backslash \\',	1),
(4,	'Null Bytes Ltd',	'zero \0 byte, ctrl-Z \Z, CR \r, LF \n',	0);

DELIMITER ;;

CREATE TRIGGER `invoices_relock` AFTER UPDATE ON `invoices` FOR EACH ROW
BEGIN
  IF NEW.is_locked = 1 THEN
    UPDATE knex_migrations_lock SET is_locked = 1 WHERE `index` = 1;
    INSERT INTO `knex_migrations_lock` (`index`, `is_locked`) VALUES (2, 1);
  END IF;
END;;

DELIMITER ;

DROP TABLE IF EXISTS `migrations_lock`;
CREATE TABLE `migrations_lock` (
  `lock_key` varchar(191) NOT NULL,
  `locked` tinyint(1) DEFAULT '0',
  `acquired_at` datetime DEFAULT NULL,
  `released_at` datetime DEFAULT NULL,
  PRIMARY KEY (`lock_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

INSERT INTO `migrations_lock` (`lock_key`, `locked`, `acquired_at`, `released_at`) VALUES
('km01',	1,	'2024-05-02 18:29:55',	NULL),
('km02',	0,	'2024-03-20 14:16:38',	'2024-03-20 14:16:41');

DROP TABLE IF EXISTS `migrations_lock_audit`;
CREATE TABLE `migrations_lock_audit` (
  `lock_key` varchar(191) NOT NULL,
  `locked` tinyint(1) DEFAULT '0',
  `acquired_at` datetime DEFAULT NULL,
  `released_at` datetime DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

INSERT INTO `migrations_lock_audit` (`lock_key`, `locked`, `acquired_at`, `released_at`) VALUES
('km01',	1,	'2024-05-02 18:29:55',	NULL);

-- 2024-05-02 18:31:07
