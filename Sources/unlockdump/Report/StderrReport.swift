import UnlockDump

/// The report's lines, without the program-name prefix: one per held lock, one per warning,
/// then a summary a person can check at a glance (counts and how much was read). Rows a `--set`
/// rewrote are not locks, so they are worded "set" rather than "released".
enum StderrReport {
    /// `rowsShown`: the held rows' lines were streamed as they were found (`line(for:mode:)`);
    /// otherwise the report's listed rows come first.
    static func lines(for report: PatchReport, mode: PatchMode, inPlaceUnchanged: Bool = false, rowsShown: Bool = false) -> [String] {
        let locks = rowsShown ? [] : report.heldLocks.map { line(for: $0, mode: mode) }
        let unlisted = report.heldRowCount - report.heldLocks.count
        let more = !rowsShown && unlisted > 0 ? ["... and \(unlisted) more held rows (the first \(PatchReport.heldLockLimit) are listed)"] : []
        var warnings = report.warnings.map { "warning: \($0)" }
        if report.warningsOmitted > 0 { warnings.append("warning: ... and \(report.warningsOmitted) more warnings") }
        let unchanged = inPlaceUnchanged ? ["nothing to release: the file was left unchanged"] : []
        return locks + more + warnings + [summary(of: report, mode: mode)] + unchanged
    }

    /// One held row: what was (or would be) released, removed, set or repaired.
    static func line(for lock: HeldLock, mode: PatchMode) -> String {
        let row = "\(lock.keyColumn) \(lock.displayedKey)"
        switch mode {
        case .release:
            let changes = lock.changes.map { "\($0.column) \($0.displayedOld) -> \($0.displayedNew)" }
            let removal = lock.repair.map { "--repair \($0.rawValue)" } ?? "the row is the lock"
            let detail = lock.removed ? removal : changes.joined(separator: ", ")
            let done = switch lock.action {
            case .repair: lock.removed ? "removed the failed migration" : "repaired the failed migration"
            case .remove: "removed"
            case .set: "set"
            case .release: "released"
            }
            return "\(lock.qualifiedTable): \(done) \(row) (\(detail))"
        case .check:
            let holding = lock.changes.map { "\($0.column) = \($0.displayedOld)" }
            let removal = lock.repair.map { "--repair \($0.rawValue) removes the row" } ?? "the row is the lock"
            let detail = lock.removed ? removal : holding.joined(separator: ", ")
            let state = switch lock.action {
            case .repair: "is a failed migration"
            case .set: "would be set"
            case .release, .remove: "is held"
            }
            return "\(lock.qualifiedTable): \(row) \(state)" + (detail.isEmpty ? "" : " (\(detail))")
        }
    }

    private static func summary(of report: PatchReport, mode: PatchMode) -> String {
        let read = "(\(ByteCountFormat.string(report.bytesRead)) read)"
        let unrepaired = report.unrepairedFailureCount
        let left = switch unrepaired {
        case 0: ""
        case 1: "; 1 failed migration left as it is (see --repair)"
        default: "; \(unrepaired) failed migrations left as they are (see --repair)"
        }
        guard report.heldRowCount > 0 else { return "no held lock found\(left) \(read)" }
        let setRows = report.setRowCount
        let repairs = report.repairRowCount
        let locks = report.heldRowCount - setRows - repairs
        let counted = report.tablesWithHeldLocks
        let plus = report.otherTables.rowsReleased > 0 ? "+" : ""
        let tables = counted == 1 && plus.isEmpty ? "1 table" : "\(counted)\(plus) tables"
        var parts: [String] = []
        if locks > 0 {
            let noun = locks == 1 ? "lock" : "locks"
            parts.append(mode == .release ? "\(locks) \(noun) released" : "\(locks) held \(noun)")
        }
        if setRows > 0 {
            let noun = setRows == 1 ? "row" : "rows"
            parts.append(mode == .release ? "\(setRows) \(noun) set" : "\(setRows) \(noun) to set")
        }
        if repairs > 0 {
            let noun = repairs == 1 ? "failed migration" : "failed migrations"
            parts.append(mode == .release ? "\(repairs) \(noun) repaired" : "\(repairs) \(noun)")
        }
        return "\(parts.joined(separator: " and ")) in \(tables)\(left) \(read)"
    }
}
