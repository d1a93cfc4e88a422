PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE `migrations_lock` (`lock_key` varchar(191) not null, `locked` boolean default '0', `acquired_at` datetime null, `released_at` datetime null, primary key (`lock_key`));
INSERT INTO migrations_lock VALUES('km01',1,'2019-08-30 20:05:56',NULL);
INSERT INTO "migrations_lock" VALUES('a','1',NULL,NULL);
INSERT INTO [migrations_lock] VALUES('b',X'01',NULL,NULL);
INSERT INTO MIGRATIONS_LOCK VALUES('c',2,NULL,NULL);
INSERT INTO migrations_lock(rowid,lock_key,locked,acquired_at,released_at) VALUES(5,'d',1,NULL,NULL);
INSERT INTO posts VALUES('it''s \ a ''test''','C:\x\','-- not a comment','/* nor this */');
-- a comment ('z',1)
/* block */
COMMIT;
