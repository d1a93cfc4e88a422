import Foundation

/// One lock table of the PostgreSQL fixture: how to read it, and what releasing it means.
struct PostgresLock: Sendable {
    /// `schema.table` as pg_dump writes it, quotes removed (`public.DATABASECHANGELOGLOCK`).
    let name: String
    /// The same, as SQL (`public."DATABASECHANGELOGLOCK"`).
    let sql: String
    let columns: [String]
    /// Columns set to NULL on release, besides the flag (Liquibase).
    let cleared: [Int]
    /// Keys (first column, as text) of the rows that are held in the fixture.
    let heldKeys: [String]
    let flag = 1

    /// `name:key` of each held row.
    var heldRows: [String] { heldKeys.map { "\(name):\($0)" } }

    /// The rows as they read, key first, in key order.
    var rowsQuery: String {
        "SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(sql) ORDER BY 1;"
    }

    /// The source's rows as they must read once released: flag false/0, cleared columns NULL,
    /// held rows only.
    var releasedRowsQuery: String {
        let flag = "\"\(columns[self.flag])\""
        let held = "(\(flag))::text IN ('true', '1')"
        let released = columns.indices.map { index -> String in
            let column = "\"\(columns[index])\""
            if index == self.flag { return "CASE WHEN \(held) THEN (CASE WHEN pg_typeof(\(column)) = 'boolean'::regtype THEN 'false' ELSE '0' END) ELSE \(column)::text END" }
            if cleared.contains(index) { return "CASE WHEN \(held) THEN NULL ELSE \(column)::text END" }
            return "\(column)::text"
        }
        return "SELECT \(released.joined(separator: ", ")) FROM \(sql) ORDER BY 1;"
    }

    var rowsAsTextQuery: String {
        "SELECT \(columns.map { "\"\($0)\"::text" }.joined(separator: ", ")) FROM \(sql) ORDER BY 1;"
    }
}

/// The PostgreSQL fixture: one database `app` with knex (in two schemas), Liquibase (lower-case
/// with a boolean LOCKED, and a quoted upper-case table), a Ghost-like `migrations_lock`, and
/// every trap: tricky text in `posts`, text that reads like lock rows and COPY blocks, a
/// namesake audit table, plpgsql and SQL functions whose dollar-quoted bodies insert into the
/// lock tables, and a trigger that would relock if it fired. `billing.knex_migrations_lock` has an
/// identity column, so `--inserts` writes its rows with `OVERRIDING SYSTEM VALUE`.
enum PostgresFixture {
    static let database = "app"

    static let locks: [PostgresLock] = [
        PostgresLock(name: "public.knex_migrations_lock", sql: "public.knex_migrations_lock",
                     columns: ["index", "is_locked"], cleared: [], heldKeys: ["1"]),
        PostgresLock(name: "billing.knex_migrations_lock", sql: "billing.knex_migrations_lock",
                     columns: ["index", "is_locked"], cleared: [], heldKeys: ["1"]),
        PostgresLock(name: "public.databasechangeloglock", sql: "public.databasechangeloglock",
                     columns: ["id", "locked", "lockgranted", "lockedby"], cleared: [2, 3], heldKeys: ["1"]),
        PostgresLock(name: "public.DATABASECHANGELOGLOCK", sql: "public.\"DATABASECHANGELOGLOCK\"",
                     columns: ["ID", "LOCKED", "LOCKGRANTED", "LOCKEDBY"], cleared: [2, 3], heldKeys: ["1"]),
        PostgresLock(name: "public.migrations_lock", sql: "public.migrations_lock",
                     columns: ["lock_key", "locked", "acquired_at", "released_at"], cleared: [], heldKeys: ["km01", "km04"]),
    ]

    /// `name:key` of every held row.
    static var heldRows: [String] { locks.flatMap(\.heldRows) }

    static let script = #"""
        CREATE SCHEMA billing;
        CREATE TABLE knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
        CREATE TABLE knex_migrations_lock (index serial PRIMARY KEY, is_locked integer);
        CREATE TABLE billing.knex_migrations_lock (index integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, is_locked integer);
        CREATE TABLE knex_migrations_lock_audit (index integer, is_locked integer);
        CREATE TABLE databasechangeloglock (id integer NOT NULL PRIMARY KEY, locked boolean NOT NULL, lockgranted timestamp without time zone, lockedby varchar(255));
        CREATE TABLE "DATABASECHANGELOGLOCK" ("ID" integer NOT NULL PRIMARY KEY, "LOCKED" boolean NOT NULL, "LOCKGRANTED" timestamp, "LOCKEDBY" varchar(255));
        CREATE TABLE migrations_lock (lock_key varchar(191) PRIMARY KEY, locked boolean DEFAULT false, acquired_at timestamp, released_at timestamp);
        CREATE TABLE settings (key text PRIMARY KEY, locked integer DEFAULT 1);
        CREATE TABLE posts (id integer PRIMARY KEY, title text, body text, published boolean, data bytea);

        INSERT INTO knex_migrations (name, batch, migration_time) VALUES
          ('20240101_init.js', 1, '2024-01-01 10:00:00+00'), ('20240102_posts.js', 1, '2024-01-02 10:00:00+00');
        INSERT INTO knex_migrations_lock (is_locked) VALUES (1);
        INSERT INTO billing.knex_migrations_lock (is_locked) VALUES (1), (0);
        INSERT INTO knex_migrations_lock_audit VALUES (1, 1);
        INSERT INTO databasechangeloglock VALUES (1, true, '2025-01-01 10:00:00', 'build-host (10.0.0.7)'), (2, false, NULL, NULL);
        INSERT INTO "DATABASECHANGELOGLOCK" VALUES (1, true, '2025-02-02 12:00:00', 'ci-runner (10.0.0.9)');
        INSERT INTO migrations_lock VALUES
          ('km01', true, '2025-08-26 22:44:15', NULL), ('km02', false, NULL, NULL), ('km03', NULL, NULL, NULL),
          ('km04', true, '2025-08-26 22:44:15', '2025-08-26 22:44:18');
        INSERT INTO settings VALUES ('migrations_lock', 1), ('is_locked', 1);
        INSERT INTO posts VALUES
          (1, 'it''s a "quote"', E'back\\slash, tab\there, semicolon; paren)', true, '\x00ff27'),
          (2, 'newlines', E'line one\nline two\r\nCRLF and a lone \r CR', true, NULL),
          (3, 'copy terminator', E'before\n\\.\nafter\n\\.', false, NULL),
          (4, 'looks like lock rows', E'1\t1\nCOPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n1\t1\n\\.\nkm01\tt\t2025-08-26 22:44:15\t\\N', NULL, NULL),
          (5, 'insert text', E'INSERT INTO public.knex_migrations_lock VALUES (1, 1);\nINSERT INTO public.migrations_lock VALUES (''km01'', true, NULL, NULL);\n\t(1, true, ''x'', ''y'');', true, NULL),
          (6, 'dollar $$ and $tag$', 'x $$ y $_$ z', true, NULL),
          (7, 'tab only', E'\t', NULL, '\x'),
          (8, NULL, '', false, NULL),
          (9, 'emoji 🔒 and ünïcödé', 'ends with a backslash \', true, NULL),
          (10, '/* comment */ -- not', E'\\N is not null here', true, NULL);
        SELECT setval('billing.knex_migrations_lock_index_seq', 2);

        CREATE FUNCTION relock() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- it's a trap: never a data row
          INSERT INTO knex_migrations_lock (index, is_locked) VALUES (1, 1);
          INSERT INTO migrations_lock VALUES ('km01', true, now(), NULL);
          RETURN NEW;
        END;
        $$;
        CREATE FUNCTION relock_sql() RETURNS text LANGUAGE sql AS $body$ SELECT 'INSERT INTO knex_migrations_lock VALUES (1, 1); $$' $body$;
        CREATE TRIGGER posts_relock AFTER INSERT ON posts FOR EACH ROW EXECUTE FUNCTION relock();
        COMMENT ON TABLE posts IS E'/* not a comment */ INSERT INTO knex_migrations_lock VALUES (1, 1);';
        CREATE VIEW held_locks AS SELECT index FROM knex_migrations_lock WHERE is_locked = 1;
        """#

    static func load(into server: PostgresServer) throws {
        try server.sql("CREATE DATABASE \(database);")
        try server.sql(script, database: database)
        // The fixture holds what it says: the held keys are the rows whose flag is set.
        for lock in locks {
            let held = try server.sql(
                "SELECT \"\(lock.columns[0])\" FROM \(lock.sql) WHERE (\"\(lock.columns[lock.flag])\")::text IN ('true', '1') ORDER BY 1;",
                database: database)
            let keys = held.split(separator: "\n").map(String.init)
            guard keys == lock.heldKeys else {
                throw FixtureMismatch(description: "fixture \(lock.name) holds \(keys), expected \(lock.heldKeys)")
            }
        }
    }

    struct FixtureMismatch: Error, CustomStringConvertible {
        let description: String
    }
}
