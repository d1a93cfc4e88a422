/// psql meta-command lines in a pg_dump or pg_dumpall script, for the one that matters here:
/// `\connect`, after which the tables are another database's.
///
/// pg_dump and pg_dumpall write it two ways (`appendPsqlMetaConnect` in their sources): a name of
/// plain ASCII letters, digits, `_` and `.` as `\connect name` (double-quoted as an identifier where
/// it needs to be, `\connect "Billing"`), and any other name as a connection string,
/// `\connect -reuse-previous=on "dbname='my db'"`, whose value is single-quoted with `\` escapes.
enum PsqlMetaCommand {
    /// The database a `\connect` (or `\c`) line switches to; `nil` for any other line, or one
    /// whose target cannot be read (a host or URI form no dump tool writes).
    static func connectedDatabase(_ line: [UInt8]) -> [UInt8]? {
        var words = Words(line[...])
        guard let command = words.next(), command == Array("\\connect".utf8) || command == Array("\\c".utf8) else {
            return nil
        }
        guard var argument = words.next() else { return nil }
        if argument.starts(with: "-reuse-previous=".utf8) {
            guard let next = words.next() else { return nil }
            argument = next
        }
        let prefix = Array("dbname=".utf8)
        guard argument.starts(with: prefix) else {
            return argument.contains(0x3D) || argument.contains(0x2F) || argument.first == 0x2D ? nil : argument
        }
        return connectionValue(argument.dropFirst(prefix.count))
    }

    /// A libpq connection-string value: bare, or single-quoted with `\'` and `\\` escapes.
    private static func connectionValue(_ value: ArraySlice<UInt8>) -> [UInt8]? {
        guard value.first == 0x27 else { return value.isEmpty || value.contains(0x20) ? nil : Array(value) }
        var out: [UInt8] = []
        var escaped = false
        for b in value.dropFirst() {
            if escaped {
                out.append(b)
                escaped = false
            } else if b == 0x5C {
                escaped = true
            } else if b == 0x27 {
                return out
            } else {
                out.append(b)
            }
        }
        return nil
    }

    /// psql's argument words: separated by blanks, a double-quoted word keeps its blanks and
    /// undoubles `""`.
    private struct Words {
        private var rest: ArraySlice<UInt8>

        init(_ line: ArraySlice<UInt8>) {
            rest = line
        }

        mutating func next() -> [UInt8]? {
            rest = rest.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard let first = rest.first else { return nil }
            guard first == 0x22 else {
                let word = rest.prefix { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
                rest = rest.dropFirst(word.count)
                return Array(word)
            }
            var out: [UInt8] = []
            var index = rest.index(after: rest.startIndex)
            while index < rest.endIndex {
                let b = rest[index]
                index = rest.index(after: index)
                if b == 0x22 {
                    guard index < rest.endIndex, rest[index] == 0x22 else { break }
                    index = rest.index(after: index)
                }
                out.append(b)
            }
            rest = rest[index...]
            return out
        }
    }
}
