import Foundation
import TestSupport
import Testing

/// Exit 4 with "unlockdump: <name>: <strerror>": the file the user named, and the system's reason.
@Suite struct InputOutputErrorTests {
    @Test func missingInput() throws {
        let scratch = try Scratch()
        let result = try Unlockdump.run(["absent.sql", "-o", "out.sql"], in: scratch.url)
        #expect(result.status == 4)
        #expect(result.stderr == "unlockdump: absent.sql: No such file or directory\n")
        #expect(try scratch.names().isEmpty, "no output file may be created for an unreadable input")
    }

    @Test func directoryAsInput() throws {
        let scratch = try Scratch()
        let result = try Unlockdump.run([scratch.url.path])
        #expect(result.status == 4)
        #expect(result.stderr == "unlockdump: \(scratch.url.path): Is a directory\n")
        #expect(result.stdout.isEmpty)
    }

    /// Root reads anything, so as root the binary runs through setpriv as nobody.
    @Test func unreadableInput() throws {
        let scratch = try Scratch()
        let path = try scratch.write("secret.sql", Dumps.withoutLock())
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        let dropRoot = geteuid() == 0
            ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let result = try Unlockdump.run([path], wrapper: dropRoot)
        #expect(result.status == 4)
        #expect(result.stderr == "unlockdump: \(path): Permission denied\n")
    }

    @Test func fullDiskOnStandardOutput() throws {
        let result = try Unlockdump.run([], stdin: .data(Data(Dumps.withoutLock().utf8)), stdoutPath: "/dev/full")
        #expect(result.status == 4)
        #expect(result.stderr == "unlockdump: <stdout>: No space left on device\n")
    }

    /// A device is written directly: there is nothing to protect, and nothing may be renamed
    /// over it.
    @Test func fullDiskAsOutputDevice() throws {
        let result = try Unlockdump.run(["-o", "/dev/full"], stdin: .data(Data(Dumps.withoutLock().utf8)))
        #expect(result.status == 4)
        #expect(result.stderr == "unlockdump: /dev/full: No space left on device\n")
    }

    @Test func outputInMissingDirectory() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        let result = try Unlockdump.run(["-o", "nowhere/out.sql", "dump.sql"], in: scratch.url)
        #expect(result.status == 4)
        #expect(result.stderr == "unlockdump: nowhere/out.sql: No such file or directory\n")
    }

    @Test func outputIsDirectory() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Dumps.withoutLock())
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: false)
        let result = try Unlockdump.run(["-o", "out", "dump.sql"], in: scratch.url)
        #expect(result.status == 4)
        #expect(result.stderr == "unlockdump: out: Is a directory\n")
        #expect(try scratch.temporaryFiles().isEmpty)
    }
}
