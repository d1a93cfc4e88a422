import Foundation
import Testing
import TestSupport

/// What every case does with a real dump, whichever tool wrote it: run the built binary as a user
/// would, both ways, check `--check` before and after, and prove the edit is confined to the held
/// lock rows. Returns the patched file.
enum RoundTrip {
    static func patch(
        _ original: String, dialect: DumpDiff.Dialect, database: String?, locks: [LockTable],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let base = original.hasSuffix(".sql") ? String(original.dropLast(4)) : original
        let piped = base + ".stdout.sql", written = base + ".patched.sql"

        // stdin -> stdout, as in `mariadb-dump db | unlockdump | mariadb db`
        let viaPipe = try Unlockdump.run([], stdin: .file(original), stdoutPath: piped)
        try #require(viaPipe.status == 0, "unlockdump < dump: exit \(viaPipe.status)\n\(viaPipe.stderr)", sourceLocation: sourceLocation)
        // file -> -o FILE
        let viaFile = try Unlockdump.run([original, "-o", written])
        try #require(viaFile.status == 0, "unlockdump dump -o FILE: exit \(viaFile.status)\n\(viaFile.stderr)", sourceLocation: sourceLocation)
        let input = try Data(contentsOf: URL(fileURLWithPath: original))
        let output = try Data(contentsOf: URL(fileURLWithPath: written))
        #expect(try Data(contentsOf: URL(fileURLWithPath: piped)) == output,
                "stdout and -o FILE wrote different bytes", sourceLocation: sourceLocation)

        // 4. --check: 1 on the original (every fixture dump holds a lock), 0 once patched.
        let before = try Unlockdump.run(["--check", original])
        #expect(before.status == 1, "--check on the original: exit \(before.status)\n\(before.stderr)", sourceLocation: sourceLocation)
        let after = try Unlockdump.run(["--check", written])
        #expect(after.status == 0, "--check on the patched dump: exit \(after.status)\n\(after.stderr)", sourceLocation: sourceLocation)

        // 3. The byte difference is confined to the lock rows, and is exactly their release.
        let expected = DumpDiff.heldRows(of: locks)
        let report = DumpDiff.check(original: input, patched: output, dialect: dialect, database: database,
                                    locks: locks, expectedHeld: expected)
        #expect(report.problems.isEmpty, "\(URL(fileURLWithPath: original).lastPathComponent):\n\(report.problems.prefix(10).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        return written
    }
}
