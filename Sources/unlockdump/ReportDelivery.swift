import UnlockDump

/// Sends the report where the options say. On stderr the text report's lines carry the
/// `unlockdump: ` prefix, as everything this tool writes there does, and the JSON report is the
/// bare object on one line, so `2> report.json` is JSON. A `--report-file` gets the bare text or
/// JSON, written to a temporary file before the dump is final (`prepare`) and renamed after it.
/// `--quiet` silences stderr only: a report file that was asked for is still written.
enum ReportDelivery {
    /// The report file's temporary copy, or `nil` when the report goes to stderr.
    static func prepare(_ run: JSONReport.Run, options: CommandLineOptions) throws -> OutputTarget? {
        guard let path = options.reportFile else { return nil }
        return try ReportFile.prepare(text(run, options: options).joined(), at: path)
    }

    /// After the dump is final: the report file takes its name, or the report goes to stderr.
    static func deliver(_ run: JSONReport.Run, prepared: OutputTarget?, options: CommandLineOptions) throws {
        if let prepared {
            try prepared.commit()
        } else if !options.quiet {
            switch options.reportFormat {
            case .text:
                StderrReport.lines(for: run.report, mode: run.mode, inPlaceUnchanged: run.inPlaceUnchanged, rowsShown: run.rowsShown)
                    .forEach(StandardError.say)
            case .json: StandardError.writeRaw(JSONReport.object(for: run) + "\n")
            }
        }
    }

    private static func text(_ run: JSONReport.Run, options: CommandLineOptions) -> [String] {
        let lines = switch options.reportFormat {
        case .text: StderrReport.lines(for: run.report, mode: run.mode, inPlaceUnchanged: run.inPlaceUnchanged)
        case .json: [JSONReport.object(for: run)]
        }
        return lines.map { $0 + "\n" }
    }
}
