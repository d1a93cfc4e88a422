import Foundation
import TestSupport
import Testing

/// The filter's everyday use: stdin or a file in, stdout out, the dump untouched when no lock is
/// held, and a report on stderr only.
@Suite struct StreamingTests {
    @Test func standardInputToStandardOutputIsByteIdentical() throws {
        let dump = Data(Dumps.withoutLock().utf8)
        let result = try Unlockdump.run([], stdin: .data(dump))
        #expect(result.status == 0)
        #expect(result.stdout == dump)
        #expect(result.stderr == "unlockdump: no held lock found (\(dump.count) bytes read)\n")
    }

    @Test func dashMeansStandardInput() throws {
        let dump = Data(Dumps.withoutLock().utf8)
        let result = try Unlockdump.run(["-"], stdin: .data(dump))
        #expect(result.status == 0)
        #expect(result.stdout == dump)
    }

    /// Several MiB cross every buffer boundary of reading and writing.
    @Test func largeFileToStandardOutputIsByteIdentical() throws {
        let scratch = try Scratch()
        let dump = Data(Dumps.withoutLock(rows: 80_000).utf8)
        #expect(dump.count > 3 << 20)
        let path = try scratch.write("big.sql", dump)
        let result = try Unlockdump.run([path])
        #expect(result.status == 0)
        #expect(result.stdout == dump)
        #expect(result.stderr.hasPrefix("unlockdump: no held lock found ("))
        #expect(result.stderr.hasSuffix(" MB read)\n"))
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let dump = Data(Dumps.withoutLock().utf8)
        for quiet in ["-q", "--quiet"] {
            let result = try Unlockdump.run([quiet], stdin: .data(dump))
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            #expect(result.stdout == dump)
        }
    }

    @Test func sizesUseDecimalUnitsWithOneDecimal() throws {
        let comment = "-- " + String(repeating: "x", count: 1496) + "\n"
        #expect(comment.utf8.count == 1500)
        let result = try Unlockdump.run([], stdin: .data(Data(comment.utf8)))
        #expect(result.stderr == "unlockdump: no held lock found (1.5 kB read)\n")
    }

    @Test func checkWithoutLockWritesNothingAndExitsZero() throws {
        let dump = Data(Dumps.withoutLock().utf8)
        let result = try Unlockdump.run(["--check"], stdin: .data(dump))
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "unlockdump: no held lock found (\(dump.count) bytes read)\n")
    }

    @Test(arguments: [
        ["--dialect", "mysql"], ["--dialect", "mariadb"], ["--dialect=sqlite"], ["--dialect=auto"],
        ["--dialect", "postgres"], ["--dialect=postgresql"], ["--dialect=pg"], ["--dialect=PG"],
    ])
    func dialectIsAccepted(arguments: [String]) throws {
        let dump = Data("INSERT INTO t VALUES (1,'a');\n".utf8)
        let result = try Unlockdump.run(arguments, stdin: .data(dump))
        #expect(result.status == 0)
        #expect(result.stdout == dump)
    }

    @Test func doubleDashEndsOptions() throws {
        let scratch = try Scratch()
        let dump = Data(Dumps.withoutLock().utf8)
        try scratch.write("-q", dump)
        let result = try Unlockdump.run(["--", "-q"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == dump)
        #expect(!result.stderr.isEmpty, "-q after -- is a file name, not --quiet")
    }

    /// Memory must not grow with the dump: over 32 MiB through, peak RSS under 16 MiB.
    @Test func memoryStaysFlat() throws {
        let scratch = try Scratch()
        let dump = Data(Dumps.withoutLock(rows: 800_000).utf8)
        #expect(dump.count > 32 << 20)
        let path = try scratch.write("huge.sql", dump)
        let result = try Unlockdump.run(["-q", "-o", scratch.path("out.sql"), path], wrapper: ["/usr/bin/time", "-f", "%M"])
        #expect(result.status == 0)
        let peakKiB = Int(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
        #expect(peakKiB < 16 * 1024)
        #expect(try scratch.read("out.sql") == dump)
    }
}
