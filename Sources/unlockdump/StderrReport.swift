import UnlockDump

/// The report's lines, without the program-name prefix: one per held lock, one per warning,
/// then a summary a person can check at a glance (counts and how much was read). Rows a `--set`
/// rewrote are not locks, so they are worded "set" rather than "released".
enum StderrReport {
    static func lines(for report: PatchReport, mode: PatchMode) -> [String] {
        let locks = report.heldLocks.map { lock in
            let isSet = lock.family == nil
            switch mode {
            case .release:
                let changes = lock.changes.map { "\($0.column) \($0.oldLiteral) -> \($0.newLiteral)" }
                return "\(lock.qualifiedTable): \(isSet ? "set" : "released") \(lock.keyColumn) \(lock.keyLiteral) (\(changes.joined(separator: ", ")))"
            case .check:
                let holding = lock.changes.map { "\($0.column) = \($0.oldLiteral)" }
                return "\(lock.qualifiedTable): \(lock.keyColumn) \(lock.keyLiteral) \(isSet ? "would be set" : "is held") (\(holding.joined(separator: ", ")))"
            }
        }
        let warnings = report.warnings.map { "warning: \($0)" }
        return locks + warnings + [summary(of: report, mode: mode)]
    }

    private static func summary(of report: PatchReport, mode: PatchMode) -> String {
        let read = "(\(ByteCountFormat.string(report.bytesRead)) read)"
        guard !report.heldLocks.isEmpty else { return "no held lock found \(read)" }
        let setRows = report.heldLocks.count { $0.family == nil }
        let locks = report.heldLocks.count - setRows
        let tables = report.tablesWithHeldLocks == 1 ? "1 table" : "\(report.tablesWithHeldLocks) tables"
        var parts: [String] = []
        if locks > 0 {
            let noun = locks == 1 ? "lock" : "locks"
            parts.append(mode == .release ? "\(locks) \(noun) released" : "\(locks) held \(noun)")
        }
        if setRows > 0 {
            let noun = setRows == 1 ? "row" : "rows"
            parts.append(mode == .release ? "\(setRows) \(noun) set" : "\(setRows) \(noun) to set")
        }
        return "\(parts.joined(separator: " and ")) in \(tables) \(read)"
    }
}
