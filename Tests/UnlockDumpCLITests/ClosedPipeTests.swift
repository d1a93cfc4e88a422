import Foundation
import TestSupport
import Testing

/// `unlockdump big.sql | head`: when the reader goes away, the run ends quietly, as cat's or
/// sed's would, whether SIGPIPE ends it or (with SIGPIPE ignored by a parent) the write fails.
@Suite struct ClosedPipeTests {
    @Test(arguments: ["", "trap '' PIPE;"])
    func readerGoingAwayEndsTheRunQuietly(sigpipe: String) throws {
        let scratch = try Scratch()
        let dump = try scratch.write("big.sql", Dumps.withoutLock(rows: 200_000))
        let stderr = scratch.path("stderr")
        let script = "\(sigpipe) \"$0\" \"$1\" 2>\"$2\" | head -c 100 >/dev/null; echo ${PIPESTATUS[0]}"
        let result = try Subprocess.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", script, Unlockdump.binary.path, dump, stderr])
        #expect(result.stdoutText == "141\n")
        #expect(try scratch.read("stderr").isEmpty)
    }
}
