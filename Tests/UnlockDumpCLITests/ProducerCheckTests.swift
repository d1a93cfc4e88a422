import Foundation
import TestSupport
import Testing

/// The producer matrix (`Tests/ProducerDumps`) through the built binary: `--check` exits 1 on each
/// producer's dump and 0 on its expected file, and a plain run writes the expected file on stdout.
struct ProducerFixture: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var expected: String
    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // UnlockDumpCLITests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("ProducerDumps")

    static var all: [ProducerFixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasSuffix(".sql"), !name.hasSuffix(".expected.sql") else { return nil }
            let stem = String(name.dropLast(".sql".count))
            let expected = directory.appendingPathComponent(stem + ".expected.sql").path
            guard FileManager.default.fileExists(atPath: expected) else { return nil }
            return ProducerFixture(name: stem, input: directory.appendingPathComponent(name).path, expected: expected)
        }
    }
}

@Suite struct ProducerCheckTests {
    @Test func fixturesArePresent() {
        #expect(ProducerFixture.all.count >= 25, "found \(ProducerFixture.all.map(\.name)) in \(ProducerFixture.directory.path)")
    }

    @Test(arguments: ProducerFixture.all)
    func checkFindsTheHeldLock(_ fixture: ProducerFixture) throws {
        let result = try Unlockdump.run(["--check", fixture.input])
        #expect(result.status == 1, "\(fixture.name): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ProducerFixture.all)
    func checkPassesTheExpectedFile(_ fixture: ProducerFixture) throws {
        let result = try Unlockdump.run(["--check", fixture.expected])
        #expect(result.status == 0, "\(fixture.name).expected.sql: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ProducerFixture.all)
    func releaseWritesTheExpectedFile(_ fixture: ProducerFixture) throws {
        let result = try Unlockdump.run([fixture.input])
        #expect(result.status == 0, "\(fixture.name): \(result.stderr)")
        let expected = try Data(contentsOf: URL(fileURLWithPath: fixture.expected))
        if result.stdout != expected {
            let common = zip(result.stdout, expected).prefix { $0 == $1 }.count
            Issue.record("\(fixture.name): stdout differs from the expected file at byte \(common) (\(result.stdout.count) vs \(expected.count) bytes); stderr: \(result.stderr)")
        }
    }
}
