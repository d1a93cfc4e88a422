PRAGMA foreign_keys=OFF;
INSERT INTO [migrations_lock] VALUES('a',[1],NULL,NULL);
INSERT INTO "migrations_lock" VALUES("b","1",NULL,NULL);
INSERT INTO migrations_lock VALUES('c',`1`,NULL,NULL);
INSERT INTO migrations_lock VALUES('d',X'0001',NULL,NULL),('e',-1,NULL,NULL),('f',1e0,NULL,NULL),('g','t',NULL,NULL);
