import TestSupport
import Testing
import UnlockDump

/// Truncated dumps and files that are not dumps at all: the engine either patches correctly or
/// refuses with a position, and never crashes, hangs or changes a byte outside a lock value.
@Suite("Truncated and foreign input")
struct BadInputTests {
    /// A prefix of a sample patches to the prefix with some of the full dump's edits applied
    /// (those of lock rows complete in the prefix), or is refused as malformed. Cut at every
    /// fourth byte, and at every byte near a lock value.
    @Test("prefixes of every sample: correct output or a precise refusal", arguments: Sample.all)
    func truncatedSample(_ sample: Sample) throws {
        let input = try sample.load().input
        let full = try patch(input).report.edits
        let nearEdits = full.flatMap { max(0, $0.offset - 80)...min(input.count, $0.offset + $0.length + 80) }
        let cuts = Set(Array(stride(from: 0, through: input.count, by: 4)) + nearEdits + [input.count])
        var refused = 0
        for cut in cuts.sorted() {
            let prefix = Array(input[..<cut])
            do {
                let (output, report) = try patch(prefix, chunking: .random(seed: UInt64(cut)))
                #expect(report.edits.allSatisfy(full.contains), "cut at \(cut): an edit the whole dump does not make")
                expectSameBytes(output, applying(report.edits, to: prefix), "cut at \(cut):")
            } catch let error as MalformedDump {
                refused += 1
                #expect(error.position.byte <= cut, "cut at \(cut): error points past the input: \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        // Most cuts fall inside a statement: the engine must notice.
        #expect(refused > cuts.count / 2)
    }

    @Test("an empty input and a file of comments pass through with nothing to release",
          arguments: ["", "-- just a comment\n", "/* a block */\n# a hash\n-- and a dash\n"])
    func emptyOrComments(_ text: String) throws {
        let (output, report) = try patchEveryWay(bytes(text))
        #expect(output == bytes(text))
        #expect(report.heldLocks.isEmpty && report.warnings.isEmpty)
    }

    static let foreignFiles: [([UInt8], String)] = {
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 7, count: 40)
        let pgDump: [UInt8] = bytes("PGDMP") + [1, 14, 0, 4, 8, 1, 1, 1] + bytes("xxxxxxxxxxxxxxxx")
        let sqliteFile: [UInt8] = bytes("SQLite format 3") + [0] + [UInt8](repeating: 1, count: 84)
        let xml: [UInt8] = bytes("<?xml version=\"1.0\"?>\n<mysqldump>\n<database name=\"ghost\">\n</database>\n</mysqldump>\n")
        let bzip2: [UInt8] = bytes("BZh91AY&SY") + [UInt8](repeating: 0, count: 20)
        return [(gzip, "gzip"), (pgDump, "pg_dump custom-format"), (sqliteFile, "SQLite database file"), (xml, "XML"), (bzip2, "bzip2")]
    }()

    @Test("a file that is not SQL is named for what it is", arguments: foreignFiles)
    func foreignFormat(_ input: [UInt8], _ what: String) throws {
        for dialect: Dialect? in [nil, .mysql, .sqlite] {
            let error = try #require(throws: MalformedDump.self) { try patch(input, dialect: dialect, chunking: .size(1)) }
            #expect(error.position == SourcePosition(byte: 0, line: 1, column: 1))
            let message = error.message
            #expect(message.contains("not a SQL dump"), "\(error)")
            #expect(message.contains(what), "\(error)")
        }
    }

    @Test("random bytes: refused with a position, or passed through unchanged", arguments: 1...40)
    func randomBytes(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let input = (0..<Int(random.next() % 4096)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        do {
            let (output, report) = try patchEveryWay(input)
            expectSameBytes(output, applying(report.edits, to: input))
        } catch let error as MalformedDump {
            #expect(error.position.byte <= input.count)
        }
    }

    private func applying(_ edits: [ByteEdit], to input: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var at = 0
        for edit in edits {
            result += input[at..<edit.offset] + edit.replacement
            at = edit.offset + edit.length
        }
        return result + input[at...]
    }
}
