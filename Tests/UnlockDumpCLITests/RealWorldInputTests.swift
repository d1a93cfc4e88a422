import Foundation
import TestSupport
import Testing

/// What users hand the binary that 1.0 misread, made with the real tools where there is one:
/// tar archives (also gzip-compressed, as hosting panels ship them), UTF-16 text from
/// PowerShell's redirection, lz4; and the report's database, schema and truncation warning.
@Suite struct RealWorldInputTests {
    static let heldDump = "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n"
        + "INSERT INTO `migrations_lock` VALUES ('km01',1,NULL,NULL);\n\n-- Dump completed on 2026-12-01 10:00:00\n"

    private func tool(_ name: String) throws -> URL {
        try #require(Subprocess.which(name), "\(name) is needed (scripts/test.sh installs it)")
    }

    /// Runs `tool arguments` in `directory`, expecting success.
    private func make(_ name: String, _ arguments: [String], in directory: URL, stdin: Subprocess.Input = .none) throws -> Data {
        let result = try Subprocess.run(try tool(name), arguments, stdin: stdin, in: directory)
        try #require(result.status == 0, "\(name) \(arguments): \(result.stderr)")
        return result.stdout
    }

    /// Exit 3 both ways (release and --check), the message naming the format; the output file untouched.
    private func expectRefused(_ path: String, in scratch: Scratch, saying parts: [String]) throws {
        for extra in [["-o", "out.sql"], ["--check"]] {
            let result = try Unlockdump.run(extra + [path], in: scratch.url)
            #expect(result.status == 3, "\(extra): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            for part in parts { #expect(result.stderr.contains(part), "\(result.stderr)") }
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.sql").path))
    }

    @Test func tarOfADumpIsRefusedWithTheExtractCommand() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("backup"), withIntermediateDirectories: true)
        try scratch.write("backup/ghost.sql", Self.heldDump)
        _ = try make("tar", ["cf", "site.tar", "backup/ghost.sql"], in: scratch.url)
        _ = try make("tar", ["czf", "site.tar.gz", "backup/ghost.sql"], in: scratch.url)
        for archive in ["site.tar", "site.tar.gz"] {
            try expectRefused(archive, in: scratch, saying: [
                "unlockdump: \(archive):1:1: not a SQL dump: the input is a tar archive (first member: backup/ghost.sql)",
                "tar -xOf FILE backup/ghost.sql | unlockdump",
            ])
        }
        // The hint works: the member streams through and is patched.
        let member = try make("tar", ["-xOf", "site.tar.gz", "backup/ghost.sql"], in: scratch.url)
        let patched = try Unlockdump.run(["-q"], stdin: .data(member))
        #expect(patched.status == 0)
        #expect(patched.stdoutText == Self.heldDump.replacingOccurrences(of: "'km01',1,", with: "'km01',0,"))
    }

    @Test func utf16FromPowerShellIsRefusedWithTheIconvCommand() throws {
        let scratch = try Scratch()
        let iconv = try tool("iconv")
        let withBOM = try Subprocess.run(iconv, ["-f", "UTF-8", "-t", "UTF-16"], stdin: .data(Data(Self.heldDump.utf8)))
        #expect(withBOM.stdout.prefix(2) == Data([0xFF, 0xFE]), "iconv -t UTF-16 writes little-endian with a BOM here")
        try scratch.write("ps.sql", withBOM.stdout)
        try expectRefused("ps.sql", in: scratch, saying: ["UTF-16LE", "iconv -f UTF-16 -t UTF-8 FILE | unlockdump"])
        let bare = try Subprocess.run(iconv, ["-f", "UTF-8", "-t", "UTF-16BE"], stdin: .data(Data(Self.heldDump.utf8)))
        try scratch.write("be.sql", bare.stdout)
        try expectRefused("be.sql", in: scratch, saying: ["UTF-16BE", "iconv -f UTF-16BE -t UTF-8"])
        // The hint works.
        let converted = try Subprocess.run(iconv, ["-f", "UTF-16", "-t", "UTF-8"], stdin: .data(withBOM.stdout))
        #expect(try Unlockdump.run(["--check"], stdin: .data(converted.stdout)).status == 1)
    }

    @Test func lz4IsNamed() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Self.heldDump)
        _ = try make("lz4", ["-q", "dump.sql", "dump.sql.lz4"], in: scratch.url)
        try expectRefused("dump.sql.lz4", in: scratch, saying: ["lz4-compressed", "lz4 -dc FILE | unlockdump"])
    }

    @Test func truncationIsReportedInTextJSONAndCheck() throws {
        let cut = String(Self.heldDump.prefix { $0 != "\n" }) + "\nINSERT INTO `migrations_lock` VALUES ('km01',1,NULL,NULL);\n"
        let text = try Unlockdump.run([], stdin: .data(Data(cut.utf8)))
        #expect(text.status == 0)
        #expect(text.stderr.contains("unlockdump: warning: the dump looks truncated: its header is mysqldump's, but it does not end with '-- Dump completed'"), "\(text.stderr)")
        let check = try Unlockdump.run(["--check"], stdin: .data(Data(cut.utf8)))
        #expect(check.status == 1)
        #expect(check.stderr.contains("looks truncated"))
        let json = try Unlockdump.run(["--report", "json"], stdin: .data(Data(cut.utf8)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any])
        #expect((object["warnings"] as? [String])?.contains { $0.contains("looks truncated") } == true)
        let complete = try Unlockdump.run(["--check"], stdin: .data(Data(Self.heldDump.utf8)))
        #expect(!complete.stderr.contains("truncated"))
    }

    @Test func pgDumpallDatabasesAndSchemasAreReportedApart() throws {
        let dump = """
            --
            -- PostgreSQL database cluster dump
            --

            \\connect app

            COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
            1\t1
            \\.

            \\connect billing

            COPY public.knex_migrations_lock (index, is_locked) FROM stdin;
            1\t1
            \\.

            --
            -- PostgreSQL database cluster dump complete
            --

            """
        let text = try Unlockdump.run(["--check"], stdin: .data(Data(dump.utf8)))
        #expect(text.status == 1)
        #expect(text.stderrLines.contains("unlockdump: app.public.knex_migrations_lock: index 1 is held (is_locked = 1)"), "\(text.stderr)")
        #expect(text.stderrLines.last == "unlockdump: 2 held locks in 2 tables (\(dump.utf8.count) bytes read)", "\(text.stderr)")
        let json = try Unlockdump.run(["--check", "--report", "json"], stdin: .data(Data(dump.utf8)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any])
        let tables = try #require(object["tables"] as? [[String: Any]])
        #expect(tables.map { $0["database"] as? String } == ["app", "billing"])
        #expect(tables.map { $0["schema"] as? String } == ["public", "public"])
        #expect(tables.map { $0["table"] as? String } == ["knex_migrations_lock", "knex_migrations_lock"])
        let locks = try #require(object["held_locks"] as? [[String: Any]])
        #expect(locks.map { $0["database"] as? String } == ["app", "billing"])
        #expect(locks.map { $0["family"] as? String } == ["knex", "knex"])
        #expect(locks.map { $0["recognized_by"] as? String } == ["name", "name"])
    }

    @Test func renamedLockTableIsSaidToBeRecognisedByItsColumns() throws {
        let dump = "-- MySQL dump 10.13\nCREATE TABLE `app_lock` (`index` int, `is_locked` int);\nINSERT INTO `app_lock` VALUES (1,1);\n-- Dump completed\n"
        let result = try Unlockdump.run(["--report", "json"], stdin: .data(Data(dump.utf8)))
        #expect(result.stdoutText == dump.replacingOccurrences(of: "(1,1)", with: "(1,0)"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        let locks = try #require(object["held_locks"] as? [[String: Any]])
        #expect(locks.first?["recognized_by"] as? String == "columns")
        #expect((object["warnings"] as? [String]) == ["app_lock is read as knex's lock table: not its usual name, but exactly its columns (index, is_locked)"])
    }
}
