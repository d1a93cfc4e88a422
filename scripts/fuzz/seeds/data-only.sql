INSERT INTO `knex_migrations_lock` VALUES (1,1);
INSERT INTO migrations_lock VALUES('k',1,NULL,NULL);
