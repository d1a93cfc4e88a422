-- MySQL dump
INSERT INTO `migrations_lock` VALUES
('km01',1,NULL,NULL);
