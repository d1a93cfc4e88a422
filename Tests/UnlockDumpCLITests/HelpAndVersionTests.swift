import Testing
import TestSupport

@Suite struct HelpAndVersionTests {
    @Test(arguments: [["--help"], ["-h"], ["--quiet", "--help"], ["-qh"]])
    func helpListsEveryOptionAndExitStatus(arguments: [String]) throws {
        let result = try Unlockdump.run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let help = result.stdoutText
        for option in ["-o, --output FILE", "--in-place", "--backup SUFFIX", "--force", "--check",
                       "--dialect D", "mysql", "sqlite", "auto", "mariadb", "-q, --quiet", "-h, --help",
                       "--version", "--output=FILE", "--dialect=D", "--backup=SUFFIX", "--gzip", "--only LIST",
                       "--set TABLE.COLUMN=VALUE", "--where COLUMN=VALUE", "--stamp-release", "--report FORMAT",
                       "--report-file FILE", "--progress", "--no-progress"] {
            #expect(help.contains(option), "help lacks \(option)")
        }
        for status in ["0      done", "1      --check found a held lock", "2      usage error", "3      malformed dump",
                       "4      I/O error"] {
            #expect(help.contains(status), "help lacks exit status \(status)")
        }
    }

    @Test func versionSaysTheBuild() throws {
        let result = try Unlockdump.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdoutLines == [
            "unlockdump 1.1.0", "commit: development build",
            "linkage: dynamic (needs the Swift runtime of the toolchain that built it)",
        ])
    }
}
