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
        // The command line: options, files, report, exit status.
        .executableTarget(name: "unlockdump", dependencies: ["UnlockDump"]),
        .testTarget(name: "UnlockDumpTests", dependencies: ["UnlockDump"]),
        // Runs the built binary as a user would; depends on it so `swift test` builds it.
        .testTarget(name: "UnlockDumpCLITests", dependencies: ["unlockdump"]),
    ]
)
