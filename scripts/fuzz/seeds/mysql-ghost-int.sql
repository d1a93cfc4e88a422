-- MySQL dump 10.13
CREATE TABLE `migrations_lock` (
  `lock_key` varchar(191) NOT NULL,
  `locked` tinyint(1) DEFAULT '0',
  `acquired_at` datetime DEFAULT NULL,
  `released_at` datetime DEFAULT NULL,
  PRIMARY KEY (`lock_key`)
) ENGINE=InnoDB;
LOCK TABLES `migrations_lock` WRITE;
INSERT INTO `migrations_lock` VALUES ('km01',1,'2025-08-26 22:44:15',NULL),('k2',0,NULL,NULL);
UNLOCK TABLES;
