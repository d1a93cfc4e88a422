import Foundation
import TestSupport

/// The life of a private database server, whichever it is: started from a temporary directory,
/// watched by a shell that stops it (and removes the directory) if the test process dies first,
/// waited for until a probe says it is ready, and stopped by its pid — the polite signal, a
/// bounded wait, then the hard one. `stop()` is idempotent.
final class ServerProcess: @unchecked Sendable {
    let directory: URL
    private let stopSignal: Int32
    private let killSignal: Int32
    private let process = Process()
    private let watchdog = Process()
    private let lock = NSLock()
    private var stopped = false

    var pid: Int32 { process.processIdentifier }

    init(directory: URL, stopSignal: Int32, killSignal: Int32) {
        self.directory = directory
        self.stopSignal = stopSignal
        self.killSignal = killSignal
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Starts the server (its output to `log`, or discarded) and the watchdog.
    func launch(_ executable: URL, _ arguments: [String], log: FileHandle? = nil) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log ?? FileHandle.nullDevice
        process.standardError = log ?? FileHandle.nullDevice
        try process.run()

        let signalName = stopSignal == SIGINT ? "INT" : "TERM"
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", """
            while kill -0 "$2" 2>/dev/null; do
              if ! kill -0 "$1" 2>/dev/null; then
                kill -\(signalName) "$2"
                while kill -0 "$2" 2>/dev/null; do sleep 0.2; done
                rm -rf "$3"
                exit 0
              fi
              sleep 1
            done
            """, "watchdog", String(getpid()), String(process.processIdentifier), directory.path]
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    struct StartFailed: Error, CustomStringConvertible {
        let name: String, log: String
        var description: String { "\(name) did not start:\n\(log)" }
    }

    /// Returns once `isReady` says so; throws when the server died or 60 s went by.
    func waitUntilReady(name: String, log: () -> String, isReady: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while true {
            if !process.isRunning { throw StartFailed(name: name, log: log()) }
            if try isReady() { return }
            if Date() > deadline { throw StartFailed(name: name, log: "not ready after 60 s\n" + log()) }
            usleep(100_000)
        }
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        if process.processIdentifier > 0, process.isRunning {
            kill(process.processIdentifier, stopSignal)
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning, Date() < deadline { usleep(50_000) }
            if process.isRunning {
                kill(process.processIdentifier, killSignal)
                process.waitUntilExit()
            }
        }
        if watchdog.processIdentifier > 0, watchdog.isRunning { watchdog.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }
}
