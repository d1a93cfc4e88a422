-- MySQL dump
DELIMITER ;;
/*!50003 CREATE*/ /*!50003 TRIGGER `t` AFTER INSERT ON `posts` FOR EACH ROW BEGIN
INSERT INTO migrations_lock VALUES ('trigger',1,NULL,NULL);
UPDATE migrations_lock SET locked=1 WHERE lock_key='x';
END */;;
DELIMITER ;
DELIMITER $$
INSERT INTO `migrations_lock` VALUES ('d',1,NULL,NULL)$$
DELIMITER ;
INSERT INTO `migrations_lock` VALUES ('e',1,NULL,NULL);
