--
-- File generated with SQLiteStudio v3.4.4 on Mon Sep 16 09:41:27 2024
--
-- Text encoding used: UTF-8
--
PRAGMA foreign_keys = off;
BEGIN TRANSACTION;

-- Table: knex_migrations_lock
CREATE TABLE IF NOT EXISTS knex_migrations_lock (
    [index]   INTEGER NOT NULL
                      PRIMARY KEY AUTOINCREMENT,
    is_locked INTEGER
);

INSERT INTO knex_migrations_lock (
                                     [index],
                                     is_locked
                                 )
                                 VALUES (
                                     1,
                                     0
                                 );


-- Table: kysely_migration_lock
CREATE TABLE IF NOT EXISTS kysely_migration_lock (
    id        VARCHAR (255) NOT NULL
                            PRIMARY KEY,
    is_locked INTEGER       DEFAULT 0
                            NOT NULL
);

INSERT INTO kysely_migration_lock (
                                      id,
                                      is_locked
                                  )
                                  VALUES (
                                      'migration_lock',
                                      0
                                  );


-- Table: migrations_lock_audit
CREATE TABLE IF NOT EXISTS migrations_lock_audit (
    id        VARCHAR (255),
    is_locked INTEGER
);

INSERT INTO migrations_lock_audit (
                                      id,
                                      is_locked
                                  )
                                  VALUES (
                                      'migration_lock',
                                      1
                                  );


-- Table: recipes
CREATE TABLE IF NOT EXISTS recipes (
    id        INTEGER PRIMARY KEY,
    title     TEXT    NOT NULL,
    steps     TEXT,
    is_locked INTEGER DEFAULT (0) 
                      NOT NULL
);

INSERT INTO recipes (
                        id,
                        title,
                        steps,
                        is_locked
                    )
                    VALUES (
                        1,
                        'Crème brûlée',
                        'Heat the cream; don''t boil it.
Caramelise with a torch 🔥',
                        1
                    );

INSERT INTO recipes (
                        id,
                        title,
                        steps,
                        is_locked
                    )
                    VALUES (
                        2,
                        'Copied from a dump',
                        'INSERT INTO kysely_migration_lock (
    id,
    is_locked
)
VALUES (
    ''migration_lock'',
    1
);',
                        0
                    );

INSERT INTO recipes (
                        id,
                        title,
                        steps,
                        is_locked
                    )
                    VALUES (
                        3,
                        'Backslash \',
                        'C:\recipes\ -- not a comment',
                        1
                    );


-- Trigger: recipes_relock
CREATE TRIGGER IF NOT EXISTS recipes_relock
                       AFTER UPDATE OF is_locked
                          ON recipes
                    FOR EACH ROW
                        WHEN NEW.is_locked = 1
BEGIN
    INSERT OR REPLACE INTO kysely_migration_lock (
                                                     id,
                                                     is_locked
                                                 )
                                                 VALUES (
                                                     'migration_lock',
                                                     1
                                                 );
END;

COMMIT TRANSACTION;
PRAGMA foreign_keys = on;
