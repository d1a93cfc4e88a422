import Foundation
import TestSupport
import Testing

/// The progress line: drawn with `\r` on `--progress` or on a terminal for a file of known size,
/// erased before the report, and never written to a non-terminal unless asked for.
@Suite struct ProgressTests {
    @Test func forcedProgressIsDrawnThenErasedBeforeTheReport() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock(rows: 100))
        #expect(try scratch.read("dump.sql").count == 6651)
        let result = try Unlockdump.run(["--progress", "dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        let frames = result.stderr.split(separator: "\r", omittingEmptySubsequences: false)
        // "", the drawn frame(s), the blanking spaces, then the report lines.
        #expect(frames.count >= 4)
        #expect(frames[1].hasPrefix("unlockdump: [####################] 100%  "))
        #expect(frames[1].contains("6.7 kB / 6.7 kB"))
        #expect(frames[1].contains("/s  ETA 0:00"))
        let blank = frames[frames.count - 2]
        #expect(blank.allSatisfy { $0 == " " } && blank.count == frames[1].count, "the last frame is blanked")
        #expect(frames.last == "unlockdump: no held lock found (6.7 kB read)\n")
    }

    /// Piped input has no size: bytes and rate, no bar.
    @Test func progressOnAPipeShowsBytesAndRate() throws {
        let result = try Unlockdump.run(
            ["--progress", "-q"], stdin: .data(Data(Dumps.heldGhostLock.utf8)),
            wrapper: ["/bin/sh", "-c", "cat | \"$0\" \"$@\""])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("\runlockdump: 57 bytes  "))
        #expect(!result.stderr.contains("%"))
        #expect(result.stderr.hasSuffix("\r"))
    }

    /// gzip input: the meter counts compressed bytes against the file's size.
    @Test func gzipProgressCountsCompressedBytes() throws {
        let scratch = try Scratch()
        let compressed = try Gzip.compress(Data(Dumps.withoutLock(rows: 100).utf8))
        try scratch.write("dump.sql.gz", compressed)
        let result = try Unlockdump.run(["--progress", "-q", "dump.sql.gz"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("100%  \(compressed.count) bytes / \(compressed.count) bytes"))
    }

    @Test(arguments: [[], ["--no-progress"], ["--progress", "--no-progress"]])
    func noProgressOnANonTerminal(arguments: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        let result = try Unlockdump.run(arguments + ["dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\r"))
    }

    /// script(1) gives the run a terminal: the line appears unasked, and `-q` or `--no-progress`
    /// keep it away.
    @Test(arguments: [([String](), true), (["-q"], false), (["--no-progress"], false)])
    func terminalGetsProgressByDefault(extra: [String], drawn: Bool) throws {
        let script = try #require(Subprocess.which("script"), "script(1) (util-linux) is needed")
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        let command = ([Unlockdump.binary.path] + extra + ["dump.sql"]).joined(separator: " ") + " > /dev/null"
        let result = try Subprocess.run(script, ["-qec", command, "/dev/null"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("unlockdump: [####################] 100%") == drawn)
    }
}
