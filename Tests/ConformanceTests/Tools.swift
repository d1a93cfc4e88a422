import Foundation
import Testing
import TestSupport

/// The real database tools the suite drives. With `CI=true` a missing tool is a failure (the CI
/// script installs them); elsewhere the suites are skipped with a message saying what is missing.
enum Tools {
    static let isCI = ["true", "1", "yes"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")

    static let mariadbNames = ["mariadbd", "mariadb-install-db", "mariadb", "mariadb-dump", "mariadb-admin"]
    static let sqliteNames = ["sqlite3"]

    static func missing(_ names: [String]) -> [String] { names.filter { Subprocess.which($0) == nil } }

    /// Run a suite when its tools are there, or on CI (where the suite then fails loudly).
    static func enabled(_ names: [String]) -> Bool { isCI || missing(names).isEmpty }

    static func skipMessage(_ names: [String]) -> Comment {
        "\(missing(names).joined(separator: ", ")) not installed (apt-get install mariadb-server mariadb-client sqlite3; with CI=true this fails instead)"
    }

    struct Missing: Error, CustomStringConvertible {
        let names: [String]
        var description: String {
            "database tools missing: \(names.joined(separator: ", ")) — scripts/test.sh installs them (mariadb-server mariadb-client sqlite3)"
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
}
