import Foundation
import Testing
import TestSupport

/// The real database tools the suite drives. With `CI=true` a missing tool is a failure (the CI
/// script installs them); elsewhere the suites are skipped with a message saying what is missing.
enum Tools {
    static let isCI = ["true", "1", "yes"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")

    static let mariadbNames = ["mariadbd", "mariadb-install-db", "mariadb", "mariadb-dump", "mariadb-admin"]
    static let sqliteNames = ["sqlite3"]
    /// mydumper's dumper and loader (Debian package `mydumper`), for the MariaDB suite's mydumper cases.
    static let mydumperNames = ["mydumper", "myloader"]

    static func missing(_ names: [String]) -> [String] { names.filter { Subprocess.which($0) == nil } }

    /// Run a suite when its tools are there, or on CI (where the suite then fails loudly).
    static func enabled(_ names: [String]) -> Bool { isCI || missing(names).isEmpty }

    static func skipMessage(_ names: [String]) -> Comment {
        "\(missing(names).joined(separator: ", ")) not installed (apt-get install mariadb-server mariadb-client sqlite3 mydumper zstd; with CI=true this fails instead)"
    }

    struct Missing: Error, CustomStringConvertible {
        let names: [String]
        var description: String {
            "tools missing: \(names.joined(separator: ", ")) — scripts/test.sh installs them (mariadb-server mariadb-client sqlite3 mydumper zstd)"
        }
    }

    /// Fails (throws) unless every tool is there: what a suite does first on CI.
    static func require(_ names: [String]) throws {
        let missing = missing(names)
        guard missing.isEmpty else { throw Missing(names: missing) }
    }

    /// The tool's path, or an error (a failure, not a skip: the suite only runs when the tools
    /// are there, or on CI where they must be).
    static func path(_ name: String) throws -> URL {
        guard let url = Subprocess.which(name) else { throw Missing(names: [name]) }
        return url
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let command: String
        let result: Subprocess.Result
        var description: String {
            "\(command) exited \(result.status): \(result.stderr.prefix(2000))"
        }
    }

    /// Runs a tool and fails unless it exits 0.
    @discardableResult
    static func run(_ name: String, _ arguments: [String], stdin: Subprocess.Input = .none, stdoutPath: String? = nil) throws -> Subprocess.Result {
        let result = try Subprocess.run(try path(name), arguments, stdin: stdin, stdoutPath: stdoutPath)
        guard result.status == 0, result.exitedNormally else {
            throw CommandFailed(command: ([name] + arguments).joined(separator: " "), result: result)
        }
        return result
    }

    struct TimedOut: Error, CustomStringConvertible {
        let command: String
        let seconds: Int
        let attempts: Int
        let log: String
        var description: String {
            "\(command) did not finish in \(seconds) s, \(attempts) time(s) running:\n\(log.suffix(3000))"
        }
    }

    /// Runs a tool under coreutils' `timeout`, so a tool that hangs fails the case instead of the
    /// whole CI job. mydumper 0.10 sometimes never returns (one worker thread never shuts down, a
    /// known class of mydumper bugs): such a hang is retried up to `attempts` times, after
    /// `cleanUp`; any other failure fails at once. `log` gives the tool's own log for the message.
    @discardableResult
    static func runBounded(
        _ name: String, _ arguments: [String], seconds: Int, attempts: Int = 1,
        log: () -> String = { "" }, cleanUp: () throws -> Void = {}
    ) throws -> Subprocess.Result {
        let timeout = try path("timeout")
        let tool = try path(name)
        let command = ([name] + arguments).joined(separator: " ")
        for attempt in 1...attempts {
            if attempt > 1 { try cleanUp() }
            // SIGKILL: a child of the test process may inherit SIGTERM blocked, and would then
            // outlive a polite timeout. Having killed the tool, `timeout` kills itself the same
            // way, so the shell would see 137 (128 + 9).
            let result = try Subprocess.run(timeout, ["--signal=KILL", String(seconds), tool.path] + arguments)
            if result.reason == .uncaughtSignal && result.status == SIGKILL || result.status == 124 {
                if attempt < attempts {
                    FileHandle.standardError.write(Data("conformance: \(name) hung (\(seconds) s, attempt \(attempt) of \(attempts)); running it again\n".utf8))
                    continue
                }
                throw TimedOut(command: command, seconds: seconds, attempts: attempts, log: result.stderr + log())
            }
            guard result.status == 0, result.exitedNormally else {
                throw CommandFailed(command: command, result: result)
            }
            return result
        }
        preconditionFailure("unreachable")
    }
}
