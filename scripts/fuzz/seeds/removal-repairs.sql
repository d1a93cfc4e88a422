PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
INSERT INTO __EFMigrationsLock VALUES(1,'2024-11-13 10:00:00.1234567+00:00');
CREATE TABLE yoyo_lock (locked INT DEFAULT 1, ctime TIMESTAMP, pid INT NOT NULL, PRIMARY KEY (locked));
INSERT INTO yoyo_lock VALUES(1,'2024-01-01 00:00:00',4242),(2,'x',7);
INSERT INTO "yoyo_lock"("locked","ctime","pid") VALUES(1,NULL,3);
INSERT INTO migrations_lock VALUES('km01',1,NULL,NULL);
INSERT INTO flyway_schema_history VALUES(1,'1','init','SQL','V1__init.sql',1,'me','2024',5,1),(2,'2','add','SQL','V2__add.sql',2,'me','2024',5,0),
(3,'3','more','SQL','V3__more.sql',3,'me','2024',5,1) ,(4,'4','last','SQL','V4__last.sql',4,'me','2024',5,FALSE);
INSERT INTO _sqlx_migrations VALUES(1,'init','2024',0,X'00',1);
INSERT INTO _prisma_migrations VALUES('a','c',NULL,'20240101_init','boom',NULL,'2024',0);
INSERT INTO schema_migrations VALUES(3,1);
COMMIT;
