/*
 Navicat Premium Data Transfer

 Source Server Type    : PostgreSQL
 Source Server Version : 150004 (150004)
*/

-- Server version:               PostgreSQL 10.6, compiled by Visual C++ build 1800, 64-bit
/*!40101 SET NAMES utf8mb4 */;
INSERT INTO "public"."paths" VALUES (1, 'C:\exports\');
INSERT INTO "databasechangeloglock" ("id", "locked", "lockgranted", "lockedby") VALUES
	(1, E'true', E'2026-11-30 10:00:00', E'C:\\agent'),
	(2, E'f', NULL, NULL);
DELIMITER //
CREATE FUNCTION "touch"() RETURNS TRIGGER AS $$ BEGIN RETURN NEW; END; $$//
DELIMITER ;
