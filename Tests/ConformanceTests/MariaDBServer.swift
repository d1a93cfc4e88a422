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
    private let server: ServerProcess
    var directory: URL { server.directory }
    var socket: String { server.path("mysqld.sock") }
    var pid: Int32 { server.pid }

    init(name: String) throws {
        self.name = name
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("unlockdump-conformance-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        server = ServerProcess(directory: directory, stopSignal: SIGTERM, killSignal: SIGKILL)
        do {
            try start()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    private func path(_ name: String) -> String { server.path(name) }

    private func start() throws {
        let user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        try Tools.run("mariadb-install-db", [
            "--no-defaults", "--user=\(user)", "--datadir=\(path("data"))",
            "--auth-root-authentication-method=normal", "--skip-test-db",
        ])
        try server.launch(try Tools.path("mariadbd"), [
            "--no-defaults", "--user=\(user)", "--datadir=\(path("data"))", "--socket=\(socket)",
            "--skip-networking", "--pid-file=\(path("mysqld.pid"))", "--log-error=\(path("mysqld.err"))",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
            "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M", "--skip-log-bin",
            "--max-allowed-packet=64M",
        ])
        // Ready when it answers a ping.
        let admin = try Tools.path("mariadb-admin")
        try server.waitUntilReady(name: "mariadbd (\(name))", log: log) {
            try Subprocess.run(admin, ["--no-defaults", "--socket=\(socket)", "-uroot", "ping"]).status == 0
        }
    }

    func log() -> String {
        (try? String(contentsOfFile: path("mysqld.err"), encoding: .utf8)).map { String($0.suffix(4000)) } ?? "(no log)"
    }

    /// SIGTERM by pid, wait up to 30 s, then SIGKILL; removes the directory. Idempotent.
    func stop() { server.stop() }

    // MARK: Clients

    private var login: [String] { ["--no-defaults", "--socket=\(socket)", "-uroot"] }

    /// Runs SQL through the `mariadb` client; returns stdout (batch mode, no column names).
    @discardableResult
    func sql(_ statements: String, database: String? = nil, extra: [String] = []) throws -> String {
        let arguments = login + ["--default-character-set=utf8mb4", "--batch", "--skip-column-names"] + extra
            + (database.map { [$0] } ?? [])
        return try Tools.run("mariadb", arguments, stdin: .data(Data(statements.utf8))).stdoutText
    }

    /// Loads a dump file as a user would: `mariadb [options] [db] < file`.
    @discardableResult
    func restore(_ file: String, database: String? = nil, extra: [String] = []) throws -> Subprocess.Result {
        try Tools.run("mariadb", login + ["--default-character-set=utf8mb4"] + extra + (database.map { [$0] } ?? []),
                      stdin: .file(file))
    }

    /// `mariadb-dump` with these arguments into `file`.
    func dump(_ arguments: [String], to file: String) throws {
        try Tools.run("mariadb-dump", login + arguments, stdoutPath: file)
    }

    /// mydumper and myloader read the system's option files unless given one of their own: an
    /// empty one, so nothing of the machine's `[client]` settings applies.
    private var emptyOptionFile: String {
        let file = path("mydumper.cnf")
        if !FileManager.default.fileExists(atPath: file) { _ = FileManager.default.createFile(atPath: file, contents: Data()) }
        return file
    }

    /// `mydumper` over the socket into `directory` (created by mydumper, removed first). One
    /// worker thread: mydumper 0.10 with several threads now and then never finishes (see
    /// `Tools.runBounded`), which is also why a hang is bounded and retried.
    func mydumper(_ arguments: [String], into directory: String) throws {
        let log = path("mydumper.log")
        let clean = {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: log)
        }
        clean()
        try Tools.runBounded("mydumper", [
            "--defaults-file=\(emptyOptionFile)", "-S", socket, "-u", "root", "-o", directory,
            "--threads=1", "--verbose=3", "--logfile=\(log)",
        ] + arguments, seconds: 20, attempts: 3,
        log: { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no mydumper log)" }, cleanUp: clean)
    }

    /// `myloader` of a mydumper directory into this server: it creates the databases itself.
    /// One thread: with two, loading the `--rows` chunks of one table in parallel now and then
    /// fails with "Deadlock found when trying to get lock" (seen in a clean-clone CI run).
    func myloader(_ directory: String) throws {
        try Tools.runBounded("myloader", [
            "--defaults-file=\(emptyOptionFile)", "-S", socket, "-u", "root", "-d", directory, "--threads=1",
        ], seconds: 120)
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
