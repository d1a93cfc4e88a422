/*M!999999\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO,ANSI' */;
CREATE TABLE "stdin\" ("a" text);
INSERT INTO "stdin\" VALUES ('x');
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'NO_BACKSLASH_ESCAPES' */ ;
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()
begin select 'C:\'; insert into `dir\` values ('END; INSERT INTO migrations_lock VALUES (''km01'',1,NULL,NULL);'); end
;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!40101 SET SQL_MODE=IFNULL(@OLD_SQL_MODE, '') */;
INSERT IGNORE INTO `knex_migrations_lock` VALUES (2,2);
-- Dump completed on 2026-12-01  8:38:10
