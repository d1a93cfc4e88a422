import Foundation
import TestSupport
import Testing

/// Every contradictory or malformed command line exits 2 with the GNU-style two-line message,
/// before anything is written.
@Suite struct UsageErrorTests {
    @Test(arguments: [
        ["--bogus", "dump.sql"],
        ["-x", "dump.sql"],
        ["--quiet=yes", "dump.sql"],
        ["dump.sql", "-o"],
        ["dump.sql", "--output"],
        ["dump.sql", "--dialect"],
        ["dump.sql", "--backup"],
        ["dump.sql", "--dialect", "mssql"],
        ["dump.sql", "--dialect=oracle"],
        ["dump.sql", "other.sql"],
        ["--in-place", "-o", "out.sql", "dump.sql"],
        ["--in-place"],
        ["--in-place", "-"],
        ["--in-place", "/dev/null"],
        ["--backup", ".bak", "dump.sql"],
        ["--force", "dump.sql"],
        ["--check", "-o", "out.sql", "dump.sql"],
        ["--check", "--in-place", "dump.sql"],
        ["-o", "dump.sql", "dump.sql"],
        ["-o", "./dump.sql", "dump.sql"],
    ])
    func exitsTwo(arguments: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        let result = try Unlockdump.run(arguments, in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 2)
        #expect(result.stderrLines.first?.hasPrefix("unlockdump: ") == true)
        #expect(result.stderrLines.last == "Try 'unlockdump --help' for more information.")
        #expect(try scratch.names() == ["dump.sql"], "a usage error must write nothing")
        #expect(try scratch.read("dump.sql") == Data(Dumps.withoutLock().utf8))
    }

    /// Path spelling must not matter: the check compares device and inode.
    @Test func outputSpelledThroughParentDirectoryIsRefused() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        let roundabout = "../\(scratch.url.lastPathComponent)/dump.sql"
        let result = try Unlockdump.run(["--output=\(roundabout)", "dump.sql"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("same file"))
        #expect(try scratch.names() == ["dump.sql"])
    }

    @Test func outputThroughSymlinkToInputIsRefused() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        try FileManager.default.createSymbolicLink(atPath: scratch.path("alias.sql"), withDestinationPath: "dump.sql")
        let result = try Unlockdump.run(["-o", "alias.sql", "dump.sql"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("same file"))
    }

    @Test func existingBackupIsRefusedWithoutForce() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.heldGhostLock)
        try scratch.write("dump.sql.bak", "older backup\n")
        let result = try Unlockdump.run(["--in-place", "--backup", ".bak", "dump.sql"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderrLines.last == "Try 'unlockdump --help' for more information.")
        #expect(try scratch.read("dump.sql.bak") == Data("older backup\n".utf8))
        #expect(try scratch.read("dump.sql") == Data(Dumps.heldGhostLock.utf8))
        #expect(try scratch.temporaryFiles().isEmpty)
    }
}
