import Foundation
import TestSupport
import Testing

/// The man page says what `--help` says, and `scripts/install.sh` puts both files where man(1)
/// and the shell look for them.
@Suite struct ManPageTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let manPage = root.appendingPathComponent("Sources/unlockdump/unlockdump.1")

    /// The roff source with escapes undone: `\-` is a hyphen, `\fB` and friends change fonts.
    private static func manText() throws -> String {
        var text = try String(contentsOf: manPage, encoding: .utf8)
        text = text.replacingOccurrences(of: "\\-", with: "-")
        for font in ["\\fB", "\\fI", "\\fR", "\\fP"] { text = text.replacingOccurrences(of: font, with: "") }
        return text
    }

    /// Every `-x` / `--long` option the help lists, by scanning its option lines.
    private static func helpOptions() throws -> Set<String> {
        let help = try Unlockdump.run(["--help"]).stdoutText
        var options = Set<String>()
        for line in help.split(separator: "\n") where line.hasPrefix("  -") || line.hasPrefix("      --") {
            for word in line.split(separator: " ").prefix(3) where word.hasPrefix("-") {
                options.insert(String(word.trimmingCharacters(in: CharacterSet(charactersIn: ","))))
            }
        }
        return options
    }

    @Test func everyHelpOptionIsInTheManPage() throws {
        let options = try Self.helpOptions()
        #expect(options.count >= 20, "found \(options.sorted())")
        let man = try Self.manText()
        for option in options {
            #expect(man.contains(option), "the man page lacks \(option)")
        }
        for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH EXIT STATUS", ".SH EXAMPLES", ".SH SEE ALSO"] {
            #expect(man.contains(section))
        }
    }

    @Test func manPageVersionMatchesTheBinary() throws {
        let version = try #require(try Unlockdump.run(["--version"]).stdoutLines.first)
        #expect(try Self.manText().contains("\"\(version)\""))
    }

    @Test func installPutsBinaryAndManPageUnderPrefixAndDestdir() throws {
        let scratch = try Scratch()
        let sh = URL(fileURLWithPath: "/bin/sh")
        let script = Self.root.appendingPathComponent("scripts/install.sh").path
        let result = try Subprocess.run(
            sh, [script, "/opt/unlockdump"],
            environment: ["BINARY": Unlockdump.binary.path, "DESTDIR": scratch.path("root")])
        #expect(result.status == 0, "\(result.stderr)")
        let prefix = scratch.path("root/opt/unlockdump")
        let installed = prefix + "/bin/unlockdump"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.contents(atPath: prefix + "/share/man/man1/unlockdump.1") == (try Data(contentsOf: Self.manPage)))
        let version = try Subprocess.run(URL(fileURLWithPath: installed), ["--version"])
        #expect(version.stdoutText.hasPrefix("unlockdump 1.1.0\n"))
    }
}
