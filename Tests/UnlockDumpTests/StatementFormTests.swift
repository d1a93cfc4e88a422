import Testing
import UnlockDump

@Suite("INSERT statement shapes that carry lock rows")
struct StatementFormTests {
    static let forms: [(Dialect, String)] = [
        (.mysql, "INSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);"),
        (.mysql, "INSERT IGNORE INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);"),
        (.mysql, "REPLACE INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL);"),
        (.mysql, "insert into migrations_lock values ('km01',⟦1→0⟧,NULL,NULL);"),
        (.mysql, "Insert Ignore Into `migrations_lock` Values('km01',⟦1→0⟧,null,null);"),
        (.mysql, "INSERT /* x */ INTO migrations_lock -- y\n VALUES ('km01',⟦1→0⟧,NULL,NULL);"),
        (.mysql, "INSERT/*a*/INTO/*b*/`migrations_lock`/*c*/VALUES/*d*/(/*e*/'km01'/*f*/,/*g*/⟦1→0⟧/*h*/,NULL,NULL)/*i*/;"),
        (.mysql, "INSERT # hash comment\nINTO `migrations_lock`\n\tVALUES\n(\n'km01' , ⟦1→0⟧ , NULL , NULL\n)\n;"),
        (.mysql, "INSERT INTO `migrations_lock` VALUES ('km01',⟦1→0⟧,NULL,NULL) ;"),
        (.sqlite, "INSERT INTO migrations_lock VALUES('km01',⟦1→0⟧,NULL,NULL);"),
        (.sqlite, "INSERT OR REPLACE INTO migrations_lock VALUES('km01',⟦1→0⟧,NULL,NULL);"),
        (.sqlite, "REPLACE INTO \"migrations_lock\" VALUES('km01',⟦1→0⟧,NULL,NULL);"),
        (.sqlite, "insert or ignore into migrations_lock values('km01',⟦1→0⟧,NULL,NULL);"),
        (.sqlite, "INSERT /* x */ INTO migrations_lock -- y\n VALUES('km01',⟦1→0⟧,NULL,NULL);"),
    ]

    @Test("insert statement forms are patched", arguments: forms)
    func statementForms(_ dialect: Dialect, _ statement: String) throws {
        let report = try expectPatch(
            Fixtures.header(dialect) + Fixtures.ghostCreate(dialect) + statement + "\n" + Fixtures.footer(dialect),
            dialect: dialect)
        #expect(report.heldLocks.map(\.displayedKey) == ["'km01'"])
    }

    @Test("extended insert on one line: only the held rows change")
    func extendedInsertOneLine() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + Fixtures.ghostCreateMySQL + """
            INSERT INTO `migrations_lock` VALUES ('a',⟦1→0⟧,'2025-01-01 00:00:00',NULL),('b',0,NULL,'2025-01-01 00:00:00'),('c',⟦TRUE→FALSE⟧,NULL,NULL),('d',NULL,NULL,NULL);

            """ + Fixtures.mysqlFooter, dialect: .mysql)
        #expect(report.heldLocks.map(\.displayedKey) == ["'a'", "'c'"])
        #expect(report.lockRowsSeen == 4)
    }

    @Test("extended insert with a row a line (MariaDB >= 10.7): only the held rows change")
    func extendedInsertRowPerLine() throws {
        let report = try expectPatch(Fixtures.mariadbHeader + Fixtures.ghostCreateMySQL + """
            INSERT INTO `migrations_lock` VALUES
            ('a',⟦1→0⟧,'2025-01-01 00:00:00',NULL),
            ('b',0,NULL,NULL),
            ('c',⟦1→0⟧,NULL,NULL);

            """ + Fixtures.mysqlFooter, dialect: .mysql)
        #expect(report.heldLocks.map(\.displayedKey) == ["'a'", "'c'"])
        #expect(report.lockRowsSeen == 3)
    }

    @Test("a long insert split into several statements: rows of every statement are seen")
    func splitExtendedInserts() throws {
        let report = try expectPatch(Fixtures.mysqlHeader + Fixtures.ghostCreateMySQL + """
            INSERT INTO `migrations_lock` VALUES ('a',0,NULL,NULL),('b',⟦1→0⟧,NULL,NULL);
            INSERT INTO `migrations_lock` VALUES ('c',⟦1→0⟧,NULL,NULL),('d',0,NULL,NULL);

            """, dialect: .mysql)
        #expect(report.heldLocks.map(\.displayedKey) == ["'b'", "'c'"])
        #expect(report.lockRowsSeen == 4)
    }
}
