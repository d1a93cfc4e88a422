import Testing
import UnlockDump

@Suite("Random dumps: the engine's output is exactly the generator's expectation")
struct PropertyTests {
    static let seeds: [UInt64] = Array(0..<150)

    @Test("random dumps patch as expected, every way, and only at lock values", arguments: Dialect.allCases, seeds)
    func randomDump(_ dialect: Dialect, _ seed: UInt64) throws {
        let dump = RandomDumpGenerator.generate(dialect: dialect, seed: seed &* 7919 &+ (dialect == .mysql ? 1 : 2))
        let input = dump.input
        let expected = dump.expected
        let result = try patchEveryWay(input, dialect: dialect, chunkings: [.size(1), .random(seed: seed)])
        expectSameBytes(result.output, expected, "seed \(seed):")
        #expect(result.report.lockRowsSeen == dump.lockRows)
        #expect(result.report.heldLocks.count == dump.heldRows)
        #expect(result.report.bytesRead == input.count)
        #expect(result.report.bytesWritten == result.output.count)
        #expect(onlyLockValuesDiffer(result.output, dump.pieces), "seed \(seed): bytes outside lock values changed")

        let again = try patch(result.output, dialect: dialect)
        expectSameBytes(again.output, result.output, "seed \(seed): patching twice differs from patching once:")
        #expect(again.report.heldLocks.isEmpty)
        #expect(again.report.lockRowsSeen == dump.lockRows)

        let checked = try patch(input, dialect: dialect, mode: .check, chunking: .random(seed: seed ^ 0xFF))
        #expect(checked.output.isEmpty)
        #expect(checked.report.heldLocks == result.report.heldLocks)
    }

    @Test("the generator makes dumps that exercise the engine")
    func generatorCoverage() {
        var held = 0, rows = 0, bytes = 0
        for seed in Self.seeds {
            for dialect in Dialect.allCases {
                let dump = RandomDumpGenerator.generate(dialect: dialect, seed: seed)
                held += dump.heldRows
                rows += dump.lockRows
                bytes += dump.input.count
                #expect(dump.input.count == dump.pieces.reduce(0) { total, piece in
                    if case .fixed(let b) = piece { return total + b.count }
                    if case .lockValue(let i, _) = piece { return total + i.count }
                    return total
                })
            }
        }
        #expect(held > 100 && rows > held && bytes > 100_000, "held \(held), rows \(rows), bytes \(bytes)")
    }

    /// Checks `output` against the dump's pieces without trusting the generator's expected
    /// rewrite: fixed pieces must appear verbatim, and each lock value must be either unchanged or
    /// one of the released literals.
    func onlyLockValuesDiffer(_ output: [UInt8], _ pieces: [DumpPiece]) -> Bool {
        var at = 0
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .fixed(let fixed):
                guard output.count >= at + fixed.count, Array(output[at..<(at + fixed.count)]) == fixed else { return false }
                at += fixed.count
            case .lockValue(let original, _):
                var follow: [UInt8] = []
                if index + 1 < pieces.count, case .fixed(let next) = pieces[index + 1] { follow = Array(next.prefix(16)) }
                let candidates = ([original] + RandomDumpGenerator.releasedLiterals).sorted { $0.count > $1.count }
                guard let match = candidates.first(where: { candidate in
                    let want = candidate + follow
                    return output.count >= at + want.count && Array(output[at..<(at + want.count)]) == want
                }) else { return false }
                at += match.count
            }
        }
        return at == output.count
    }
}
