// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "unlockdump",
    products: [
        .executable(name: "unlockdump", targets: ["unlockdump"]),
        .library(name: "UnlockDump", targets: ["UnlockDump"]),
    ],
    targets: [
        // The dump engine: bytes in, patched bytes out. Knows nothing of files or flags.
        .target(name: "UnlockDump"),
        // The system zlib, for gzip-compressed input and output (headers: zlib1g-dev).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // The system libzstd, for zstd-compressed input and output (headers: libzstd-dev).
        .systemLibrary(name: "CZstd", path: "Sources/CZstd"),
        // Compressed dumps in and out: gzip and zstd decoding, encoding and splicing. Bytes only;
        // the command line brings the files.
        .target(name: "StreamCompression", dependencies: ["CZlib", "CZstd"]),
        // The command line: options, files, compression, report, exit status. The man page lives
        // beside the code it documents; scripts/install.sh installs it.
        .executableTarget(name: "unlockdump", dependencies: ["UnlockDump", "StreamCompression"], exclude: ["unlockdump.1"]),
        .testTarget(name: "UnlockDumpTests", dependencies: ["UnlockDump", "TestSupport"]),
        // The compression library on its own: round trips checked by zlib and by gzip(1).
        .testTarget(name: "StreamCompressionTests", dependencies: ["StreamCompression", "CZlib", "TestSupport"]),
        // Shared by the test targets: the program runner (the built binary, gzip), scratch
        // directories and the seeded random generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Runs the built binary as a user would; depends on it so `swift test` builds it.
        .testTarget(name: "UnlockDumpCLITests", dependencies: ["unlockdump", "TestSupport"]),
        // Round trips through real mariadb-dump / sqlite3 dumps and a private MariaDB server.
        .testTarget(name: "ConformanceTests", dependencies: ["unlockdump", "TestSupport"]),
    ]
)
