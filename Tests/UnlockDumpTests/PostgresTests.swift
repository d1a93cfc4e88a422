import Foundation
import TestSupport
import Testing
import UnlockDump

/// pg_dump plain-format dumps: COPY data blocks, `--inserts` rows, and the postgres lexing rules
/// (dollar quotes, `E''` strings, nested comments, psql meta-commands). Every case runs through
/// every chunking (`expectPatch`).
@Suite("PostgreSQL dumps")
struct PostgresTests {
    static let header = """
        --
        -- PostgreSQL database dump
        --

        \\restrict abcDEF123

        SET statement_timeout = 0;
        SET standard_conforming_strings = on;
        SELECT pg_catalog.set_config('search_path', '', false);

        """
    static let footer = "\n--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict abcDEF123\n\n"

    static let knexCreate = """
        CREATE TABLE public.knex_migrations_lock (
            index integer NOT NULL,
            is_locked integer
        );

        """

    /// A held knex row in COPY form, after `middle`: a trap must leave it findable.
    static func knexCopy(flag: String = "⟦1→0⟧") -> String {
        "COPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n1\t\(flag)\n\\.\n"
    }

    static func dump(_ middle: String, lock: String = knexCopy()) -> String {
        header + knexCreate + middle + lock + footer
    }

    static let knexHeld = held("knex_migrations_lock", schema: "public", key: "index", "1", change("is_locked", "1", "0"))

    @Test("COPY of a lock table: held rows released, others left, edits point into the input")
    func copyBlock() throws {
        let report = try expectPatch(Self.header + """
            COPY public.databasechangeloglock (id, locked, lockgranted, lockedby) FROM stdin;
            1\t⟦t→f⟧\t⟦2025-01-01 10:00:00→\\N⟧\t⟦build-host (10.0.0.7)→\\N⟧
            2\tf\t\\N\t\\N
            3\t⟦t→f⟧\t⟦2025-01-02 10:00:00→\\N⟧\t\\N
            \\.

            COPY public.migrations_lock (lock_key, locked, acquired_at, released_at) FROM stdin;
            km01\t⟦true→false⟧\t2025-08-26 22:44:15\t\\N
            km02\t\\N\t\\N\t\\N
            \\.

            """ + Self.knexCopy() + Self.footer)
        #expect(report.dialect == .postgres)
        #expect(report.lockRowsSeen == 6)
        #expect(report.heldLocks == [
            held("databasechangeloglock", schema: "public", key: "id", "1",
                 change("locked", "t", "f"), change("lockgranted", "2025-01-01 10:00:00", "\\N"),
                 change("lockedby", "build-host (10.0.0.7)", "\\N")),
            held("databasechangeloglock", schema: "public", key: "id", "3",
                 change("locked", "t", "f"), change("lockgranted", "2025-01-02 10:00:00", "\\N")),
            held("migrations_lock", schema: "public", key: "lock_key", "km01", change("locked", "true", "false")),
            Self.knexHeld,
        ])
    }

    @Test("the report's edits, applied to the input, give the output")
    func editsAreInputOffsets() throws {
        let template = Template(Self.dump("COPY public.posts (id, body) FROM stdin;\n1\tx\\ty\n\\.\n"))
        let result = try patchEveryWay(template.input)
        var rebuilt: [UInt8] = []
        var at = 0
        for edit in result.report.edits {
            rebuilt += template.input[at..<edit.offset] + edit.replacement
            at = edit.offset + edit.length
        }
        expectSameBytes(rebuilt + template.input[at...], template.expected)
        #expect(result.report.edits.count == 1)
    }

    @Test("CRLF COPY data: the CR belongs to no field, and `\\.` CRLF ends the block")
    func crlfCopy() throws {
        try expectPatch(Self.header
            + "COPY public.knex_migrations_lock (index, is_locked) FROM stdin;\r\n1\t⟦1→0⟧\r\n\\.\r\n"
            + "INSERT INTO public.knex_migrations_lock VALUES (2, ⟦1→0⟧);\n")
    }

    @Test("--inserts, --column-inserts and --rows-per-insert rows, qualified and quoted names")
    func insertForms() throws {
        let report = try expectPatch(Self.header + Self.knexCreate + """
            CREATE TABLE public."DATABASECHANGELOGLOCK" (
                "ID" integer NOT NULL,
                "LOCKED" boolean NOT NULL,
                "LOCKGRANTED" timestamp without time zone,
                "LOCKEDBY" character varying(255)
            );
            INSERT INTO public.knex_migrations_lock VALUES (1, ⟦1→0⟧);
            INSERT INTO public.knex_migrations_lock (index, is_locked) VALUES (2, ⟦1→0⟧);
            INSERT INTO public."DATABASECHANGELOGLOCK" VALUES
            \t(1, ⟦true→false⟧, ⟦'2025-01-01 10:00:00'→NULL⟧, ⟦'it''s me'→NULL⟧),
            \t(2, false, NULL, NULL);
            INSERT INTO "public"."knex_migrations_lock" ("index", "is_locked") VALUES (3, ⟦TRUE→FALSE⟧);
            INSERT INTO public.knex_migrations_lock VALUES (4, ⟦'t'→'f'⟧), (5, 'f'), (6, NULL), (7, false);

            """ + Self.footer)
        #expect(report.heldLocks.map(\.qualifiedTable) == [
            "public.knex_migrations_lock", "public.knex_migrations_lock", "public.DATABASECHANGELOGLOCK",
            "public.knex_migrations_lock", "public.knex_migrations_lock",
        ])
        #expect(report.heldLocks[2].keyColumn == "ID")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test("OVERRIDING SYSTEM VALUE (identity columns) before VALUES")
    func overridingSystemValue() throws {
        let report = try expectPatch(Self.header + Self.knexCreate + """
            INSERT INTO public.knex_migrations_lock OVERRIDING SYSTEM VALUE VALUES (1, ⟦1→0⟧);
            INSERT INTO public.knex_migrations_lock (index, is_locked) OVERRIDING USER VALUE VALUES (2, ⟦1→0⟧);

            """ + Self.footer)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test("a dump ending right after `\\.` with no line break is complete")
    func terminatorAtInputEnd() throws {
        try expectPatch(Self.header + "COPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n1\t⟦1→0⟧\n\\.")
        try expectPatch(Self.header + "COPY public.posts (id) FROM stdin;\n1\n\\.\r")
    }

    @Test("a quoted upper-case table keeps its own CREATE TABLE apart from the lower-case one")
    func caseSensitiveSchemas() throws {
        let report = try expectPatch(Self.header + """
            CREATE TABLE public."DATABASECHANGELOGLOCK" ("ID" integer, "LOCKED" boolean, "LOCKGRANTED" timestamp, "LOCKEDBY" text);
            CREATE TABLE public.databasechangeloglock (lockedby text, lockgranted timestamp, locked boolean, id integer);
            INSERT INTO public."DATABASECHANGELOGLOCK" VALUES (1, ⟦true→false⟧, NULL, NULL);
            INSERT INTO public.databasechangeloglock VALUES (⟦'me'→NULL⟧, NULL, ⟦true→false⟧, 7);

            """)
        #expect(report.heldLocks.map(\.displayedKey) == ["1", "7"])
        #expect(report.heldLocks.map(\.keyColumn) == ["ID", "id"])
    }

    static let traps: [(name: String, text: String)] = [
        ("a $$ function body", """
            CREATE FUNCTION public.relock() RETURNS void
                LANGUAGE plpgsql
                AS $$
            BEGIN
              -- it's a comment with a quote
              INSERT INTO knex_migrations_lock (index, is_locked) VALUES (1, 1);
              INSERT INTO public.knex_migrations_lock VALUES (1, 1);
            END;
            $$;

            """),
        ("a $tag$ body holding $$ and a false close", """
            CREATE FUNCTION public.f() RETURNS text LANGUAGE sql AS $_$ SELECT 'x $$ $_ $_x$ $__$ INSERT INTO public.knex_migrations_lock VALUES (1, 1); ' $_$;

            """),
        ("a $1 parameter is no dollar quote", """
            CREATE FUNCTION public.g(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1 + 1';
            SELECT $1, a$b, $2;

            """),
        ("an E'' string with escaped quotes", """
            COMMENT ON TABLE public.knex_migrations_lock IS E'it\\'s \\\\\\'; INSERT INTO public.knex_migrations_lock VALUES (1, 1); \\\\';
            SELECT e'\\\\', 'C:\\', E'\\'';

            """),
        ("a standard string ending in a backslash", """
            SELECT 'C:\\'; SELECT ';INSERT INTO public.knex_migrations_lock VALUES (1, 1);';

            """),
        ("-- comments without a blank", "--INSERT INTO public.knex_migrations_lock VALUES (1, 1);\nSELECT 1--2\n;\n"),
        ("nested block comments", "/* outer /* inner */ INSERT INTO public.knex_migrations_lock VALUES (1, 1); */\nSELECT 1;\n"),
        ("a psql meta-command at statement start", "\\encoding UTF8\n\\set x 'it''s; INSERT INTO public.knex_migrations_lock VALUES (1, 1);\n"),
        ("COPY data of another table holding lock-like lines", """
            COPY public.posts (id, body) FROM stdin;
            1\tINSERT INTO public.knex_migrations_lock VALUES (1, 1);
            COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
            1\t1
            \\\\.
            2\t\\\\.
            \\N\tit's $$ /* -- "
            3\tend\\\\
            \\.

            """),
        ("an empty COPY block of another table", "COPY public.posts (id, body) FROM stdin;\n\\.\n"),
        ("a lock table copied TO stdout", "COPY public.knex_migrations_lock TO stdout;\n"),
        ("brackets and backticks are not quotes", "SELECT ARRAY['x]'], '`';\nSELECT 1 `;\n"),
        ("rows of knex_migrations_lock_audit", "COPY public.knex_migrations_lock_audit (index, is_locked) FROM stdin;\n1\t1\n\\.\n"),
    ]

    @Test("lock-row look-alikes are left alone and the real COPY row after them is released",
          arguments: traps.map(\.name))
    func trapIsUntouched(_ name: String) throws {
        let text = Self.traps.first { $0.name == name }!.text
        let report = try expectPatch(Self.dump(text))
        #expect(report.heldLocks == [Self.knexHeld])
        #expect(report.lockRowsSeen == 1)
    }

    @Test("COPY of a lock table with options (CSV) is left as it is, with a warning")
    func copyWithOptions() throws {
        let report = try expectPatch(Self.dump(
            "COPY public.knex_migrations_lock (index, is_locked) FROM stdin WITH (FORMAT csv);\n1,1\n\\.\n"))
        #expect(report.heldLocks == [Self.knexHeld])
        #expect(report.warnings.count == 1)
    }

    @Test("a data-only COPY without a column list reads the known layout")
    func copyWithoutColumns() throws {
        let report = try expectPatch(Self.header + "COPY public.knex_migrations_lock FROM stdin;\n1\t⟦t→f⟧\n\\.\n" + Self.footer)
        #expect(report.heldLocks == [held("knex_migrations_lock", schema: "public", key: "index", "1", change("is_locked", "t", "f"))])
        #expect(report.warnings.count == 1)
    }

    @Test("the dialect is told by pg_dump's markers", arguments: [
        "--\n-- PostgreSQL database dump\n--\n",
        "\\restrict abc\n",
        "SET statement_timeout = 0;\n",
        "SELECT pg_catalog.set_config('search_path', '', false);\n",
        "COPY public.t (a) FROM stdin;\n\\.\n",
    ])
    func detection(_ head: String) throws {
        let result = try patchEveryWay(bytes(head + "INSERT INTO public.knex_migrations_lock VALUES (1, 1);\n"))
        #expect(result.report.dialect == .postgres)
        #expect(result.report.heldLocks.count == 1)
    }

    @Test("cut inside COPY data: refused at the COPY statement")
    func unterminatedCopy() throws {
        let input = bytes(Self.header + "COPY public.posts (id, body) FROM stdin;\n1\tx\n")
        let error = expectMalformed(input)
        #expect(error?.position == position(ofByte: offset(of: "COPY", in: input)!, in: input))
        #expect(error?.message.contains("COPY data") == true)
    }

    @Test("an unterminated dollar quote is refused where it opened")
    func unterminatedDollarQuote() throws {
        let input = bytes(Self.header + "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 $bod$;\n")
        let error = expectMalformed(input)
        #expect(error?.position.byte == offset(of: "$body$", in: input))
        #expect(error?.message.contains("$body$") == true)
    }

    @Test("an unterminated nested comment is refused")
    func unterminatedNestedComment() throws {
        let input = bytes(Self.header + "/* a /* b */ still open\nSELECT 1;\n")
        #expect(expectMalformed(input)?.position.byte == offset(of: "/* a", in: input))
    }

    @Test("a lock COPY line beyond the row bound is refused; other tables' lines are not bounded")
    func copyLineBound() throws {
        let long = String(repeating: "x", count: 300)
        let lock = bytes(Self.header + "COPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n1\t\(long)\n\\.\n")
        let error = expectMalformed(lock, maxLockRowBytes: 200)
        #expect(error?.position == position(ofByte: offset(of: "1\tx", in: lock)!, in: lock))
        let other = bytes(Self.header + "COPY public.posts (id, body) FROM stdin;\n1\t\(long)\n\\.\n")
        #expect(try patch(other, maxLockRowBytes: 200).output == other)
    }

    @Test("a lock COPY flag that is no plain value is refused, not guessed")
    func unrecognizedCopyFlag() throws {
        let input = bytes(Self.header + "COPY public.knex_migrations_lock (index, is_locked) FROM stdin;\n1\t\\x31\n\\.\n")
        #expect(expectMalformed(input)?.message.contains("cannot tell") == true)
    }

    /// The pg_dump sample with bytes that matter to the postgres rules sprinkled in: whatever the
    /// result, it must not depend on chunking, and the output must be the input plus the edits.
    @Test("mutated pg_dump output: the same answer for every chunking", arguments: 1...40)
    func mutatedSample(seed: UInt64) throws {
        let sample = try Data(contentsOf: Sample.directory.appendingPathComponent("knex-postgres.sql"))
        var input = [UInt8](sample)
        var random = SplitMix64(seed: seed)
        let alphabet = Array("$'\"\\\t\n\r.;()-/*Ee_1tN".utf8)
        for _ in 0..<(1 + Int(random.next() % 6)) {
            let at = Int(random.next() % UInt64(input.count))
            input.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
        }
        func outcome(_ chunking: Chunking) -> Result<([UInt8], [ByteEdit]), MalformedDump> {
            do {
                let (output, report) = try patch(input, chunking: chunking)
                return .success((output, report.edits))
            } catch let error as MalformedDump {
                return .failure(error)
            } catch {
                Issue.record("unexpected \(error)")
                return .failure(MalformedDump(.unterminatedStatement, at: SourcePosition(byte: 0, line: 0, column: 0), ""))
            }
        }
        let reference = outcome(.whole)
        for chunking in [Chunking.size(1), .random(seed: seed)] {
            switch (reference, outcome(chunking)) {
            case (.success(let a), .success(let b)):
                expectSameBytes(b.0, a.0, "seed \(seed), \(chunking):")
                #expect(b.1 == a.1)
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "seed \(seed), \(chunking)")
            default:
                Issue.record("seed \(seed): \(chunking) and whole disagree")
            }
        }
        if case .success(let (output, edits)) = reference {
            var rebuilt: [UInt8] = []
            var at = 0
            for edit in edits {
                rebuilt += input[at..<edit.offset] + edit.replacement
                at = edit.offset + edit.length
            }
            expectSameBytes(output, rebuilt + input[at...], "seed \(seed): output is not input + edits")
        }
    }

    @Test("check mode reports COPY locks and writes nothing")
    func checkMode() throws {
        let input = Template(Self.dump("")).input
        let result = try patchEveryWay(input, mode: .check)
        #expect(result.output.isEmpty)
        #expect(result.report.heldLocks == [Self.knexHeld])
    }
}
