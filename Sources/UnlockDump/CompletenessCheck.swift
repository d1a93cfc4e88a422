/// Whether a dump ends the way its producer ends a complete one. A backup cut short (the dump
/// tool died, the disk filled, a transfer stopped) restores without a sound and loses the rest;
/// this is the one place that can say so. Only the head (to see whose dump it is) and the tail
/// (to see its closing line) are kept, both bounded.
struct CompletenessCheck {
    private static let headLength = 4096
    private static let tailLength = 1024

    private var head: [UInt8] = []
    private var tail: [UInt8] = []

    init() {
        head.reserveCapacity(Self.headLength)
        tail.reserveCapacity(2 * Self.tailLength)
    }

    mutating func observe(_ chunk: UnsafeRawBufferPointer) {
        if head.count < Self.headLength {
            head.append(contentsOf: chunk.prefix(Self.headLength - head.count))
        }
        if chunk.count >= Self.tailLength {
            tail.removeAll(keepingCapacity: true)
            tail.append(contentsOf: chunk.suffix(Self.tailLength))
            return
        }
        if tail.count + chunk.count > 2 * Self.tailLength { tail.removeFirst(tail.count - Self.tailLength) }
        tail.append(contentsOf: chunk)
    }

    private struct Producer {
        let name: String
        /// A line of the head that says the dump is this producer's.
        let header: String
        /// What the tail of a complete dump holds.
        let trailer: String
        /// The trailer must be the dump's last statement, not merely near the end.
        let trailerIsLast: Bool
    }

    /// Most specific first: a cluster dump's header begins like a database dump's.
    private static let producers = [
        Producer(name: "mysqldump", header: "-- MySQL dump ", trailer: "-- Dump completed", trailerIsLast: false),
        Producer(name: "mariadb-dump", header: "-- MariaDB dump ", trailer: "-- Dump completed", trailerIsLast: false),
        Producer(
            name: "pg_dumpall", header: "-- PostgreSQL database cluster dump",
            trailer: "-- PostgreSQL database cluster dump complete", trailerIsLast: false),
        Producer(
            name: "pg_dump", header: "-- PostgreSQL database dump", trailer: "-- PostgreSQL database dump complete",
            trailerIsLast: false),
        Producer(name: "sqlite3 .dump", header: "BEGIN TRANSACTION;", trailer: "COMMIT;", trailerIsLast: true),
    ]

    private static let sqliteRollback = Array("ROLLBACK; -- due to errors".utf8)

    /// The warning for a dump whose producer is known and whose closing line is missing.
    func warning() -> String? {
        guard let producer = Self.producers.first(where: { headHasLine(startingWith: $0.header) }) else { return nil }
        let trailer = Array(producer.trailer.utf8)
        // `tail` holds between one and two windows, depending on how the input was cut: judge
        // exactly the last window, so the verdict does not depend on chunking.
        let window = tail.suffix(Self.tailLength)
        let trimmed = Array(window.reversed().drop { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }.reversed())
        if producer.trailerIsLast {
            if trimmed.ends(with: trailer) { return nil }
            if trimmed.ends(with: Self.sqliteRollback) {
                return "sqlite3 met errors while dumping and ended the dump with ROLLBACK: restoring it loads nothing; dump again"
            }
        } else if window.firstRange(of: trailer) != nil {
            return nil
        }
        return "the dump looks truncated: its header is \(producer.name)'s, but it does not end with '\(producer.trailer)'; restoring it would lose what is missing"
    }

    private func headHasLine(startingWith prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
        if head.count >= Self.headLength { lines.removeLast() }  // cut by the head's bound
        return lines.enumerated().contains { index, line in
            let text = index == 0 && line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3) : line
            return text.starts(with: prefix)
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
