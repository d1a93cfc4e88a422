import Foundation

/// Runs the built `unlockdump` as a user would: arguments, stdin, stdout, stderr, exit status.
/// stdout and stderr go to files, so a large dump cannot fill a pipe and stall the child.
enum Unlockdump {
    struct Result {
        let status: Int32
        let reason: Process.TerminationReason
        let stdout: Data
        let stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The binary sits in the build directory next to the test runner, because the test target
    /// depends on the executable target. `UNLOCKDUMP_BINARY` overrides the search.
    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["UNLOCKDUMP_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: runner).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("unlockdump")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        fatalError("unlockdump binary not found near \(runner); set UNLOCKDUMP_BINARY")
    }()

    enum Input {
        case none
        case data(Data)
        case file(String)
    }

    /// - Parameters:
    ///   - stdoutPath: send stdout there instead of capturing it (e.g. /dev/full).
    ///   - wrapper: a command to run the binary through (e.g. setpriv to drop root).
    static func run(
        _ arguments: [String],
        stdin: Input = .none,
        in directory: URL? = nil,
        stdoutPath: String? = nil,
        wrapper: [String] = []
    ) throws -> Result {
        let capture = try Scratch()
        let process = Process()
        if wrapper.isEmpty {
            process.executableURL = binary
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: wrapper[0])
            process.arguments = Array(wrapper.dropFirst()) + [binary.path] + arguments
        }
        if let directory { process.currentDirectoryURL = directory }

        switch stdin {
        case .none:
            process.standardInput = FileHandle.nullDevice
        case .data(let data):
            let path = try capture.write("stdin", data)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        case .file(let path):
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        }
        let stdoutFile = try stdoutPath ?? capture.write("stdout", Data())
        let stderrFile = try capture.write("stderr", Data())
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutFile))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrFile))

        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            reason: process.terminationReason,
            stdout: stdoutPath == nil ? try capture.read("stdout") : Data(),
            stderr: String(decoding: try capture.read("stderr"), as: UTF8.self)
        )
    }
}
