import UnlockDump

/// The report's lines, without the program-name prefix: one per held lock, one per warning,
/// then a summary a person can check at a glance (counts and how much was read).
enum StderrReport {
    static func lines(for report: PatchReport, mode: PatchMode) -> [String] {
        let locks = report.heldLocks.map { lock in
            switch mode {
            case .release:
                let changes = lock.changes.map { "\($0.column) \($0.oldLiteral) -> \($0.newLiteral)" }
                return "\(lock.qualifiedTable): released \(lock.keyColumn) \(lock.keyLiteral) (\(changes.joined(separator: ", ")))"
            case .check:
                let holding = lock.changes.map { "\($0.column) = \($0.oldLiteral)" }
                return "\(lock.qualifiedTable): \(lock.keyColumn) \(lock.keyLiteral) is held (\(holding.joined(separator: ", ")))"
            }
        }
        let warnings = report.warnings.map { "warning: \($0)" }
        return locks + warnings + [summary(of: report, mode: mode)]
    }

    private static func summary(of report: PatchReport, mode: PatchMode) -> String {
        let read = "(\(formatSize(report.bytesRead)) read)"
        let count = report.heldLocks.count
        guard count > 0 else { return "no held lock found \(read)" }
        let locks = count == 1 ? "lock" : "locks"
        let tables = report.tablesWithHeldLocks == 1 ? "1 table" : "\(report.tablesWithHeldLocks) tables"
        switch mode {
        case .release: return "\(count) \(locks) released in \(tables) \(read)"
        case .check: return "\(count) held \(locks) in \(tables) \(read)"
        }
    }

    /// Decimal units with one decimal, moving up a unit rather than printing "1000.0 kB".
    private static func formatSize(_ bytes: Int) -> String {
        if bytes < 1000 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let units = ["kB", "MB", "GB"]
        var unit = 0
        var unitSize = 1000
        func roundedTenths() -> Int { (bytes * 10 + unitSize / 2) / unitSize }
        while unit < units.count - 1, roundedTenths() >= 10_000 {
            unit += 1
            unitSize *= 1000
        }
        let tenths = roundedTenths()
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
