import Foundation
import Testing
import TestSupport

/// What every case does with a real dump, whichever tool wrote it: run the built binary as a user
/// would, both ways, check `--check` before and after, and prove the edit is confined to the held
/// lock rows. Returns the patched file.
enum RoundTrip {
    /// What a run of the binary gave on one dump.
    struct Result {
        let input: Data
        let output: Data
        /// The patched file.
        let written: String
        /// The report of the `FILE -o OUT` run.
        let stderr: String
    }

    /// Runs the built binary as a user would: stdin -> stdout, `FILE -o OUT`, and the dump
    /// compressed by the real gzip through `FILE.gz -o OUT.gz` and by the real zstd (see
    /// `zstdRoundTrip`), which must all write the same SQL; then `--check`: 1 on the original when
    /// it holds a lock (0 otherwise), 0 once patched.
    static func run(_ original: String, holdsLocks: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
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

        // The same dump compressed by the real gzip: read compressed, written compressed, and the
        // SQL inside the output identical to the plain run's.
        let gzip = try #require(Subprocess.which("gzip"), "gzip is missing", sourceLocation: sourceLocation)
        let compressed = base + ".sql.gz", compressedOut = base + ".patched.sql.gz"
        _ = try Subprocess.run(gzip, ["-c", original], stdoutPath: compressed)
        let viaGzip = try Unlockdump.run([compressed, "-o", compressedOut])
        try #require(viaGzip.status == 0, "unlockdump dump.gz -o out.gz: exit \(viaGzip.status)\n\(viaGzip.stderr)", sourceLocation: sourceLocation)
        let inflated = try Subprocess.run(gzip, ["-dc", compressedOut])
        #expect(inflated.status == 0 && inflated.stdout == output,
                "gzip -dc of the .gz output differs from the plain output", sourceLocation: sourceLocation)
        try zstdRoundTrip(original, base: base, plainOutput: output, sourceLocation: sourceLocation)

        // 4. --check: 1 on the original when it holds a lock, 0 once patched.
        let before = try Unlockdump.run(["--check", original])
        #expect(before.status == (holdsLocks ? 1 : 0), "--check on the original: exit \(before.status)\n\(before.stderr)", sourceLocation: sourceLocation)
        let after = try Unlockdump.run(["--check", written])
        #expect(after.status == 0, "--check on the patched dump: exit \(after.status)\n\(after.stderr)", sourceLocation: sourceLocation)
        return Result(input: input, output: output, written: written, stderr: viaFile.stderr)
    }

    /// The dump compressed by the real zstd, read back by `zstd -dc`: `zstd FILE` (content size,
    /// checksum) through `FILE.zst -o OUT.zst`, and the frame pg_dump 16 `--compress=zstd` writes
    /// (streamed, no checksum, no content size: `zstd --no-check` on a pipe) rewritten `--in-place`.
    private static func zstdRoundTrip(_ original: String, base: String, plainOutput output: Data, sourceLocation: SourceLocation) throws {
        let fromFile = base + ".sql.zst", fromFileOut = base + ".patched.sql.zst"
        try Tools.run("zstd", ["-q", "-f", original, "-o", fromFile])
        let viaZstd = try Unlockdump.run([fromFile, "-o", fromFileOut])
        try #require(viaZstd.status == 0, "unlockdump dump.zst -o out.zst: exit \(viaZstd.status)\n\(viaZstd.stderr)", sourceLocation: sourceLocation)
        let decoded = try Tools.run("zstd", ["-q", "-dc", fromFileOut])
        #expect(decoded.status == 0 && decoded.stdout == output, "zstd -dc of the .zst output differs from the plain output", sourceLocation: sourceLocation)

        let streamed = base + ".pgdump16.sql.zst"
        try Tools.run("zstd", ["-q", "-c", "--no-check"], stdin: .file(original), stdoutPath: streamed)
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: streamed)).read(upToCount: 5)
        #expect(header == Data([0x28, 0xB5, 0x2F, 0xFD, 0x00]), "not pg_dump 16's frame header", sourceLocation: sourceLocation)
        let inPlace = try Unlockdump.run(["--in-place", streamed])
        try #require(inPlace.status == 0, "unlockdump --in-place dump.zst: exit \(inPlace.status)\n\(inPlace.stderr)", sourceLocation: sourceLocation)
        let rewritten = try Tools.run("zstd", ["-q", "-dc", streamed])
        #expect(rewritten.status == 0 && rewritten.stdout == output, "zstd -dc of the --in-place .zst differs from the plain output", sourceLocation: sourceLocation)
    }

    /// `run`, then proves the byte difference of a mysqldump or sqlite3 dump is confined to the
    /// held lock rows, and is exactly their release. Returns the patched file.
    static func patch(
        _ original: String, dialect: DumpDiff.Dialect, database: String?, locks: [LockTable],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let result = try run(original, sourceLocation: sourceLocation)
        // 3. The byte difference is confined to the lock rows, and is exactly their release.
        let report = DumpDiff.check(original: result.input, patched: result.output, dialect: dialect, database: database,
                                    locks: locks, expectedHeld: DumpDiff.heldRows(of: locks))
        #expect(report.problems.isEmpty, "\(URL(fileURLWithPath: original).lastPathComponent):\n\(report.problems.prefix(10).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        return result.written
    }
}
