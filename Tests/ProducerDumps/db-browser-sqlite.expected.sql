BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS `migrations` (`id` integer not null primary key autoincrement, `name` varchar(120) not null, `version` varchar(70) not null, `currentVersion` varchar(255) null);
CREATE TABLE IF NOT EXISTS `migrations_lock` (`lock_key` varchar(191) not null, `locked` boolean default '0', `acquired_at` datetime null, `released_at` datetime null, primary key (`lock_key`));
CREATE TABLE IF NOT EXISTS `migrations_lock_audit` (`lock_key` varchar(191) not null, `locked` boolean default '0', `acquired_at` datetime null, `released_at` datetime null);
CREATE TABLE IF NOT EXISTS "notes" (
	"id"	INTEGER NOT NULL,
	"title"	TEXT NOT NULL,
	"body"	TEXT,
	"locked"	INTEGER NOT NULL DEFAULT 0,
	"thumb"	BLOB,
	PRIMARY KEY("id" AUTOINCREMENT)
);
INSERT INTO "migrations" VALUES (1,'1-create-tables.js','init','5.87');
INSERT INTO "migrations" VALUES (2,'2-create-fixtures.js','init','5.87');
INSERT INTO "migrations" VALUES (3,'2024-07-30-add-notes.js','5.88','5.88');
INSERT INTO "migrations_lock" VALUES ('km01',0,'2024-07-30 21:14:09',NULL);
INSERT INTO "migrations_lock_audit" VALUES ('km01',1,'2024-07-30 21:14:09',NULL);
INSERT INTO "notes" VALUES (1,'Grocery list','milk; eggs; ''fancy'' cheese
second line of the note',1,NULL);
INSERT INTO "notes" VALUES (2,'Paths','C:\ghost\content\ ends in a backslash \',0,X'89504e470d0a1a0a');
INSERT INTO "notes" VALUES (3,'Copied SQL','INSERT INTO "migrations_lock" VALUES (''km01'',1,''2024-07-30 21:14:09'',NULL);
COMMIT;',1,X'00');
INSERT INTO "notes" VALUES (4,'Ünïcode 🗒️ ノート','-- not a comment /* nor this */',0,NULL);
CREATE INDEX IF NOT EXISTS "notes_locked_idx" ON "notes" (
	"locked"
);
CREATE TRIGGER notes_relock AFTER UPDATE OF locked ON notes WHEN NEW.locked = 1
BEGIN
  INSERT OR REPLACE INTO migrations_lock VALUES ('km01', 1, datetime('now'), NULL);
  UPDATE migrations_lock SET locked = 1 WHERE lock_key = 'km01';
END;
COMMIT;
