import Foundation
import TestSupport
import Testing

/// The system's gzip(1), so gzip data in the tests comes from the tool users have, not from the
/// zlib code under test.
enum Gzip {
    static func compress(_ data: Data) throws -> Data {
        try run(["-c", "-n"], data)
    }

    static func decompress(_ data: Data) throws -> Data {
        try run(["-dc"], data)
    }

    private static func run(_ arguments: [String], _ data: Data) throws -> Data {
        let gzip = try #require(Subprocess.which("gzip"), "gzip(1) is needed")
        let result = try Subprocess.run(gzip, arguments, stdin: .data(data))
        guard result.status == 0 else { throw GzipFailed(stderr: result.stderr) }
        return result.stdout
    }

    struct GzipFailed: Error {
        let stderr: String
    }
}
