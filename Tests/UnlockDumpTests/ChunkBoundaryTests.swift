import TestSupport
import Testing
import UnlockDump

/// Chunk boundaries never change the output: dense dumps full of multi-byte tokens, cut at every
/// single offset.
@Suite("Chunk boundaries anywhere")
struct ChunkBoundaryTests {
    static let mysqlCorpus = Template(input: [0xEF, 0xBB, 0xBF], expected: [0xEF, 0xBB, 0xBF]) + Template(
        "-- MySQL dump 10.13\r\n# it's\n/*!40101 SET NAMES utf8mb4 */;\n"
        + "/*M!100100 INSERT INTO migrations_lock VALUES ('x',1,NULL,NULL) */;\n"
        + "INSERT INTO `posts` VALUES (1,'it\\'s '' \\\\',\"q\\\"\"),(2,_binary 'a\\0');\n"
        + "DELIMITER ;;\nINSERT INTO migrations_lock VALUES ('d',1,NULL,NULL);;\nDELIMITER ;\n"
        + "INSERT INTO `migrations_lock` VALUES ('a',⟦_binary '\u{01}'→_binary '\\0'⟧,NULL,NULL),('b',⟦b'1'→b'0'⟧,NULL,NULL),\n"
        + "('c',⟦0x01→0x00⟧,NULL,NULL),('d',⟦TRUE→FALSE⟧,NULL,NULL),('e',⟦'\u{01}'→'\\0'⟧,NULL,NULL),('f',0,NULL,NULL);\n"
        + "INSERT /**/ INTO `DATABASECHANGELOGLOCK` VALUES (1,⟦1→0⟧,⟦'2025-01-01'→NULL⟧,⟦'h\\'o'→NULL⟧);\n"
        + "-- end")

    static let sqliteCorpus = Template(
        "PRAGMA foreign_keys=OFF;\r\nBEGIN TRANSACTION;\n"
        + "CREATE TRIGGER t AFTER INSERT ON p BEGIN INSERT INTO migrations_lock VALUES('t',1,NULL,NULL); END;\n"
        + "INSERT INTO p VALUES('C:\\','it''s',replace('a\\nb','\\n',char(10)),X'00ff');\n"
        + "INSERT INTO migrations_lock VALUES(unistr('k\\u000a'),⟦X'01'→X'00'⟧,NULL,NULL);\n"
        + "INSERT INTO \"migrations_lock\"(rowid,lock_key,locked,acquired_at,released_at) VALUES(2,'r',⟦'1'→'0'⟧,NULL,NULL);\n"
        + "INSERT INTO DATABASECHANGELOGLOCK VALUES(1,⟦1→0⟧,⟦'2025'→NULL⟧,⟦replace('h\\nx','\\n',char(10))→NULL⟧);\n"
        + "COMMIT;\n")

    static let corpora: [(Dialect, Template)] = [(.mysql, mysqlCorpus), (.sqlite, sqliteCorpus)]

    @Test("the corpus patches as marked", arguments: corpora)
    func corpusPatches(_ dialect: Dialect, _ corpus: Template) throws {
        let report = try expectPatch(corpus, dialect: dialect)
        #expect(report.heldLocks.count == (dialect == .mysql ? 6 : 3))
    }

    @Test("one cut at every offset gives the same output", arguments: corpora)
    func everySingleCut(_ dialect: Dialect, _ corpus: Template) throws {
        for cut in 1..<corpus.input.count {
            let result = try patch(corpus.input, dialect: dialect, chunking: .cuts([cut]))
            expectSameBytes(result.output, corpus.expected, "cut at \(cut):")
            #expect(result.report.heldLocks.count == (dialect == .mysql ? 6 : 3), "cut at \(cut)")
        }
    }

    @Test("random three-way cuts and empty chunks give the same output", arguments: corpora)
    func randomCutsWithEmptyChunks(_ dialect: Dialect, _ corpus: Template) throws {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<100 {
            let a = rng.int(1...(corpus.input.count - 1))
            let b = rng.int(1...(corpus.input.count - 1))
            let cuts = [min(a, b), min(a, b), max(a, b), max(a, b)]  // the repeats feed empty chunks
            let result = try patch(corpus.input, dialect: dialect, chunking: .cuts(cuts))
            expectSameBytes(result.output, corpus.expected, "cuts \(cuts):")
        }
    }

    @Test("auto-detection gives the same dialect however the first bytes are cut", arguments: corpora)
    func detectionAcrossCuts(_ dialect: Dialect, _ corpus: Template) throws {
        for cut in 1..<min(60, corpus.input.count) {
            let result = try patch(corpus.input, dialect: nil, chunking: .cuts([cut]))
            #expect(result.report.dialect == dialect, "cut at \(cut)")
            expectSameBytes(result.output, corpus.expected, "cut at \(cut):")
        }
    }
}
