import Foundation
import TestSupport
import Testing

/// An interrupted run must not leave its temporary file behind, and must say it was interrupted
/// with 128+signal.
@Suite struct SignalTests {
    @Test func terminationDuringWriteRemovesTemporaryFile() async throws {
        let scratch = try Scratch()
        try scratch.write("out.sql", "previous content\n")
        let input = Pipe()
        let process = Process()
        process.executableURL = Unlockdump.binary
        process.arguments = ["-o", "out.sql"]
        process.currentDirectoryURL = scratch.url
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Half a dump, then the writer stays open: the tool is mid-run with its temporary file.
        input.fileHandleForWriting.write(Data(Dumps.withoutLock(rows: 1000).utf8))
        let deadline = Date().addingTimeInterval(10)
        while try scratch.temporaryFiles().isEmpty, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try scratch.temporaryFiles().count == 1)

        process.terminate()
        let exitDeadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < exitDeadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try input.fileHandleForWriting.close()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 143)
        #expect(try scratch.temporaryFiles().isEmpty)
        #expect(try scratch.read("out.sql") == Data("previous content\n".utf8))
    }
}
