import Foundation
import TestSupport
import Testing
@testable import UnlockDump

// The lexer's fast path (`skipInert`, `insertHead`) against the slow reference that lexes every
// byte through the state switch: the same output, report and error on every input, every
// chunking. Inputs: the producer fixtures, the samples, the fuzz seeds, random dumps, cases
// written at the fast path's edges, and mutations of all of them.

/// What one run gave: the output and the report, or the error.
private struct Outcome: Equatable {
    var output: [UInt8] = []
    var heldLocks: [HeldLock] = []
    var edits: [ByteEdit] = []
    var warnings: [String] = []
    var tables: [LockTableSummary] = []
    var lockRowsSeen = 0
    var dialect: Dialect?
    var error: String?
}

private func run(_ input: [UInt8], dialect: Dialect?, fast: Bool, chunking: Chunking) -> Outcome {
    var options = PatchOptions(dialect: dialect, recordsEdits: true)
    options.skipsInertRuns = fast
    do {
        let (output, report) = try patch(input, options: options, chunking: chunking)
        return Outcome(
            output: output, heldLocks: report.heldLocks, edits: report.edits, warnings: report.warnings,
            tables: report.tables, lockRowsSeen: report.lockRowsSeen, dialect: report.dialect)
    } catch {
        return Outcome(error: "\(error)")
    }
}

private func expectSameAsReference(
    _ input: [UInt8], dialect: Dialect? = nil, chunkings: [Chunking] = Chunking.standard, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let reference = run(input, dialect: dialect, fast: false, chunking: .whole)
    for chunking in chunkings {
        let fast = run(input, dialect: dialect, fast: true, chunking: chunking)
        guard fast != reference else { continue }
        let what = fast.output != reference.output
            ? firstDifference(fast.output, reference.output)
            : "error \(fast.error ?? "none") vs \(reference.error ?? "none"); held \(fast.heldLocks.count) vs \(reference.heldLocks.count); warnings \(fast.warnings) vs \(reference.warnings)"
        Issue.record("\(label) (\(String(describing: dialect)), \(chunking)): fast path differs from the reference: \(what)", sourceLocation: sourceLocation)
        return
    }
}

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func sqlFiles(in directory: String) -> [(name: String, bytes: [UInt8])] {
    let url = root.appendingPathComponent(directory)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
        .filter { $0.hasSuffix(".sql") && !$0.hasSuffix(".expected.sql") }.sorted()
    return names.compactMap { name in
        (try? Data(contentsOf: url.appendingPathComponent(name))).map { (directory + "/" + name, [UInt8]($0)) }
    }
}

/// Bytes the fast path stops at or must not skip past, for the mutations.
private let specials = Array("'\"`[]();$\\-/#*\nEe.,!M".utf8)

@Suite("The lexer's fast path gives exactly what the reference lexer gives")
struct FastPathOracleTests {
    static let corpus = sqlFiles(in: "Tests/ProducerDumps") + sqlFiles(in: "samples") + sqlFiles(in: "scripts/fuzz/seeds")

    @Test("the corpus exists")
    func corpusFound() {
        #expect(Self.corpus.count >= 40, "found \(Self.corpus.count) dumps")
    }

    @Test("producer dumps, samples and fuzz seeds")
    func corpusFiles() {
        for file in Self.corpus {
            expectSameAsReference(file.bytes, file.name)
            for dialect in Dialect.allCases {
                expectSameAsReference(file.bytes, dialect: dialect, chunkings: [.whole, .random(seed: 5)], file.name)
            }
        }
    }

    @Test("random dumps", arguments: Dialect.allCases)
    func randomDumps(_ dialect: Dialect) {
        for seed in UInt64(0)..<60 {
            let dump = RandomDumpGenerator.generate(dialect: dialect, seed: seed &* 104_729 &+ 3)
            expectSameAsReference(dump.input, dialect: dialect, chunkings: [.whole, .size(3), .random(seed: seed)], "random seed \(seed)")
        }
    }

    @Test("mutations: special bytes written over, bytes dropped, inputs cut short")
    func mutations() {
        var rng = SplitMix64(seed: 0x5EED)
        for file in Self.corpus where file.bytes.count < 64 * 1024 {
            for round in 0..<12 {
                var bytes = file.bytes
                for _ in 0..<(1 + Int(rng.next() % 4)) where !bytes.isEmpty {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    switch rng.next() % 3 {
                    case 0: bytes[at] = specials[Int(rng.next() % UInt64(specials.count))]
                    case 1: bytes.remove(at: at)
                    default: bytes.removeSubrange(at...)
                    }
                }
                expectSameAsReference(bytes, chunkings: [.whole, .random(seed: UInt64(round))], "\(file.name) mutation \(round)")
            }
        }
    }

    @Test("rows of short strings crossed 64 bytes a step: quotes doubled, escaped and cut anywhere", arguments: Dialect.allCases)
    func stringBlocks(_ dialect: Dialect) {
        var rng = SplitMix64(seed: 0xB10C + UInt64(dialect.hashValue & 0xFF))
        let pieces = ["'a'", "'b''c'", "''", "'d\\'", "'e\\'f'", "'g;h'", "'-/#\"`['", "1", ",", "(", ")", " ", "x", "'''", "\\"]
        for round in 0..<150 {
            var text = "INSERT INTO t VALUES "
            for _ in 0..<(20 + Int(rng.next() % 300)) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            text += ";\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n"
            let cut = Int(rng.next() % 64)
            expectSameAsReference(
                Array(text.utf8), dialect: dialect, chunkings: [.whole, .size(64), .size(65), .cuts([cut, cut + 64, cut + 129]), .random(seed: UInt64(round))],
                "string blocks round \(round)")
        }
    }

    @Test("where the fast path stops or hands over", arguments: Self.edgeCases)
    func edges(_ text: String) {
        for dialect in Dialect.allCases {
            expectSameAsReference(Array(text.utf8), dialect: dialect, chunkings: Chunking.standard + [.size(2), .size(16), .size(17)], text)
        }
    }

    static let edgeCases = [
        // Escape strings and dollar quotes after a word (postgres), also cut at any byte.
        "INSERT INTO t VALUES (E'a\\'b;', 1);\nINSERT INTO migrations_lock VALUES ('k', 1, NULL, NULL);\n",
        "INSERT INTO t VALUES (e'\\\\', x$a$b, $q$;'$q$, $1);\nINSERT INTO migrations_lock VALUES ('k', 1, NULL, NULL);\n",
        "INSERT INTO t VALUES (abcE'x;', 'y');\nINSERT INTO migrations_lock VALUES ('k', 1, NULL, NULL);\n",
        // Doubled and escaped quotes, brackets, backticks, strings at the chunk's end.
        "INSERT INTO t VALUES ('it''s;', \"a\"\"b;\", `c``d;`, [e;]);\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "INSERT INTO t VALUES ('a\\\\', 'b\\';', '\\\\\\'');\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        // Comments and operators inside skipped statements.
        "INSERT INTO t VALUES (1--1, 2 -- c;\n, 3 /* ; */, 4 # ;\n);\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "INSERT INTO t VALUES (1 /* a /* b */ ; */);\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        // Heads the one-go path must leave to the state switch, and names it must read as the switch does.
        "INSERT IGNORE INTO t VALUES (1);\nINSERT /* c */ INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "insert into `migrations_lock` values ('k',1,NULL,NULL);\nREPLACE INTO \"migrations_lock\" VALUES ('k',1,NULL,NULL);\n",
        "INSERT INTO ghost.migrations_lock VALUES ('k',1,NULL,NULL);\nINSERT INTO ghost . migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "INSERT INTO `ghost`.`migrations_lock`(`lock_key`,`locked`) VALUES ('k',1);\nINSERT INTO [migrations_lock] VALUES ('k',1,NULL,NULL);\n",
        "INSERT INTO `a``b` VALUES (1);\nINSERT INTO \"x\"\"y\" VALUES (2);\nINSERT INTO a.b.c VALUES (3);\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        // A name part that is a dollar quote or runs into a quote is no name (found by the fuzzer).
        "INSERT INTO \"public\".$body$\"paths\" VALUES (1, 'C:\\x\\');\nINSERT INTO t VALUES (2, '$body$');\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "INSERT INTO e'x\\'y' VALUES (1);\nINSERT INTO $a$ x $a$ VALUES (1);\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "INSERT\tINTO\nmigrations_lock\r\nVALUES ('k',1,NULL,NULL);\nINSERT INTO migrations_lock;\nINSERT INTO",
        // Statement ends the fast path must not skip: triggers, parentheses, BEGIN ATOMIC, DELIMITER.
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO u VALUES (1); END;\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "CREATE RULE r AS ON INSERT TO t DO (INSERT INTO u VALUES (1); INSERT INTO v VALUES (2));\nINSERT INTO migrations_lock VALUES ('k', 1, NULL, NULL);\n",
        "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END;\nINSERT INTO migrations_lock VALUES ('k', 1, NULL, NULL);\n",
        "DELIMITER $$\nCREATE PROCEDURE p() BEGIN INSERT INTO t VALUES ('$'); END$$\nDELIMITER ;\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "DELIMITER ;;\nINSERT INTO t VALUES (';'), (\";;\");;\nDELIMITER ;\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        // A one-byte delimiter that is a word byte ends a statement inside a word, as the client
        // splits it (found by the fuzzer: `VALUES` ends at its `A`).
        "DELIMITER A\nINSERT INTO t VALUES (1)A\nDELIMITER ;\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "DELIMITER A\ng R ;L,N;\n\nINSERT INTO `migrations_lock` VALUES ('e',1,NULL,N;\n",
        // sql_mode changes the string rules of the statements that follow.
        "SET sql_mode='NO_BACKSLASH_ESCAPES';\nINSERT INTO t VALUES ('a\\', 'b');\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        "/*!40101 SET SQL_MODE='ANSI_QUOTES' */;\nINSERT INTO \"t\" VALUES (\"a\\\", 'b');\nINSERT INTO migrations_lock VALUES ('k',1,NULL,NULL);\n",
        // psql meta-commands and COPY data next to skipped statements.
        "\\connect other\nINSERT INTO t VALUES ('\\x');\nCOPY public.migrations_lock (lock_key, locked, acquired_at, released_at) FROM stdin;\nk\t1\t\\N\t\\N\n\\.\n",
        // Unterminated constructs in skipped statements: the same error, at the same place.
        "INSERT INTO t VALUES ('never closed);\n",
        "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (/* never closed);\n",
        "INSERT INTO t VALUES ($x$ never closed);\n",
        "INSERT INTO t VALUES (1)",
    ]
}
