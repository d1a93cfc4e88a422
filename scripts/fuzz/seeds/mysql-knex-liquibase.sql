USE `app`;
INSERT INTO `knex_migrations_lock` VALUES (1,1);
INSERT INTO `app`.`knex_migrations_lock` (`index`, `is_locked`) VALUES (2,1);
CREATE TABLE `DATABASECHANGELOGLOCK` (`ID` int NOT NULL, `LOCKED` bit(1) NOT NULL, `LOCKGRANTED` datetime DEFAULT NULL, `LOCKEDBY` varchar(255) DEFAULT NULL) ENGINE=InnoDB;
INSERT INTO `DATABASECHANGELOGLOCK` VALUES (1,'','2025-01-01 10:00:00','build-host (10.0.0.7)');
INSERT INTO databasechangeloglock (ID, LOCKED, LOCKGRANTED, LOCKEDBY) VALUES (1, b'1', NOW(), 'host');
