-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
CREATE TABLE `migrations_lock` (
  `lock_key` varchar(191) NOT NULL,
  `locked` tinyint(1) DEFAULT 0,
  `acquired_at` datetime DEFAULT NULL,
  `released_at` datetime DEFAULT NULL,
  PRIMARY KEY (`lock_key`)
) ENGINE=InnoDB WITH SYSTEM VERSIONING;
INSERT INTO `migrations_lock` (`lock_key`, `locked`, `acquired_at`, `released_at`, row_start, row_end) VALUES ('km01',1,NULL,NULL,'2026-12-01 08:38:10.321297','2026-12-01 08:38:10.321837'),
('km01',1,'2026-12-01 08:38:10',NULL,'2026-12-01 08:38:10.322671','2038-01-19 03:14:07.999999');
CREATE TABLE `DBCL` (`ID` int, `LOCKED` bit(1), `LOCKGRANTED` datetime, `LOCKEDBY` varchar(255));
INSERT INTO `DBCL` VALUES (1,_binary '','2026-01-01 00:00:00','h');
INSERT INTO `knex_migrations_lock` VALUES (1);

-- Dump completed on 2026-12-01  8:38:10
