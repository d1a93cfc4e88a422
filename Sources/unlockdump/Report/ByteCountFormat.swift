/// Sizes as people read them, shared by the report's summary and the progress line.
enum ByteCountFormat {
    /// Decimal units with one decimal, moving up a unit rather than printing "1000.0 kB".
    static func string(_ bytes: Int) -> String {
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
