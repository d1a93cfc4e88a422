import Foundation
import TestSupport
import Testing

/// What the real engine finds: held locks, released rows, malformed dumps. These pass only once
/// the engine library replaces the pass-through stub.
@Suite struct LockReportTests {
    @Test func checkFindsHeldLockAndExitsOne() throws {
        let result = try Unlockdump.run(["--check"], stdin: .data(Data(Dumps.heldGhostLock.utf8)))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.contains { $0.hasPrefix("unlockdump: migrations_lock: lock_key 'km01' is held (locked = 1") })
        #expect(result.stderrLines.last == "unlockdump: 1 held lock in 1 table (57 bytes read)")
    }

    @Test func quietCheckStillExitsOne() throws {
        let result = try Unlockdump.run(["--check", "-q"], stdin: .data(Data(Dumps.heldGhostLock.utf8)))
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
    }

    @Test func releaseRewritesTheRowAndReportsIt() throws {
        let result = try Unlockdump.run([], stdin: .data(Data(Dumps.heldGhostLock.utf8)))
        #expect(result.status == 0)
        #expect(result.stdoutText == "INSERT INTO migrations_lock VALUES ('km01',0,NULL,NULL);\n")
        #expect(result.stderrLines.contains { $0.hasPrefix("unlockdump: migrations_lock: released lock_key 'km01' (locked 1 -> 0") })
        #expect(result.stderrLines.last == "unlockdump: 1 lock released in 1 table (57 bytes read)")
    }

    @Test func malformedStandardInputExitsThree() throws {
        let result = try Unlockdump.run([], stdin: .data(Data(Dumps.unterminatedString.utf8)))
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("unlockdump: <stdin>:1:23: unterminated string literal"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(" (byte 22)\n"), "\(result.stderr)")
        #expect(result.stderrLines.count == 1)
    }

    @Test func malformedDumpLeavesOutputFileUntouched() throws {
        let scratch = try Scratch()
        try scratch.write("bad.sql", Dumps.unterminatedString)
        try scratch.write("out.sql", "previous content\n")
        let result = try Unlockdump.run(["-o", "out.sql", "bad.sql"], in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("unlockdump: bad.sql:1:23: "), "\(result.stderr)")
        #expect(try scratch.read("out.sql") == Data("previous content\n".utf8))
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    @Test func malformedDumpLeavesInPlaceInputAndBackupUntouched() throws {
        let scratch = try Scratch()
        try scratch.write("bad.sql", Dumps.unterminatedString)
        let result = try Unlockdump.run(["--in-place", "--backup", ".bak", "bad.sql"], in: scratch.url)
        #expect(result.status == 3)
        #expect(try scratch.read("bad.sql") == Data(Dumps.unterminatedString.utf8))
        #expect(try scratch.names() == ["bad.sql"])
    }
}
