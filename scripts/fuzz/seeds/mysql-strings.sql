-- MySQL dump
INSERT INTO `posts` VALUES ('a\'b','c\\','\\\'','it''s','"q\"x"','x\\'),('\0\Z\n\r',';)',"d\"q");
INSERT INTO `migrations_lock` VALUES ('k\'),(\'x\',1',1,NULL,NULL);
INSERT INTO `migrations_lock` VALUES ('k\\',1,NULL,NULL);
# hash comment INSERT INTO `migrations_lock` VALUES ('h',1,NULL,NULL);
-- dash comment ('h',1)
--not-a-comment
SELECT 1--1;
/* block ' " comment */ /*!40000 ALTER TABLE `migrations_lock` DISABLE KEYS */;
/*M!999999\- enable the sandbox mode */
INSERT INTO `migrations_lock` VALUES /* c */ ('m' /* ) */, /*!1*/ 1 -- x
,NULL,NULL);
