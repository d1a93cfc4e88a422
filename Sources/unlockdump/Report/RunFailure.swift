import StreamCompression
import UnlockDump

/// A run that stopped: its exit status, and the message in the report's format. In text, one
/// line on stderr, a malformed dump in the `FILE:LINE:COLUMN: message (byte B)` form editors and
/// `grep -n` users know; with `--report json`, one JSON object (also to the `--report-file`), so
/// a script reading the report gets JSON whatever happened.
struct RunFailure {
    /// What stopped the run, as the JSON report's `error.kind` names it.
    enum Kind: String {
        case malformedDump = "malformed_dump", corruptGzip = "corrupt_gzip", corruptZstd = "corrupt_zstd", usage
        case readerGone = "reader_gone", io
    }

    let status: ExitStatus
    let kind: Kind
    let message: String
    let position: SourcePosition?
    let options: CommandLineOptions

    init(_ error: any Error, options: CommandLineOptions) {
        self.options = options
        switch error {
        case let error as MalformedDump:
            (status, kind, message, position) = (.malformedDump, .malformedDump, error.message, error.position)
        case let error as CorruptGzip:
            (status, kind, message, position) = (.malformedDump, .corruptGzip, "\(error)", nil)
        case let error as CorruptZstd:
            (status, kind, message, position) = (.malformedDump, .corruptZstd, "\(error)", nil)
        case let error as UsageError:
            (status, kind, message, position) = (.usage, .usage, "\(error)", nil)
        case let error as FileError where error.code == EPIPE:
            (status, kind, message, position) = (.readerGone, .readerGone, "\(error)", nil)
        default:
            (status, kind, message, position) = (.ioError, .io, "\(error)", nil)
        }
    }

    /// Says it where the report goes; returns the exit status.
    func report() -> ExitStatus {
        guard status != .readerGone else { return status }  // nobody left to tell
        switch options.reportFormat {
        case .text:
            if status == .usage {
                StandardError.sayUsage(UsageError(message))
            } else {
                StandardError.say(textLine)
            }
        case .json:
            let object = JSONReport.failure(
                status: status, mode: options.mode, kind: kind.rawValue, message: message, position: position,
                input: options.inputName)
            StandardError.writeRaw(object + "\n")
            if let path = options.reportFile {
                do { try ReportFile.write(object + "\n", to: path) } catch { StandardError.say("\(error)") }
            }
        }
        return status
    }

    private var textLine: String {
        guard let position else { return kind == .io ? message : "\(options.inputName): \(message)" }
        return "\(options.inputName):\(position.line):\(position.column): \(message) (byte \(position.byte))"
    }
}
