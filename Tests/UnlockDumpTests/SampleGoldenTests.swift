import Foundation
import Testing
import UnlockDump

/// `samples/X.sql` with its `samples/X.expected.sql`, at the package root.
struct Sample: Sendable, CustomTestStringConvertible {
    var name: String
    var input: URL
    var expected: URL
    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // UnlockDumpTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("samples")

    /// Every sample that has an expected file, found at run time.
    static var all: [Sample] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasSuffix(".sql"), !name.hasSuffix(".expected.sql") else { return nil }
            let stem = String(name.dropLast(".sql".count))
            let expected = directory.appendingPathComponent(stem + ".expected.sql")
            guard FileManager.default.fileExists(atPath: expected.path) else { return nil }
            return Sample(name: stem, input: directory.appendingPathComponent(name), expected: expected)
        }
    }

    func load() throws -> (input: [UInt8], expected: [UInt8]) {
        ([UInt8](try Data(contentsOf: input)), [UInt8](try Data(contentsOf: expected)))
    }
}

@Suite("Golden samples")
struct SampleGoldenTests {
    @Test("at least three samples with expected output are present")
    func samplesArePresent() {
        #expect(Sample.all.count >= 3, "found \(Sample.all.map(\.name)) in \(Sample.directory.path)")
    }

    @Test("a sample patches to its expected file, whole, byte by byte and in random chunks", arguments: Sample.all)
    func sampleMatchesExpected(_ sample: Sample) throws {
        let (input, expected) = try sample.load()
        var chunkings: [Chunking] = [.whole, .random(seed: 7), .random(seed: 8), .size(4096)]
        if input.count < 1 << 20 { chunkings.append(.size(1)) }
        for chunking in chunkings {
            let result = try patch(input, chunking: chunking)
            expectSameBytes(result.output, expected, "\(sample.name), \(chunking):")
            #expect(!result.report.heldLocks.isEmpty, "\(sample.name), \(chunking): no held lock released")
            #expect(result.report.bytesRead == input.count)
        }
    }

    @Test("check mode finds the held locks of a sample and writes nothing", arguments: Sample.all)
    func sampleCheckMode(_ sample: Sample) throws {
        let (input, _) = try sample.load()
        let checked = try patch(input, mode: .check, chunking: .random(seed: 11))
        #expect(checked.report.heldLocks.count >= 1)
        #expect(checked.output.isEmpty)
        let released = try patch(input)
        #expect(released.report.heldLocks == checked.report.heldLocks)
    }

    @Test("an expected file holds no lock and passes through unchanged", arguments: Sample.all)
    func expectedIsFixedPoint(_ sample: Sample) throws {
        let (_, expected) = try sample.load()
        let result = try patch(expected, chunking: .random(seed: 12))
        expectSameBytes(result.output, expected, "\(sample.name).expected.sql changed:")
        #expect(result.report.heldLocks.isEmpty, "\(result.report.heldLocks)")
        let checked = try patch(expected, mode: .check)
        #expect(checked.report.heldLocks.isEmpty)
    }
}
