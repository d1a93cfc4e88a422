import UnlockDump

/// `--report json`: the run as one JSON object on one line, for scripts and monitoring. Written
/// by hand (no Foundation in the binary); every string goes through `quoted`, so table names,
/// literals and warnings with quotes, backslashes or control bytes stay valid JSON.
enum JSONReport {
    struct Run {
        var report: PatchReport
        var mode: PatchMode
        var status: ExitStatus
        var durationSeconds: Double
        var inputCompression: Compression
        /// `none` also for `--check`, which writes no dump.
        var outputCompression: Compression
        /// How the gzip output was made; `nil` when there is none.
        var gzipMethod: GzipMethod? = nil
        /// `--in-place` found nothing to release and left the file as it was.
        var inPlaceUnchanged = false
        /// The text report's row lines were streamed to stderr as the rows were found.
        var rowsShown = false
    }

    /// `spliced`: the compressed input kept but around the edits; `compressed`: deflated afresh.
    enum GzipMethod: String {
        case spliced, compressed
    }

    static func object(for run: Run) -> String {
        let report = run.report
        let fields: [(String, String)] = [
            ("status", "\(run.status.rawValue)"),
            ("mode", modeName(run.mode)),
            ("dialect", report.dialect.map { quoted($0.rawValue) } ?? "null"),
            // The booleans came first and scripts read them; the names cover zstd too.
            ("input_gzip", "\(run.inputCompression == .gzip)"),
            ("output_gzip", "\(run.outputCompression == .gzip)"),
            ("input_compression", quoted(run.inputCompression.rawValue)),
            ("output_compression", quoted(run.outputCompression.rawValue)),
            ("output_gzip_method", run.gzipMethod.map { quoted($0.rawValue) } ?? "null"),
            ("unchanged", "\(run.inPlaceUnchanged)"),
            ("bytes_read", "\(report.bytesRead)"),
            ("bytes_written", "\(report.bytesWritten)"),
            ("duration_seconds", fixed3(run.durationSeconds)),
            ("tables", array(report.tables.map { table(for: $0, in: report, mode: run.mode) })),
            ("other_tables", object([
                ("rows_seen", "\(report.otherTables.rowsSeen)"),
                (heldKey(run.mode), "\(report.otherTables.rowsReleased)"),
            ])),
            ("held_locks", array(report.heldLocks.map(heldLock))),
            ("held_locks_total", "\(report.heldRowCount)"),
            ("held_locks_truncated", "\(!report.heldLocksComplete)"),
            ("failed_migrations_total", "\(report.repairRowCount)"),
            ("failed_migrations_unrepaired", "\(report.unrepairedFailureCount)"),
            ("warnings", array(report.warnings.map(quoted))),
            ("warnings_omitted", "\(report.warningsOmitted)"),
        ]
        return object(fields)
    }

    private static func modeName(_ mode: PatchMode) -> String {
        quoted(mode == .release ? "release" : "check")
    }

    /// In check mode nothing is released: the rows are held.
    private static func heldKey(_ mode: PatchMode) -> String {
        mode == .check ? "rows_held" : "rows_released"
    }

    /// A table's counts, with the keys of its listed held rows (the report's per-row details are
    /// in `held_locks`).
    private static func table(for summary: LockTableSummary, in report: PatchReport, mode: PatchMode) -> String {
        let keys = report.heldLocks
            .filter { $0.database == summary.database && $0.schema == summary.schema && $0.table == summary.table }
            .map { quoted($0.keyValue) }
        return object([
            ("database", summary.database.map(quoted) ?? "null"),
            ("schema", summary.schema.map(quoted) ?? "null"),
            ("table", quoted(summary.table)),
            ("rows_seen", "\(summary.rowsSeen)"),
            (heldKey(mode), "\(summary.rowsReleased)"),
            ("lock_keys", array(keys)),
        ])
    }

    /// A run that stopped: its status, and what stopped it, with the position where one is known.
    static func failure(
        status: ExitStatus, mode: PatchMode, kind: String, message: String, position: SourcePosition?, input: String
    ) -> String {
        var error: [(String, String)] = [("kind", quoted(kind)), ("message", quoted(message)), ("input", quoted(input))]
        if let position {
            error += [("line", "\(position.line)"), ("column", "\(position.column)"), ("byte", "\(position.byte)")]
        }
        return object([
            ("status", "\(status.rawValue)"), ("mode", modeName(mode)), ("error", object(error)),
        ])
    }

    private static func heldLock(_ lock: HeldLock) -> String {
        let changes = lock.changes.map {
            object([("column", quoted($0.column)), ("old", quoted($0.displayedOld)), ("new", quoted($0.displayedNew))])
        }
        return object([
            ("database", lock.database.map(quoted) ?? "null"),
            ("schema", lock.schema.map(quoted) ?? "null"),
            ("table", quoted(lock.table)),
            ("action", quoted(lock.action.rawValue)),
            ("family", lock.family.map { quoted($0.rawValue) } ?? "null"),
            ("repair", lock.repair.map { quoted($0.rawValue) } ?? "null"),
            ("removed", "\(lock.removed)"),
            ("recognized_by", quoted(lock.recognizedByColumns ? "columns" : "name")),
            ("key_column", quoted(lock.keyColumn)),
            ("key", quoted(lock.keyValue)),
            ("key_literal", quoted(lock.displayedKey)),
            ("changes", array(changes)),
        ])
    }

    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    private static func array(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ",") + "]"
    }

    /// A JSON string: `"` and `\` escaped, control bytes as `\u00XX` (RFC 8259 §7), since literals
    /// and names come from the dump and may hold anything.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Milliseconds are enough for a duration, and `Double`'s description could print `1e-05`.
    private static func fixed3(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        let fraction = millis % 1000
        return "\(millis / 1000)." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + "\(fraction)"
    }
}
