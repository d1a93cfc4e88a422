import Foundation
import Testing
import TestSupport

/// A private `mariadbd` in a temporary directory: installed with `mariadb-install-db`, running
/// as the current user on a Unix socket with `--skip-networking`, no system service, no port.
/// Root logs in over the socket with no password (the install's own root, no grant tables
/// skipped). Stopped by its pid: SIGTERM, then wait; `stop()` runs from the suite's scope, from
/// `deinit`, and a watchdog shell stops it and removes its directory if the test process dies first.
final class MariaDBServer: @unchecked Sendable {
    let name: String
    let directory: URL
    var socket: String { directory.appendingPathComponent("mysqld.sock").path }
    private let process = Process()
    private let watchdog = Process()
    private let lock = NSLock()
    private var stopped = false

    var pid: Int32 { process.processIdentifier }

    init(name: String) throws {
        self.name = name
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("unlockdump-conformance-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            try start()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func start() throws {
        let user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        try Tools.run("mariadb-install-db", [
            "--no-defaults", "--user=\(user)", "--datadir=\(path("data"))",
            "--auth-root-authentication-method=normal", "--skip-test-db",
        ])
        process.executableURL = try Tools.path("mariadbd")
        process.arguments = [
            "--no-defaults", "--user=\(user)", "--datadir=\(path("data"))", "--socket=\(socket)",
            "--skip-networking", "--pid-file=\(path("mysqld.pid"))", "--log-error=\(path("mysqld.err"))",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
            "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M", "--skip-log-bin",
            "--max-allowed-packet=64M",
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        // If this test process dies without stopping the server, the watchdog does it.
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", """
            while kill -0 "$2" 2>/dev/null; do
              if ! kill -0 "$1" 2>/dev/null; then
                kill -TERM "$2"
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

        // Ready when it answers a ping; give up after 60 s or when it has died.
        let deadline = Date().addingTimeInterval(60)
        while true {
            if !process.isRunning {
                throw StartFailed(name: name, log: log())
            }
            let ping = try Subprocess.run(try Tools.path("mariadb-admin"),
                                          ["--no-defaults", "--socket=\(socket)", "-uroot", "ping"])
            if ping.status == 0 { return }
            if Date() > deadline { throw StartFailed(name: name, log: "not ready after 60 s\n" + log()) }
            usleep(200_000)
        }
    }

    struct StartFailed: Error, CustomStringConvertible {
        let name: String, log: String
        var description: String { "mariadbd (\(name)) did not start:\n\(log)" }
    }

    func log() -> String {
        (try? String(contentsOfFile: path("mysqld.err"), encoding: .utf8)).map { String($0.suffix(4000)) } ?? "(no log)"
    }

    /// SIGTERM by pid, wait up to 30 s, then SIGKILL; removes the directory. Idempotent.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        if process.processIdentifier > 0, process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning, Date() < deadline { usleep(50_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        if watchdog.processIdentifier > 0, watchdog.isRunning { watchdog.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Clients

    private var login: [String] { ["--no-defaults", "--socket=\(socket)", "-uroot"] }

    /// Runs SQL through the `mariadb` client; returns stdout (batch mode, no column names).
    @discardableResult
    func sql(_ statements: String, database: String? = nil, extra: [String] = []) throws -> String {
        let arguments = login + ["--default-character-set=utf8mb4", "--batch", "--skip-column-names"] + extra
            + (database.map { [$0] } ?? [])
        return try Tools.run("mariadb", arguments, stdin: .data(Data(statements.utf8))).stdoutText
    }

    /// Loads a dump file as a user would: `mariadb [db] < file`.
    func restore(_ file: String, database: String? = nil) throws {
        try Tools.run("mariadb", login + ["--default-character-set=utf8mb4"] + (database.map { [$0] } ?? []),
                      stdin: .file(file))
    }

    /// `mariadb-dump` with these arguments into `file`.
    func dump(_ arguments: [String], to file: String) throws {
        try Tools.run("mariadb-dump", login + arguments, stdoutPath: file)
    }
}

/// The suite-level fixture: a source server holding the fixture databases, and a target server
/// that each case wipes and restores into. Both are stopped when the suite ends, pass or fail.
struct MariaDBServers: SuiteTrait, TestScoping {
    final class Pair: Sendable {
        let source: MariaDBServer
        let target: MariaDBServer
        init(source: MariaDBServer, target: MariaDBServer) { self.source = source; self.target = target }
    }

    @TaskLocal static var current: Pair?

    struct NotRunning: Error, CustomStringConvertible {
        var description: String { "the MariaDB servers are not running (MariaDBServers scope missing)" }
    }

    static func pair() throws -> Pair {
        guard let current else { throw NotRunning() }
        return current
    }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let missing = Tools.missing(Tools.mariadbNames)
        guard missing.isEmpty else {
            if Tools.isCI { throw Tools.Missing(names: missing) }
            try await function()  // skipped by the suite's .enabled trait
            return
        }
        let source = try MariaDBServer(name: "source")
        defer { source.stop() }
        let target = try MariaDBServer(name: "target")
        defer { target.stop() }
        try MariaDBFixture.load(into: source)
        try await Self.$current.withValue(Pair(source: source, target: target)) {
            try await function()
        }
    }
}
