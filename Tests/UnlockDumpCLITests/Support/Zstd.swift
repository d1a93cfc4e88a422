import Foundation
import TestSupport
import Testing

/// The system's zstd(1), so zstd data in the tests comes from the tool users have, not from the
/// libzstd code under test; `Producer` writes the frame shapes real backups come in.
enum Zstd {
    /// The header a producer's frame has (RFC 8878 §3.1.1.1: the frame header descriptor is the
    /// byte after the magic number).
    enum Producer: CaseIterable, CustomTestStringConvertible {
        /// `zstd FILE`: one frame with the content size in its header and an XXH64 checksum.
        case zstdFile
        /// pg_dump 16 `--compress=zstd` on a plain dump (compress_zstd.c): libzstd's streaming
        /// API at the default level, one frame ended when the dump is closed, no checksum and no
        /// content size, as pg_dump never sets either. `zstd --no-check` on a pipe writes the same.
        case pgDump16
        /// mydumper's `--compress ZSTD`, which pipes every file through `zstd -c`: a checksum,
        /// no content size.
        case zstdPipe

        var testDescription: String {
            switch self {
            case .zstdFile: "zstd FILE"
            case .pgDump16: "pg_dump 16 --compress=zstd"
            case .zstdPipe: "zstd -c < pipe (mydumper)"
            }
        }

        /// The frame header descriptor this producer writes for a dump of a few KiB.
        var descriptor: UInt8 {
            switch self {
            case .zstdFile: 0x64  // 2-byte content size, single segment, checksum
            case .pgDump16: 0x00  // a window descriptor follows; nothing else
            case .zstdPipe: 0x04  // checksum
            }
        }
    }

    static func compress(_ data: Data, as producer: Producer = .zstdFile, options: [String] = []) throws -> Data {
        switch producer {
        case .zstdFile:
            let scratch = try Scratch(prefix: "unlockdump-zstd")
            return try run(["-q", "-c"] + options + [try scratch.write("dump.sql", data)], .none)
        case .pgDump16:
            return try run(["-q", "-c", "--no-check"] + options, .data(data))
        case .zstdPipe:
            return try run(["-q", "-c"] + options, .data(data))
        }
    }

    static func decompress(_ data: Data) throws -> Data {
        try run(["-q", "-dc"], .data(data))
    }

    /// A skippable frame (RFC 8878 §3.1.2), as some tools write for their own metadata.
    static func skippableFrame(_ contents: String, variant: UInt8 = 0) -> Data {
        let payload = Data(contents.utf8)
        let size = UInt32(payload.count)
        return Data([0x50 | variant, 0x2A, 0x4D, 0x18]) + withUnsafeBytes(of: size.littleEndian) { Data($0) } + payload
    }

    /// stdin from a file (as the test runner gives it) is of unknown size to zstd(1), like a pipe.
    private static func run(_ arguments: [String], _ input: Subprocess.Input) throws -> Data {
        let zstd = try #require(Subprocess.which("zstd"), "zstd(1) is needed (apt-get install zstd)")
        let result = try Subprocess.run(zstd, arguments, stdin: input)
        guard result.status == 0 else { throw ZstdFailed(stderr: result.stderr) }
        return result.stdout
    }

    struct ZstdFailed: Error {
        let stderr: String
    }
}
