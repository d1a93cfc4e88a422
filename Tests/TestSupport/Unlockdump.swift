import Foundation

/// Runs the built `unlockdump` as a user would: arguments, stdin, stdout, stderr, exit status.
public enum Unlockdump {
    public typealias Result = Subprocess.Result
    public typealias Input = Subprocess.Input

    /// The binary sits in the build directory next to the test runner, because the test targets
    /// depend on the executable target. `UNLOCKDUMP_BINARY` overrides the search.
    public static let binary: URL = {
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

    /// - Parameters:
    ///   - stdoutPath: send stdout there instead of capturing it (e.g. /dev/full).
    ///   - wrapper: a command to run the binary through (e.g. setpriv to drop root).
    public static func run(
        _ arguments: [String],
        stdin: Input = .none,
        in directory: URL? = nil,
        stdoutPath: String? = nil,
        wrapper: [String] = [],
        environment: [String: String] = [:]
    ) throws -> Result {
        if wrapper.isEmpty {
            return try Subprocess.run(binary, arguments, stdin: stdin, in: directory, stdoutPath: stdoutPath, environment: environment)
        }
        return try Subprocess.run(
            URL(fileURLWithPath: wrapper[0]), Array(wrapper.dropFirst()) + [binary.path] + arguments,
            stdin: stdin, in: directory, stdoutPath: stdoutPath, environment: environment)
    }
}
