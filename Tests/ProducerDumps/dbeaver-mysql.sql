INSERT INTO studio.kysely_migration (name,`timestamp`) VALUES
	 ('2024_05_20_create_bookings','2024-05-20T07:14:02.913Z'),
	 ('2024_06_01_add_rooms','2024-06-01T11:59:40.077Z');
INSERT INTO studio.kysely_migration_lock (id,is_locked) VALUES
	 ('migration_lock',1);
INSERT INTO studio.migrations_lock (lock_key,locked,acquired_at,released_at) VALUES
	 ('km01',1,'2024-06-01 11:59:38',NULL),
	 ('km02',0,'2024-05-20 07:14:01','2024-05-20 07:14:03');
INSERT INTO studio.migrations_lock_audit (lock_key,locked,acquired_at,released_at) VALUES
	 ('km01',1,'2024-06-01 11:59:38',NULL);
INSERT INTO studio.rooms (id,name,`key`,notes,locked) VALUES
	 (1,'Salle Bleue','A-1','It''s the big one; seats 12
projector: yes',1),
	 (2,'Raum 2','B-2','share: \\\\nas\\rooms\\ and C:\_temp\\',0),
	 (3,'会議室','C-3','INSERT INTO studio.kysely_migration_lock (id,is_locked) VALUES
	 (''migration_lock'',1);',1),
	 (4,'Trap ''quoted''','D-4','-- not a comment /* nor this */ # nor this',0);
