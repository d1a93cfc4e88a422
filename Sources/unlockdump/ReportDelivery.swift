import Glibc
import UnlockDump

/// Sends the report where the options say. On stderr every line carries the `unlockdump: `
/// prefix, the JSON object included, as everything this tool writes there does; a
/// `--report-file` gets the bare text (or bare JSON, ready for `jq`). `--quiet` silences stderr
/// only: a report file that was asked for is still written.
enum ReportDelivery {
    static func deliver(_ run: JSONReport.Run, options: CommandLineOptions) throws {
        let lines = switch options.reportFormat {
        case .text: StderrReport.lines(for: run.report, mode: run.mode)
        case .json: [JSONReport.object(for: run)]
        }
        if let path = options.reportFile {
            try write(lines.map { $0 + "\n" }.joined(), to: path)
        } else if !options.quiet {
            lines.forEach(StandardError.say)
        }
    }

    /// Created or truncated like a shell redirection would; a report is not precious enough for
    /// the dump's temporary-file-and-rename treatment.
    private static func write(_ text: String, to path: String) throws {
        let raw = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard raw >= 0 else { throw FileError(name: path, code: errno) }
        let file = FileDescriptor(raw: raw, name: path)
        var text = text
        do {
            try text.withUTF8 { try file.writeAll(UnsafeRawBufferPointer($0)) }
        } catch {
            _ = close(raw)
            throw error
        }
        try file.close()
    }
}
