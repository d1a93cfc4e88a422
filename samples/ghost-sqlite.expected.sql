PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE `migrations` (`id` integer not null primary key autoincrement, `name` varchar(120) not null, `version` varchar(70) not null, `currentVersion` varchar(255) null);
INSERT INTO migrations VALUES(1,'1-create-tables.js','init','5.0');
INSERT INTO migrations VALUES(2,'2-create-fixtures.js','init','5.0');
INSERT INTO migrations VALUES(3,'2019-08-30-20-05-56-add-migrations-lock-audit.js','5.1','5.1');
CREATE TABLE `migrations_lock` (`lock_key` varchar(191) not null, `locked` boolean default '0', `acquired_at` datetime null, `released_at` datetime null, primary key (`lock_key`));
INSERT INTO migrations_lock VALUES('km01',0,'2019-08-30 20:05:56',NULL);
CREATE TABLE `migrations_lock_audit` (`lock_key` varchar(191) not null, `locked` boolean default '0', `acquired_at` datetime null, `released_at` datetime null);
INSERT INTO migrations_lock_audit VALUES('km01',1,'2019-08-30 20:05:56',NULL);
INSERT INTO migrations_lock_audit VALUES('km01',0,'2019-08-29 09:00:00','2019-08-29 09:00:04');
CREATE TABLE `posts` (`id` varchar(24) not null, `uuid` varchar(36) not null, `title` varchar(2000) not null, `slug` varchar(191) not null, `html` text null, `plaintext` text null, `feature_image_data` blob null, `status` varchar(50) not null default 'draft', `created_at` datetime not null, primary key (`id`));
INSERT INTO posts VALUES('5d6980f4c2f0a10001a1b2c1','0f3b1c9e-6f1d-4a52-9a43-2b1e5d7c8a01','It''s "stuck": fixing C:\ghost\content; paths 🔒','its-stuck',replace(replace('<p>Don''t panic; it''s "fine".</p>\n<pre>C:\Program Files\ghost\</pre>\n<p>Windows line\r\nending and a lone\rCR; done.</p>','\r',char(13)),'\n',char(10)),replace(replace('Don''t panic; it''s "fine".\r\nDone 🚀👍🏽 日本語','\r',char(13)),'\n',char(10)),NULL,'published','2019-08-30 10:00:00');
INSERT INTO posts VALUES('5d6980f4c2f0a10001a1b2c2','0f3b1c9e-6f1d-4a52-9a43-2b1e5d7c8a02','How to release a stuck migration lock','release-stuck-migration-lock',replace('<p>Ghost says "Migration lock was never released".</p>\n<pre><code>UPDATE migrations_lock set locked=1 where lock_key=''km01'';\nINSERT INTO migrations_lock VALUES(''km01'',1,''2019-08-30 20:05:56'',NULL);\nINSERT INTO `migrations_lock` VALUES (''km01'',1,NULL,NULL);\n</code></pre>','\n',char(10)),replace('literal \n is not a newline;\012real newline above; '');\012INSERT INTO migrations_lock VALUES(''km01'',1,NULL,NULL);--','\012',char(10)),NULL,'published','2019-08-30 20:10:00');
INSERT INTO posts VALUES('5d6980f4c2f0a10001a1b2c3','0f3b1c9e-6f1d-4a52-9a43-2b1e5d7c8a03','ends with a backslash \','binary-image','<p>tab:	 semi:; paren:) CREATE TRIGGER x BEGIN END;</p>',NULL,X'00ff270a0d5c0089504e47','draft','2019-08-31 08:00:00');
CREATE TABLE `settings` (`id` varchar(24) not null, `group` varchar(50) not null default 'core', `key` varchar(50) not null, `value` text null, `type` varchar(50) not null, `flags` varchar(50) null, `locked` boolean not null default '0', `created_at` datetime not null, primary key (`id`));
INSERT INTO settings VALUES('5d6980f4c2f0a10001a1b301','core','db_hash','7c4b1f0e-2d7a-4c55-8a0b-3e9f6d2c1b00','string',NULL,1,'2019-08-30 10:00:00');
INSERT INTO settings VALUES('5d6980f4c2f0a10001a1b302','site','title','My "Ghost" site','string','PUBLIC',0,'2019-08-30 10:00:00');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('migrations',3);
CREATE UNIQUE INDEX `migrations_name_version_unique` on `migrations` (`name`, `version`);
CREATE TRIGGER `posts_after_insert` AFTER INSERT ON `posts`
BEGIN
  INSERT INTO migrations_lock VALUES('trigger',1,NULL,NULL);
  UPDATE migrations_lock SET locked=1 WHERE lock_key='km01';
END;
COMMIT;
