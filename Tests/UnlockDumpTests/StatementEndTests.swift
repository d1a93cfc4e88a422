import Testing
import UnlockDump

/// Statements end where the replaying program ends them: psql at a `;` outside parentheses and
/// `BEGIN ATOMIC` bodies, sqlite3 at a `;` outside `CREATE TRIGGER ... ; END ;`. Nothing inside a
/// rule's, trigger's or function's body is a row; the real row after it still is.
@Suite("Where statements end")
struct StatementEndTests {
    static let knexHeldCopy = "COPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n1\t⟦1→0⟧\n\\.\n\n"

    static let postgresBodies: [(name: String, text: String)] = [
        ("a multi-action rule (pg_dump's layout)", """
            CREATE RULE log_lock AS
                ON INSERT TO public.events DO ( INSERT INTO public.knex_migrations_lock (index, is_locked)
              VALUES ((new.id + 100), 1);
             INSERT INTO public.migrations_lock (lock_key, locked, acquired_at, released_at)
              VALUES (('rule'::text || new.id), true, NULL::timestamp without time zone, NULL::timestamp without time zone);
            );

            """),
        ("a rule whose flags are no literals", """
            CREATE RULE copy_ids AS
                ON INSERT TO public.events DO ( INSERT INTO public.knex_migrations_lock (index, is_locked)
              VALUES (new.id, new.id);
             INSERT INTO public.databasechangeloglock (id, locked, lockgranted, lockedby)
              VALUES (new.id, ('1'::character varying)::boolean, NULL::timestamp without time zone, NULL::character varying);
            );

            """),
        ("parameters named begin and end", """
            CREATE FUNCTION public.in_window(begin timestamp without time zone, "end" timestamp without time zone) RETURNS boolean
                LANGUAGE sql
                AS $$ SELECT now() BETWEEN begin AND "end" $$;

            SELECT 'end end end end;';

            """),
        ("a BEGIN ATOMIC body with CASE ... END", """
            CREATE FUNCTION public.take_lock() RETURNS integer
                LANGUAGE sql
                BEGIN ATOMIC
             INSERT INTO public.knex_migrations_lock (index, is_locked) VALUES (9, 1);
             SELECT CASE WHEN true THEN 1 ELSE 0 END AS flag;
            END;

            """),
        ("CREATE OR REPLACE PROCEDURE with BEGIN ATOMIC", """
            CREATE OR REPLACE PROCEDURE public.relock()
                LANGUAGE sql
                BEGIN ATOMIC
             INSERT INTO public.knex_migrations_lock (index, is_locked) VALUES (10, 1);
            END;

            """),
    ]

    @Test("psql: a body's statements are not rows, and the COPY row after it is released", arguments: postgresBodies)
    func postgresBody(_ name: String, _ text: String) throws {
        let report = try expectPatch(PostgresTests.header + PostgresTests.knexCreate + text + Self.knexHeldCopy + PostgresTests.footer)
        #expect(report.heldLocks.count == 1, "\(name)")
        #expect(report.lockRowsSeen == 1, "\(name)")
    }

    @Test("psql: a ';' in parentheses of an ordinary statement does not end it")
    func postgresParentheses() throws {
        let report = try expectPatch(PostgresTests.header + """
            SELECT (SELECT 1; INSERT INTO public.knex_migrations_lock VALUES (1, 1););
            INSERT INTO public.knex_migrations_lock VALUES (2, ⟦1→0⟧);

            """ + PostgresTests.footer)
        #expect(report.heldLocks.map(\.displayedKey) == ["2"])
    }

    static let sqliteTriggers: [(name: String, text: String)] = [
        ("a column named end", """
            CREATE TABLE spans(id INTEGER PRIMARY KEY, "begin" INTEGER, "end" INTEGER);
            CREATE TRIGGER spans_close AFTER INSERT ON spans BEGIN UPDATE spans SET end = 0 WHERE id = NEW.id; INSERT OR IGNORE INTO migrations_lock VALUES ('span', 1, NULL, NULL); END;

            """),
        ("a column named begin", """
            CREATE TRIGGER spans_open AFTER INSERT ON spans BEGIN UPDATE spans SET begin = 1 WHERE id = NEW.id; INSERT INTO migrations_lock VALUES ('span', 1, NULL, NULL); END;

            """),
        ("CASE ... END and END as a column in the body", """
            CREATE TEMP TRIGGER spans_case AFTER UPDATE ON spans BEGIN
              UPDATE spans SET end = CASE WHEN NEW.end IS NULL THEN 0 ELSE NEW.end END WHERE id = NEW.id;
              INSERT INTO migrations_lock VALUES ('case', 1, NULL, NULL);
            END;

            """),
        ("END in quotes is a name, not the end", """
            CREATE TRIGGER quoted_end AFTER INSERT ON spans BEGIN SELECT 1; "END"; INSERT INTO migrations_lock VALUES ('q', 1, NULL, NULL); END;

            """),
    ]

    @Test("sqlite3: a trigger body ends at ; END ;, and the row after it is released", arguments: sqliteTriggers)
    func sqliteTrigger(_ name: String, _ text: String) throws {
        let report = try expectPatch(Fixtures.sqliteHeader + Fixtures.ghostCreateSQLite + text
            + "INSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,NULL,NULL);\n" + Fixtures.sqliteFooter)
        #expect(report.heldLocks.map(\.displayedKey) == ["'km01'"], "\(name)")
        #expect(report.lockRowsSeen == 1, "\(name)")
    }

    @Test("sqlite3: outside a trigger every ';' ends a statement, BEGIN ... END or not")
    func sqliteOutsideTriggers() throws {
        let report = try expectPatch(Fixtures.sqliteHeader + """
            BEGIN;
            INSERT INTO migrations_lock VALUES('a',⟦1→0⟧,NULL,NULL);
            END;
            INSERT INTO migrations_lock VALUES('b',⟦1→0⟧,NULL,NULL);

            """ + Fixtures.sqliteFooter)
        #expect(report.heldLocks.count == 2)
    }

    @Test("an unfinished trigger or rule is an unterminated statement")
    func unterminatedBodies() throws {
        let sqlite = try #require(expectMalformed(bytes("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END\n"), dialect: .sqlite))
        #expect(sqlite.message.contains("unterminated statement"), "\(sqlite)")
        let pg = try #require(expectMalformed(bytes("CREATE RULE r AS ON INSERT TO t DO ( SELECT 1;\n"), dialect: .postgres))
        #expect(pg.message.contains("unterminated statement"), "\(pg)")
    }
}
