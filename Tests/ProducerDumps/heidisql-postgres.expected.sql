-- --------------------------------------------------------
-- Host:                         127.0.0.1
-- Server version:               PostgreSQL 10.6, compiled by Visual C++ build 1800, 64-bit
-- Server OS:                    
-- HeidiSQL Version:             10.1.0.5464
-- --------------------------------------------------------

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES  */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;

-- Dumping structure for table public.databasechangelog
CREATE TABLE IF NOT EXISTS "databasechangelog" (
	"id" CHARACTER VARYING(255) NOT NULL COMMENT E'',
	"author" CHARACTER VARYING(255) NOT NULL COMMENT E'',
	"filename" CHARACTER VARYING(255) NOT NULL COMMENT E'',
	"dateexecuted" TIMESTAMP WITHOUT TIME ZONE NOT NULL COMMENT E'',
	"orderexecuted" INTEGER NOT NULL COMMENT E'',
	"exectype" CHARACTER VARYING(10) NOT NULL COMMENT E'',
	"md5sum" CHARACTER VARYING(35) NULL DEFAULT NULL COMMENT E'',
	"description" CHARACTER VARYING(255) NULL DEFAULT NULL COMMENT E'',
	"comments" CHARACTER VARYING(255) NULL DEFAULT NULL COMMENT E''
);

-- Dumping data for table public.databasechangelog: 2 rows
/*!40000 ALTER TABLE "databasechangelog" DISABLE KEYS */;
INSERT INTO "databasechangelog" ("id", "author", "filename", "dateexecuted", "orderexecuted", "exectype", "md5sum", "description", "comments") VALUES
	(E'1552555610-1', E'jan', E'db/changelog.xml', E'2019-03-14 09:26:50.100', 1, E'EXECUTED', E'8:6c2a4f0e3b1d5a79c8e7f6d5c4b3a291', E'createTable tableName=exports', E''),
	(E'1552555610-2', E'jan', E'db/changelog.xml', E'2019-03-14 09:26:51.730', 2, E'EXECUTED', E'8:0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b', E'sql', E'lock by hand: UPDATE databasechangeloglock SET locked = E\'true\' WHERE id = 1;');
/*!40000 ALTER TABLE "databasechangelog" ENABLE KEYS */;

-- Dumping structure for table public.databasechangeloglock
CREATE TABLE IF NOT EXISTS "databasechangeloglock" (
	"id" INTEGER NOT NULL COMMENT E'',
	"locked" BOOLEAN NOT NULL COMMENT E'',
	"lockgranted" TIMESTAMP WITHOUT TIME ZONE NULL DEFAULT NULL COMMENT E'',
	"lockedby" CHARACTER VARYING(255) NULL DEFAULT NULL COMMENT E'',
	PRIMARY KEY ("id")
);

-- Dumping data for table public.databasechangeloglock: 1 rows
/*!40000 ALTER TABLE "databasechangeloglock" DISABLE KEYS */;
INSERT INTO "databasechangeloglock" ("id", "locked", "lockgranted", "lockedby") VALUES
	(1, E'false', NULL, NULL);
/*!40000 ALTER TABLE "databasechangeloglock" ENABLE KEYS */;

-- Dumping structure for table public.exports
CREATE TABLE IF NOT EXISTS "exports" (
	"id" INTEGER NOT NULL DEFAULT nextval('exports_id_seq'::regclass) COMMENT E'',
	"target_dir" CHARACTER VARYING(255) NOT NULL DEFAULT 'C:\exports\'::character varying COMMENT E'',
	"note" TEXT NULL DEFAULT NULL COMMENT E'',
	"done" BOOLEAN NULL DEFAULT false COMMENT E'',
	PRIMARY KEY ("id")
);

-- Dumping data for table public.exports: 3 rows
/*!40000 ALTER TABLE "exports" DISABLE KEYS */;
INSERT INTO "exports" ("id", "target_dir", "note", "done") VALUES
	(1, E'C:\\exports\\', E'It\'s the default; ends in a backslash', E'true'),
	(2, E'\\\\fileserver\\share\\Überträge\\', E'line one\r\nline two 	 tab; copy of the lock row: (1, E\'true\', NULL, NULL);', E'false'),
	(3, E'/srv/exports/', E'INSERT INTO "databasechangeloglock" ("id", "locked", "lockgranted", "lockedby") VALUES\r\n	(1, E\'true\', E\'2019-03-14 09:26:53.417\', E\'x\');', NULL);
/*!40000 ALTER TABLE "exports" ENABLE KEYS */;

-- Dumping structure for table public.knex_migrations_lock
CREATE TABLE IF NOT EXISTS "knex_migrations_lock" (
	"index" INTEGER NOT NULL DEFAULT nextval('knex_migrations_lock_index_seq'::regclass) COMMENT E'',
	"is_locked" INTEGER NULL DEFAULT NULL COMMENT E'',
	PRIMARY KEY ("index")
);

-- Dumping data for table public.knex_migrations_lock: 1 rows
/*!40000 ALTER TABLE "knex_migrations_lock" DISABLE KEYS */;
INSERT INTO "knex_migrations_lock" ("index", "is_locked") VALUES
	(1, 0);
/*!40000 ALTER TABLE "knex_migrations_lock" ENABLE KEYS */;

-- Dumping structure for table public.migrations_lock_audit
CREATE TABLE IF NOT EXISTS "migrations_lock_audit" (
	"id" INTEGER NOT NULL COMMENT E'',
	"locked" BOOLEAN NOT NULL COMMENT E'',
	"is_locked" INTEGER NULL DEFAULT NULL COMMENT E'',
	"lockedby" CHARACTER VARYING(255) NULL DEFAULT NULL COMMENT E'',
	PRIMARY KEY ("id")
);

-- Dumping data for table public.migrations_lock_audit: 1 rows
/*!40000 ALTER TABLE "migrations_lock_audit" DISABLE KEYS */;
INSERT INTO "migrations_lock_audit" ("id", "locked", "is_locked", "lockedby") VALUES
	(1, E'true', 1, E'DESKTOP-7QF3K1 (192.168.1.20)');
/*!40000 ALTER TABLE "migrations_lock_audit" ENABLE KEYS */;

-- Dumping structure for function public.relock_changelog
DELIMITER //
CREATE FUNCTION "relock_changelog"() RETURNS TRIGGER AS $$ 
BEGIN
  -- a trap: this body writes lock rows, but it is no data
  UPDATE databasechangeloglock SET locked = true, lockedby = 'trigger; (1, E''true'')';
  INSERT INTO knex_migrations_lock (index, is_locked) VALUES (1, 1);
  RETURN NEW;
END;
 $$//
DELIMITER ;

/*!40101 SET SQL_MODE=IFNULL(@OLD_SQL_MODE, '') */;
/*!40014 SET FOREIGN_KEY_CHECKS=IF(@OLD_FOREIGN_KEY_CHECKS IS NULL, 1, @OLD_FOREIGN_KEY_CHECKS) */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
