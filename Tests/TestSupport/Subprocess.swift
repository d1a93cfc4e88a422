import Foundation

/// Runs a program to completion: arguments, stdin, stdout, stderr, exit status.
/// stdout and stderr go to files, so a large output cannot fill a pipe and stall the child.
public enum Subprocess {
    public struct Result: Sendable {
        public let status: Int32
        public let reason: Process.TerminationReason
        /// Empty when stdout was sent to a file of the caller's.
        public let stdout: Data
        public let stderr: String
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
        public var stdoutLines: [String] { stdoutText.split(separator: "\n").map(String.init) }
        public var exitedNormally: Bool { reason == .exit }
    }

    public enum Input: Sendable {
        case none
        case data(Data)
        case file(String)
    }

    /// - Parameters:
    ///   - stdoutPath: send stdout there instead of capturing it (a dump file, /dev/full...).
    ///   - environment: variables added to (or replacing) the inherited ones.
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        stdin: Input = .none,
        in directory: URL? = nil,
        stdoutPath: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let capture = try Scratch(prefix: "unlockdump-capture")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }

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
        if let stdoutPath, !stdoutPath.hasPrefix("/dev/") {
            // A fresh, empty file of the caller's.
            _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        }
        let stderrFile = try capture.write("stderr", Data())
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutFile))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrFile))

        // Not `waitUntilExit()`: on Linux it spins the calling thread's run loop in 50 ms steps and,
        // on a thread whose run loop the exit does not wake (as in a test's), returns up to 50 ms
        // after the child is gone; a suite that runs thousands of short children pays that each time.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        exited.wait()
        return Result(
            status: process.terminationStatus,
            reason: process.terminationReason,
            stdout: stdoutPath == nil ? try capture.read("stdout") : Data(),
            stderr: String(decoding: try capture.read("stderr"), as: UTF8.self)
        )
    }

    /// The first executable called `name` on PATH or in the sbin directories (where Debian puts
    /// `mariadbd`), or nil.
    public static func which(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init)
            + ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
