import Foundation
import Testing
import UnlockDump

/// `Tests/ProducerDumps/X.sql` with its `X.expected.sql`: one dump in the exact style of one
/// producer (phpMyAdmin, Adminer, HeidiSQL, Navicat, mysqldump, pg_dump, ...). The directory's
/// README says what each imitates; `scripts/make-producer-dumps.py` writes both files.
struct ProducerDump: Sendable, CustomTestStringConvertible {
    var name: String
    var input: URL
    var expected: URL
    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // UnlockDumpTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("ProducerDumps")

    /// Every fixture that has an expected file, found at run time.
    static var all: [ProducerDump] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasSuffix(".sql"), !name.hasSuffix(".expected.sql") else { return nil }
            let stem = String(name.dropLast(".sql".count))
            let expected = directory.appendingPathComponent(stem + ".expected.sql")
            guard FileManager.default.fileExists(atPath: expected.path) else { return nil }
            return ProducerDump(name: stem, input: directory.appendingPathComponent(name), expected: expected)
        }
    }

    /// Fixtures committed with the matrix; fewer found means the directory or a pair went missing.
    static let minimumCount = 25

    func load() throws -> (input: [UInt8], expected: [UInt8]) {
        ([UInt8](try Data(contentsOf: input)), [UInt8](try Data(contentsOf: expected)))
    }
}

@Suite("Producer matrix")
struct ProducerMatrixTests {
    @Test("every producer fixture pair is present")
    func fixturesArePresent() {
        let found = ProducerDump.all.map(\.name)
        #expect(found.count >= ProducerDump.minimumCount, "found \(found.count) in \(ProducerDump.directory.path): \(found)")
    }

    @Test("a producer's dump patches to its expected file, whole, byte by byte and in random chunks",
          arguments: ProducerDump.all)
    func dumpMatchesExpected(_ dump: ProducerDump) throws {
        let (input, expected) = try dump.load()
        for chunking: Chunking in [.whole, .size(1), .random(seed: 31), .random(seed: 32)] {
            let result = try patch(input, chunking: chunking)
            expectSameBytes(result.output, expected, "\(dump.name), \(chunking):")
            #expect(!result.report.heldLocks.isEmpty, "\(dump.name), \(chunking): no held lock released")
            #expect(result.report.bytesRead == input.count, "\(dump.name), \(chunking)")
        }
    }

    @Test("check mode finds held locks in a producer's dump and none in its expected file",
          arguments: ProducerDump.all)
    func checkMode(_ dump: ProducerDump) throws {
        let (input, expected) = try dump.load()
        let checked = try patch(input, mode: .check, chunking: .random(seed: 33))
        #expect(!checked.report.heldLocks.isEmpty, "\(dump.name): check mode found no held lock")
        #expect(checked.output.isEmpty)
        let released = try patch(input)
        #expect(released.report.heldLocks == checked.report.heldLocks, "\(dump.name): check and release disagree")
        let checkedExpected = try patch(expected, mode: .check, chunking: .random(seed: 34))
        #expect(checkedExpected.report.heldLocks.isEmpty, "\(dump.name).expected.sql: \(checkedExpected.report.heldLocks)")
    }

    @Test("a producer's expected file patches to itself", arguments: ProducerDump.all)
    func expectedIsFixedPoint(_ dump: ProducerDump) throws {
        let (_, expected) = try dump.load()
        for chunking: Chunking in [.whole, .random(seed: 35)] {
            let result = try patch(expected, chunking: chunking)
            expectSameBytes(result.output, expected, "\(dump.name).expected.sql changed (\(chunking)):")
            #expect(result.report.heldLocks.isEmpty, "\(dump.name).expected.sql: \(result.report.heldLocks)")
        }
    }
}
