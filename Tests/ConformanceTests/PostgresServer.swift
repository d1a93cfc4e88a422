import Foundation
import Testing
import TestSupport

/// Where Debian's PostgreSQL server binaries are: `/usr/lib/postgresql/<major>/bin`, not on PATH.
/// The client tools are taken from the same directory, so pg_dump matches the server's version.
enum PostgresTools {
    static let names = ["initdb", "postgres", "pg_isready", "pg_dump", "pg_dumpall", "psql"]

    /// The newest installed major version's bin directory holding every tool, or nil.
    static let binDirectory: URL? = {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.compactMap(Int.init).sorted(by: >).lazy
            .map { root.appendingPathComponent("\($0)/bin") }
            .first { bin in names.allSatisfy { FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent($0).path) } }
    }()

    static var missing: [String] { binDirectory == nil ? names : [] }
    static var enabled: Bool { Tools.isCI || missing.isEmpty }
    static let skipMessage: Comment =
        "PostgreSQL server tools not found in /usr/lib/postgresql/*/bin (apt-get install postgresql; with CI=true this fails instead)"

    static func path(_ name: String) throws -> URL {
        guard let binDirectory else {
            throw Tools.Missing(names: missing.map { "\($0) (Debian package postgresql)" })
        }
        return binDirectory.appendingPathComponent(name)
    }

    /// Runs a PostgreSQL tool and fails unless it exits 0.
    @discardableResult
    static func run(
        _ name: String, _ arguments: [String], stdin: Subprocess.Input = .none, stdoutPath: String? = nil,
        in directory: URL? = nil, as user: [String] = []
    ) throws -> Subprocess.Result {
        let tool = try path(name)
        let executable = user.isEmpty ? tool : URL(fileURLWithPath: user[0])
        let all = user.isEmpty ? arguments : Array(user.dropFirst()) + [tool.path] + arguments
        let result = try Subprocess.run(executable, all, stdin: stdin, in: directory, stdoutPath: stdoutPath)
        guard result.status == 0, result.exitedNormally else {
            throw Tools.CommandFailed(command: ([name] + arguments).joined(separator: " "), result: result)
        }
        return result
    }
}

/// A private PostgreSQL server in a temporary directory: `initdb` with trust authentication,
/// `postgres -k <dir> -c listen_addresses=''` (a Unix socket in that directory, no TCP port, no
/// system service). The server refuses to run as root, so under root (CI) the directory is given
/// to the `postgres` system user and both programs run as it through `setpriv`, which execs them
/// (the pid we hold is the postmaster's own). Stopped by that pid (SIGINT, a fast shutdown, then
/// SIGQUIT) from the suite's scope, from `deinit`, and by a watchdog if the test process dies.
final class PostgresServer: @unchecked Sendable {
    private let server: ServerProcess
    var directory: URL { server.directory }
    var socketDirectory: String { directory.path }
    /// `setpriv ...` when running as root, else nothing.
    private let asServerUser: [String]
    /// The bootstrap superuser `initdb` creates, whom the clients log in as.
    let superuser: String

    /// - Parameter superuser: the bootstrap superuser's name. A server that a `pg_dumpall` of
    ///   another one is restored into takes another name than `postgres`, so that the dump's
    ///   `CREATE ROLE postgres` creates a role instead of failing on the one logged in.
    init(superuser: String = "postgres") throws {
        self.superuser = superuser
        // Under /tmp rather than $TMPDIR: the postgres user must be able to reach the directory,
        // and a root's TMPDIR may sit below a directory it cannot enter.
        let directory = URL(fileURLWithPath: "/tmp")
            .appendingPathComponent("unlockdump-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        server = ServerProcess(directory: directory, stopSignal: SIGINT, killSignal: SIGQUIT)
        if geteuid() == 0 {
            guard let user = getpwnam("postgres") else {
                server.stop()
                throw Tools.Missing(names: ["the postgres system user (Debian package postgresql)"])
            }
            guard chown(directory.path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
                server.stop()
                throw Tools.Missing(names: ["chown of \(directory.path) to postgres"])
            }
            asServerUser = ["/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"]
        } else {
            asServerUser = []
        }
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
        try PostgresTools.run("initdb", [
            "-D", path("data"), "-U", superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        ], in: directory, as: asServerUser)

        let postgres = try PostgresTools.path("postgres")
        _ = FileManager.default.createFile(atPath: path("server.log"), contents: nil)
        try server.launch(
            asServerUser.isEmpty ? postgres : URL(fileURLWithPath: asServerUser[0]),
            Array(asServerUser.dropFirst()) + [postgres.path] + [
                "-D", path("data"), "-k", socketDirectory, "-c", "listen_addresses=",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "shared_buffers=32MB", "-c", "max_connections=20",
            ],
            log: try FileHandle(forWritingTo: URL(fileURLWithPath: path("server.log"))))
        // Ready when pg_isready says so.
        let isReady = try PostgresTools.path("pg_isready")
        try server.waitUntilReady(name: "postgres", log: log) {
            try Subprocess.run(isReady, ["-q", "-h", socketDirectory, "-U", superuser]).status == 0
        }
    }

    func log() -> String {
        (try? String(contentsOfFile: path("server.log"), encoding: .utf8)).map { String($0.suffix(4000)) } ?? "(no log)"
    }

    /// SIGINT by pid (fast shutdown), wait up to 30 s, then SIGQUIT; removes the directory. Idempotent.
    func stop() { server.stop() }

    // MARK: Clients

    private var login: [String] { ["-h", socketDirectory, "-U", superuser] }

    /// Runs SQL through `psql` in `database`; returns stdout (unaligned, tuples only, TAB-separated).
    @discardableResult
    func sql(_ statements: String, database: String = "postgres") throws -> String {
        try PostgresTools.run("psql", login + [
            "-X", "-q", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-F", "\t", "-d", database,
        ], stdin: .data(Data(statements.utf8))).stdoutText
    }

    /// Loads a dump file as a user would: `psql -d db -f file`, stopping at the first error.
    func restore(_ file: String, database: String) throws {
        try PostgresTools.run("psql", login + ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-f", file])
    }

    /// `pg_dump` with these arguments into `file`.
    func dump(_ arguments: [String], to file: String) throws {
        try PostgresTools.run("pg_dump", login + arguments, stdoutPath: file)
    }

    /// `pg_dumpall` (roles, then every database) with these arguments into `file`.
    func dumpAll(_ arguments: [String], to file: String) throws {
        try PostgresTools.run("pg_dumpall", login + arguments, stdoutPath: file)
    }
}

/// The suite-level fixture: one server holding the fixture database, into which each case
/// restores a fresh database of its own. Stopped when the suite ends, pass or fail.
struct PostgresServerScope: SuiteTrait, TestScoping {
    @TaskLocal static var current: PostgresServer?

    struct NotRunning: Error, CustomStringConvertible {
        var description: String { "the PostgreSQL server is not running (PostgresServerScope missing)" }
    }

    static func server() throws -> PostgresServer {
        guard let current else { throw NotRunning() }
        return current
    }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard PostgresTools.missing.isEmpty else {
            if Tools.isCI { throw Tools.Missing(names: PostgresTools.missing) }
            try await function()  // skipped by the suite's .enabled trait
            return
        }
        let server = try PostgresServer()
        defer { server.stop() }
        try PostgresFixture.load(into: server)
        try await Self.$current.withValue(server) {
            try await function()
        }
    }
}
