import Foundation
import TestSupport
import Testing

/// `-o` and `--in-place` replace their target only when the whole dump was written, keep its
/// permission bits, and never leave a temporary file behind.
@Suite struct OutputFileTests {
    @Test(arguments: [["-o", "out.sql"], ["--output", "out.sql"], ["--output=out.sql"], ["-oout.sql"], ["-qo", "out.sql"]])
    func outputFileIsWrittenWithoutLeftovers(spelling: [String]) throws {
        let scratch = try Scratch()
        let dump = Data(Dumps.withoutLock().utf8)
        try scratch.write("dump.sql", dump)
        let result = try Unlockdump.run(spelling + ["dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty, "stdout carries nothing when -o is given")
        #expect(try scratch.read("out.sql") == dump)
        #expect(try scratch.names() == ["dump.sql", "out.sql"])
    }

    @Test func newOutputFileFollowsUmaskNotMkstemp() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        let result = try Unlockdump.run(["-o", "out.sql", "dump.sql"], in: scratch.url, wrapper: ["/bin/sh", "-c", "umask 022; exec \"$0\" \"$@\""])
        #expect(result.status == 0)
        #expect(try scratch.permissions("out.sql") == 0o644)
    }

    @Test func existingOutputFileKeepsItsPermissions() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        let out = try scratch.write("out.sql", "old\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out)
        let result = try Unlockdump.run(["-o", "out.sql", "dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try scratch.read("out.sql") == Data(Dumps.withoutLock().utf8))
        #expect(try scratch.permissions("out.sql") == 0o600)
    }

    @Test func inPlaceKeepsPermissionBits() throws {
        let scratch = try Scratch()
        let path = try scratch.write("dump.sql", Dumps.withoutLock())
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let result = try Unlockdump.run(["--in-place", "dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try scratch.permissions("dump.sql") == 0o640)
        #expect(try scratch.read("dump.sql") == Data(Dumps.withoutLock().utf8))
        #expect(try scratch.names() == ["dump.sql"])
    }

    /// Rewriting through a symlink rewrites the file it points to and keeps the link.
    @Test func inPlaceThroughSymlinkKeepsTheLink() throws {
        let scratch = try Scratch()
        try scratch.write("real.sql", Dumps.withoutLock())
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.sql"), withDestinationPath: "real.sql")
        let result = try Unlockdump.run(["--in-place", "link.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link.sql")) == "real.sql")
        #expect(try scratch.names() == ["link.sql", "real.sql"])
    }

    @Test(arguments: [["--backup", ".bak"], ["--backup=.bak"]])
    func backupKeepsTheOriginal(spelling: [String]) throws {
        let scratch = try Scratch()
        let original = Data(Dumps.heldGhostLock.utf8)
        let path = try scratch.write("dump.sql", original)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let result = try Unlockdump.run(["--in-place"] + spelling + ["dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try scratch.read("dump.sql.bak") == original)
        #expect(try scratch.permissions("dump.sql.bak") == 0o640)
        #expect(try scratch.permissions("dump.sql") == 0o640)
        #expect(try scratch.names() == ["dump.sql", "dump.sql.bak"])
    }

    @Test func forceReplacesAnExistingBackup() throws {
        let scratch = try Scratch()
        let original = Data(Dumps.heldGhostLock.utf8)
        try scratch.write("dump.sql", original)
        try scratch.write("dump.sql.bak", "older backup\n")
        let result = try Unlockdump.run(["--in-place", "--backup", ".bak", "--force", "dump.sql"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try scratch.read("dump.sql.bak") == original)
        #expect(try scratch.names() == ["dump.sql", "dump.sql.bak"])
    }

    @Test func checkWritesNoFile() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        let result = try Unlockdump.run(["--check", "dump.sql"], in: scratch.url)
        #expect(result.stdout.isEmpty)
        #expect(try scratch.names() == ["dump.sql"])
    }
}
