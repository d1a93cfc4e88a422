import Testing
import UnlockDump

/// MySQL strings are scanned quote to quote; whether a quote is escaped is read off the parity of
/// the backslashes right before it, which may lie in an earlier chunk. Every split of every run
/// must give what the whole input gives.
@Suite("Backslash runs before quotes, split anywhere")
struct BackslashRunTests {
    @Test("a run of 0...7 backslashes before a quote, cut at every byte", arguments: 0...7)
    func runBeforeQuote(backslashes: Int) throws {
        let run = String(repeating: "\\", count: backslashes)
        // Even run: the quote closes the string, so the next statement is a held lock row.
        // Odd run: the quote is escaped, the string goes on, and the "row" is text.
        let text = "INSERT INTO `posts` VALUES (1,'a\(run)'); INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL); -- ');\n"
        let input = Array(text.utf8)
        let whole = try patchBytes(input, chunkSize: input.count)
        let heldExpected = backslashes % 2 == 0
        #expect(whole.released == (heldExpected ? 1 : 0))
        for cut in 1..<input.count {
            let split = try patchBytes(input, firstChunk: cut)
            #expect(split.output == whole.output, "cut at byte \(cut)")
        }
    }

    private func patchBytes(_ input: [UInt8], chunkSize: Int) throws -> (output: [UInt8], released: Int) {
        try patchBytes(input, firstChunk: chunkSize)
    }

    /// Feeds `input` as two chunks split at `firstChunk`.
    private func patchBytes(_ input: [UInt8], firstChunk: Int) throws -> (output: [UInt8], released: Int) {
        let (output, report) = try patch(input, options: PatchOptions(dialect: .mysql), chunking: .cuts([firstChunk]))
        return (output, report.heldLocks.count)
    }
}
