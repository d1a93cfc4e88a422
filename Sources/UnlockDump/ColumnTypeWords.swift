/// Reads the words of one column definition in a CREATE TABLE for the two facts lock rows need:
/// the column holds a time zone (postgres `timestamp with time zone`, `timestamptz`), or it ends
/// a MariaDB system-versioning period (`GENERATED ALWAYS AS ROW END`).
struct ColumnTypeWords {
    private enum Previous {
        case other, with, withTime, row
    }

    private var previous = Previous.other
    private(set) var isZoned = false
    private(set) var isRowEnd = false

    mutating func add(_ word: TokenText) {
        let next: Previous
        switch previous {
        case .with where Self.time.matches(word):
            next = .withTime
        case .withTime where Self.zone.matches(word):
            isZoned = true
            next = .other
        case .row where Keyword.end.matches(word):
            isRowEnd = true
            next = .other
        default:
            if Self.timestamptz.matches(word) { isZoned = true }
            next = Self.with.matches(word) ? .with : Self.row.matches(word) ? .row : .other
        }
        previous = next
    }

    private static let with = Keyword("with")
    private static let time = Keyword("time")
    private static let zone = Keyword("zone")
    private static let row = Keyword("row")
    private static let timestamptz = Keyword("timestamptz")
}
