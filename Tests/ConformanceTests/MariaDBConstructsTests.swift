import Foundation
import Testing
import TestSupport

/// Issue 11, item 6, on MariaDB: a trigger, procedures and an event created under
/// `NO_BACKSLASH_ESCAPES` (where `'C:\'` is a whole string) and `ANSI_QUOTES`, tables whose names
/// end in a backslash, and held lock rows after all of them, written by the real mariadb-dump,
/// which sets each object's own sql_mode before it and restores the saved one after it. Two
/// databases of their own, made for the test and dropped after it (the other cases dump every
/// database of the source).
enum MariaDBConstructsFixture {
    static let databases = ["constructs", "constructs_late"]

    /// `constructs.knex_migrations_lock` is dumped after the trigger and before the event and the
    /// procedures; `constructs_late` comes after all of them, and its `notes` row is text that a
    /// reader still in NO_BACKSLASH_ESCAPES would take for a held lock row.
    static let locks: [LockTable] = [
        LockTable(database: "constructs", table: Table(name: "knex_migrations_lock", mariadb: "", sqlite: "",
                                                       rows: [[.int(1), .int(1)]]), kind: .knex),
        LockTable(database: "constructs_late", table: Table(name: "knex_migrations_lock", mariadb: "", sqlite: "",
                                                            rows: [[.int(1), .int(0)], [.int(2), .int(2)]]), kind: .knex),
        LockTable(database: "constructs_late", table: Table(name: "migrations_lock", mariadb: "", sqlite: "",
                                                            rows: [[.text("km01"), .int(1), .text("2025-08-26 22:44:15"), .null],
                                                                   [.text("km02"), .int(0), .null, .null]]), kind: .ghost),
    ]

    /// The rows are loaded under the server's default sql_mode (backslash escapes), the objects
    /// under their own. The event and `relock_quoted` also under ANSI_QUOTES: mariadb-dump
    /// `--compatible=ansi` writes an event's name in double quotes under the event's own sql_mode,
    /// which loads only if that mode has ANSI_QUOTES (for the procedures see `bodyConstructs`).
    static let script = #"""
        CREATE DATABASE `constructs` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
        USE `constructs`;
        CREATE TABLE `dir\` (id int PRIMARY KEY, path text);
        CREATE TABLE `stdin\` (id int PRIMARY KEY, note text);
        CREATE TABLE knex_migrations_lock (`index` int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, is_locked int DEFAULT NULL);
        INSERT INTO `dir\` VALUES (1, 'C:\\'), (2, 'it\'s \\ a path;');
        INSERT INTO `stdin\` VALUES (1, 'end end end end;'), (2, '\\.\nEND;');
        INSERT INTO knex_migrations_lock VALUES (1, 1);
        SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES';
        DELIMITER ;;
        CREATE TRIGGER dir_paths BEFORE INSERT ON `dir\` FOR EACH ROW
        BEGIN
          IF NEW.path = 'C:\' THEN SET NEW.path = 'END; INSERT INTO migrations_lock VALUES (''km01'',1,NULL,NULL);'; END IF;
        END ;;
        CREATE PROCEDURE relock()
        BEGIN
          SELECT 'C:\';
          INSERT INTO `dir\` VALUES (3, 'END; INSERT INTO migrations_lock VALUES (''km01'',1,NULL,NULL);');
          INSERT INTO knex_migrations_lock VALUES (3, 1);
        END ;;
        SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES,ANSI_QUOTES' ;;
        CREATE PROCEDURE relock_quoted()
        BEGIN
          INSERT INTO "stdin\" VALUES (4, 'C:\');
          INSERT INTO "knex_migrations_lock" VALUES (4, 1);
        END ;;
        CREATE EVENT nightly_relock ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO
        BEGIN
          INSERT INTO "stdin\" VALUES (9, 'C:\');
          INSERT INTO knex_migrations_lock VALUES (5, 1);
        END ;;
        DELIMITER ;
        SET SESSION sql_mode = DEFAULT;

        CREATE DATABASE `constructs_late` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
        USE `constructs_late`;
        CREATE TABLE knex_migrations_lock (`index` int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, is_locked int DEFAULT NULL);
        CREATE TABLE migrations_lock (lock_key varchar(191) NOT NULL PRIMARY KEY, locked tinyint(1) DEFAULT '0', acquired_at datetime DEFAULT NULL, released_at datetime DEFAULT NULL);
        CREATE TABLE notes (id int PRIMARY KEY, body text);
        INSERT INTO knex_migrations_lock VALUES (1, 0), (2, 2);
        INSERT INTO migrations_lock VALUES ('km01', 1, '2025-08-26 22:44:15', NULL), ('km02', 0, NULL, NULL);
        INSERT INTO notes VALUES (1, 'x\', 1); INSERT INTO migrations_lock VALUES (\'km09\',1,NULL,NULL); -- C:\\');
        """#

    static var schemas: String { databases.map { "'\($0)'" }.joined(separator: ",") }

    /// Each object with its sql_mode and its body in hex.
    static var objects: String {
        """
        SELECT 'trigger', TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, SQL_MODE, HEX(ACTION_STATEMENT)
          FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA IN (\(schemas))
        UNION ALL SELECT 'routine', ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, '', SQL_MODE, HEX(ROUTINE_DEFINITION)
          FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN (\(schemas))
        UNION ALL SELECT 'event', EVENT_SCHEMA, EVENT_NAME, CONCAT(INTERVAL_VALUE, ' ', INTERVAL_FIELD), STATUS, SQL_MODE, HEX(EVENT_DEFINITION)
          FROM information_schema.EVENTS WHERE EVENT_SCHEMA IN (\(schemas))
        ORDER BY 1, 2, 3;
        """
    }

    static let expectedObjects = [
        "event constructs nightly_relock ANSI_QUOTES,NO_BACKSLASH_ESCAPES",
        "routine constructs relock NO_BACKSLASH_ESCAPES",
        "routine constructs relock_quoted ANSI_QUOTES,NO_BACKSLASH_ESCAPES",
        "trigger constructs dir_paths NO_BACKSLASH_ESCAPES",
    ]

    static func load(into server: MariaDBServer) throws {
        try server.sql(script)
        for lock in locks {
            let rows = try server.sql(lock.canonicalQuery(.mariadb, qualified: true)).split(separator: "\n").map(String.init).sorted()
            let written = lock.table.rows.map(LockTable.canonical).sorted()
            guard rows == written else {
                throw MariaDBFixture.FixtureMismatch(table: "\(lock.database).\(lock.table.name)", read: rows, written: written)
            }
        }
    }
}

extension MariaDBConformanceTests {
    static let constructCases: [[String]] = [
        ["--routines", "--triggers", "--events"],
        ["--routines", "--triggers", "--events", "--compatible=ansi", "--default-character-set=utf8mb4"],
    ]

    /// `mariadb-dump --routines --triggers --events --databases constructs constructs_late`, also
    /// with `--compatible=ansi`: the held rows after the objects are released, nothing inside a
    /// body changes, the mariadb client restores it, and the objects, their sql_modes and bodies,
    /// and every other table read as the source's.
    @Test(arguments: constructCases)
    func bodyConstructs(_ options: [String]) throws {
        let servers = try MariaDBServers.pair()
        let source = servers.source, target = servers.target
        let scratch = try Scratch(prefix: "unlockdump-conformance")
        let fixture = MariaDBConstructsFixture.self
        let ansi = options.contains("--compatible=ansi")
        let drop = fixture.databases.map { "DROP DATABASE IF EXISTS `\($0)`;" }.joined(separator: "\n")
        try source.sql(drop)
        try target.sql(drop)
        defer { _ = try? source.sql(drop); _ = try? target.sql(drop) }
        try fixture.load(into: source)

        let original = scratch.path("constructs.sql")
        try source.dump(options + ["--databases"] + fixture.databases, to: original)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: original)), as: UTF8.self)
        // The shapes the case is about.
        var shapes = [
            "/*!50003 SET sql_mode              = 'NO_BACKSLASH_ESCAPES' */ ;\nDELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER dir_paths BEFORE INSERT ON `dir\\` FOR EACH ROW\nBEGIN\n  IF NEW.path = 'C:\\' THEN",
            "/*!50003 SET sql_mode              = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES' */ ;;\n",
            " PROCEDURE `relock`()\nBEGIN\n  SELECT 'C:\\';\n",
            "/*!50003 SET sql_mode              = @saved_sql_mode */ ;\n",
        ]
        if ansi {
            shapes += ["SQL_MODE='NO_AUTO_VALUE_ON_ZERO,ANSI' */;", "INSERT INTO \"dir\\\" VALUES\n(1,'C:\\\\'),\n(2,'it\\'s \\\\ a path;');",
                       "/*!50003 DROP PROCEDURE IF EXISTS \"relock\" */;"]
        } else {
            shapes += ["INSERT INTO `dir\\` VALUES\n(1,'C:\\\\'),\n(2,'it\\'s \\\\ a path;');"]
        }
        for shape in shapes {
            #expect(text.contains(shape), "mariadb-dump did not write `\(shape)`")
        }
        let routines = try #require(text.range(of: "-- Dumping routines for database 'constructs'"))
        let lateRows = try #require(text.range(of: "\n(2,2);\n"))
        #expect(routines.upperBound < lateRows.lowerBound, "the held rows of constructs_late are not after the routines")

        let patched = try RoundTrip.patch(original, dialect: .mysql, database: nil, locks: fixture.locks)
        if ansi {
            // mariadb-dump --compatible=ansi writes `DROP PROCEDURE IF EXISTS "relock"` after
            // switching to the procedure's own sql_mode, which has no ANSI_QUOTES: the server
            // refuses that line of the original dump as well (the byte difference above is the
            // held rows only). It drops nothing in a fresh database; every other statement must
            // succeed, so `--force` and exactly that one error.
            let restore = try target.restore(patched, extra: ["--force"])
            let errors = restore.stderrLines.filter { $0.hasPrefix("ERROR") }
            #expect(errors.count == 1 && errors.allSatisfy { $0.contains("near '\"relock\" */'") },
                    "restoring the --compatible=ansi dump: \(restore.stderr)")
        } else {
            try target.restore(patched)
        }

        // 1. Every lock row is released as the rules say; rows not held are untouched.
        for lock in fixture.locks {
            let rows = try target.sql(lock.canonicalQuery(.mariadb, qualified: true)).split(separator: "\n").map(String.init).sorted()
            #expect(rows == lock.expectedAfterRelease, "\(lock.database).\(lock.table.name) after restore")
        }
        // 2. The trigger, procedures and event, their sql_modes and bodies, as in the source.
        let objects = try source.sql(fixture.objects)
        let named = objects.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return [fields[0], fields[1], fields[2], fields[5]].joined(separator: " ")
        }
        #expect(named == fixture.expectedObjects, "the source's objects: \(objects)")
        let restoredObjects = try target.sql(fixture.objects)
        #expect(restoredObjects == objects, "objects differ after restore: \(Self.difference(objects, restoredObjects))")
        // 3. Every other table: the same tables, and the same CHECKSUM TABLE.
        let tableList = "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN (\(fixture.schemas)) ORDER BY 1, 2;"
        // `--raw`: the names as they are (batch mode would print `dir\` as `dir\\`).
        let tables = try source.sql(tableList, extra: ["--raw"])
        #expect(try target.sql(tableList, extra: ["--raw"]) == tables, "the restored databases hold other tables")
        let lockNames = Set(fixture.locks.map { "\($0.database)\t\($0.table.name)" })
        let others = tables.split(separator: "\n").map(String.init).filter { !lockNames.contains($0) }
        #expect(others.count == 3, "\(others)")
        let checksum = "CHECKSUM TABLE " + others.map { name in
            name.split(separator: "\t").map { "`\($0)`" }.joined(separator: ".")
        }.joined(separator: ", ") + ";"
        let sourceSums = try source.sql(checksum)
        #expect(sourceSums.split(separator: "\n").count == 3, "\(sourceSums)")
        #expect(try target.sql(checksum) == sourceSums, "CHECKSUM TABLE differs after restore")
    }
}
