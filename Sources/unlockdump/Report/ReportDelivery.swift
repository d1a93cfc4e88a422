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
        let text = lines(run, options.reportFormat, rowsShown: false).map { $0 + "\n" }.joined()
        return try ReportFile.prepare(text, at: path)
    }

    /// After the dump is final: the report file takes its name, or the report goes to stderr.
    static func deliver(_ run: JSONReport.Run, prepared: OutputTarget?, options: CommandLineOptions) throws {
        if let prepared {
            try prepared.commit()
        } else if !options.quiet {
            let report = lines(run, options.reportFormat, rowsShown: run.rowsShown)
            switch options.reportFormat {
            case .text: report.forEach(StandardError.say)
            case .json: report.forEach { StandardError.writeRaw($0 + "\n") }
            }
        }
    }

    /// The report's lines, without prefix or line end.
    private static func lines(_ run: JSONReport.Run, _ format: CommandLineOptions.ReportFormat, rowsShown: Bool) -> [String] {
        switch format {
        case .text: StderrReport.lines(for: run.report, mode: run.mode, inPlaceUnchanged: run.inPlaceUnchanged, rowsShown: rowsShown)
        case .json: [JSONReport.object(for: run)]
        }
    }
}
