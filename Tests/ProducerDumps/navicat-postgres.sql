/*
 Navicat Premium Data Transfer

 Source Server         : pg14-local
 Source Server Type    : PostgreSQL
 Source Server Version : 140011 (140011)
 Source Host           : localhost:5432
 Source Catalog        : billing
 Source Schema         : public

 Target Server Type    : PostgreSQL
 Target Server Version : 140011 (140011)
 File Encoding         : 65001

 Date: 07/03/2024 20:05:59
*/


-- ----------------------------
-- Sequence structure for knex_migrations_id_seq
-- ----------------------------
DROP SEQUENCE IF EXISTS "public"."knex_migrations_id_seq";
CREATE SEQUENCE "public"."knex_migrations_id_seq" 
INCREMENT 1
MINVALUE  1
MAXVALUE 2147483647
START 1
CACHE 1;

-- ----------------------------
-- Sequence structure for knex_migrations_lock_index_seq
-- ----------------------------
DROP SEQUENCE IF EXISTS "public"."knex_migrations_lock_index_seq";
CREATE SEQUENCE "public"."knex_migrations_lock_index_seq" 
INCREMENT 1
MINVALUE  1
MAXVALUE 2147483647
START 1
CACHE 1;

-- ----------------------------
-- Table structure for databasechangeloglock
-- ----------------------------
DROP TABLE IF EXISTS "public"."databasechangeloglock";
CREATE TABLE "public"."databasechangeloglock" (
  "id" int4 NOT NULL,
  "locked" bool NOT NULL,
  "lockgranted" timestamp(6),
  "lockedby" varchar(255) COLLATE "pg_catalog"."default"
)
;

-- ----------------------------
-- Records of databasechangeloglock
-- ----------------------------
INSERT INTO "public"."databasechangeloglock" VALUES (1, 't', '2024-03-07 19:58:12.481', 'build-agent-3 (10.20.0.14)');

-- ----------------------------
-- Table structure for invoices
-- ----------------------------
DROP TABLE IF EXISTS "public"."invoices";
CREATE TABLE "public"."invoices" (
  "id" int4 NOT NULL,
  "customer" varchar(255) COLLATE "pg_catalog"."default" NOT NULL,
  "export_path" varchar(255) COLLATE "pg_catalog"."default" DEFAULT 'C:\exports\'::character varying,
  "note" text COLLATE "pg_catalog"."default",
  "locked" bool NOT NULL DEFAULT false
)
;

-- ----------------------------
-- Records of invoices
-- ----------------------------
INSERT INTO "public"."invoices" VALUES (1, 'Müller & Söhne', 'C:\exports\', 'the path above ends in a backslash; standard strings keep it', 't');
INSERT INTO "public"."invoices" VALUES (2, 'O''Neill Ltd', '\\fileserver\billing\', 'it''s got ''quotes'' and a \ in the middle', 'f');
INSERT INTO "public"."invoices" VALUES (3, '株式会社テスト', '/srv/exports/', 'INSERT INTO "public"."databasechangeloglock" VALUES (1, ''t'', ''2024-03-07 19:58:12.481'', ''x'');
-- ----------------------------
-- Records of knex_migrations_lock', 't');
INSERT INTO "public"."invoices" VALUES (4, 'Semi; Colon', 'E:\', '\', 'f');

-- ----------------------------
-- Table structure for knex_migrations
-- ----------------------------
DROP TABLE IF EXISTS "public"."knex_migrations";
CREATE TABLE "public"."knex_migrations" (
  "id" int4 NOT NULL DEFAULT nextval('knex_migrations_id_seq'::regclass),
  "name" varchar(255) COLLATE "pg_catalog"."default",
  "batch" int4,
  "migration_time" timestamptz(6)
)
;

-- ----------------------------
-- Records of knex_migrations
-- ----------------------------
INSERT INTO "public"."knex_migrations" VALUES (1, '20240301_create_invoices.js', 1, '2024-03-01 09:00:12.31+01');
INSERT INTO "public"."knex_migrations" VALUES (2, '20240307_add_export_path.js', 2, '2024-03-07 19:58:10.004+01');

-- ----------------------------
-- Table structure for knex_migrations_lock
-- ----------------------------
DROP TABLE IF EXISTS "public"."knex_migrations_lock";
CREATE TABLE "public"."knex_migrations_lock" (
  "index" int4 NOT NULL DEFAULT nextval('knex_migrations_lock_index_seq'::regclass),
  "is_locked" int4
)
;

-- ----------------------------
-- Records of knex_migrations_lock
-- ----------------------------
INSERT INTO "public"."knex_migrations_lock" VALUES (1, 1);

-- ----------------------------
-- Table structure for migrations_lock_audit
-- ----------------------------
DROP TABLE IF EXISTS "public"."migrations_lock_audit";
CREATE TABLE "public"."migrations_lock_audit" (
  "index" int4 NOT NULL,
  "is_locked" int4,
  "locked" bool
)
;

-- ----------------------------
-- Records of migrations_lock_audit
-- ----------------------------
INSERT INTO "public"."migrations_lock_audit" VALUES (1, 1, 't');

-- ----------------------------
-- Function structure for relock
-- ----------------------------
DROP FUNCTION IF EXISTS "public"."relock"();
CREATE OR REPLACE FUNCTION "public"."relock"()
  RETURNS "pg_catalog"."trigger" AS $BODY$ begin 
	-- not data: a body that writes lock rows
	insert into knex_migrations_lock values (1, 1);
	update databasechangeloglock set locked = 't', lockedby = 'it''s me\' where id = 1;
	return new;
end; $BODY$
  LANGUAGE plpgsql VOLATILE
  COST 100;

-- ----------------------------
-- Alter sequences owned by
-- ----------------------------
ALTER SEQUENCE "public"."knex_migrations_id_seq"
OWNED BY "public"."knex_migrations"."id";
SELECT setval('"public"."knex_migrations_id_seq"', 2, true);

-- ----------------------------
-- Alter sequences owned by
-- ----------------------------
ALTER SEQUENCE "public"."knex_migrations_lock_index_seq"
OWNED BY "public"."knex_migrations_lock"."index";
SELECT setval('"public"."knex_migrations_lock_index_seq"', 1, true);

-- ----------------------------
-- Primary Key structure for table databasechangeloglock
-- ----------------------------
ALTER TABLE "public"."databasechangeloglock" ADD CONSTRAINT "databasechangeloglock_pkey" PRIMARY KEY ("id");

-- ----------------------------
-- Primary Key structure for table invoices
-- ----------------------------
ALTER TABLE "public"."invoices" ADD CONSTRAINT "invoices_pkey" PRIMARY KEY ("id");

-- ----------------------------
-- Triggers structure for table invoices
-- ----------------------------
CREATE TRIGGER "invoices_relock" AFTER UPDATE ON "public"."invoices"
FOR EACH ROW
EXECUTE PROCEDURE "public"."relock"();

-- ----------------------------
-- Primary Key structure for table knex_migrations
-- ----------------------------
ALTER TABLE "public"."knex_migrations" ADD CONSTRAINT "knex_migrations_pkey" PRIMARY KEY ("id");

-- ----------------------------
-- Primary Key structure for table knex_migrations_lock
-- ----------------------------
ALTER TABLE "public"."knex_migrations_lock" ADD CONSTRAINT "knex_migrations_lock_pkey" PRIMARY KEY ("index");
