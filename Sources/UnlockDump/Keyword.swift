/// An SQL keyword or known name, compared against lexed bytes without regard to ASCII case.
struct Keyword: Sendable {
    /// Lower-case ASCII bytes.
    let bytes: [UInt8]

    init(_ lowercase: StaticString) {
        bytes = Array(UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount))
    }

    func matches(_ text: some Collection<UInt8>) -> Bool {
        guard text.count == bytes.count else { return false }
        var index = text.startIndex
        for expected in bytes {
            guard ASCII.lowercased(text[index]) == expected else { return false }
            text.formIndex(after: &index)
        }
        return true
    }

    /// The same for a token's text, a byte loop with no indices to check.
    @inline(__always)
    func matches(_ text: TokenText) -> Bool {
        guard text.count == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { expected in
            for k in 0..<expected.count where ASCII.lowercased(text[k]) != expected[k] { return false }
            return true
        }
    }

    static let begin = Keyword("begin")
    static let caseKeyword = Keyword("case")
    static let copy = Keyword("copy")
    static let create = Keyword("create")
    static let delimiter = Keyword("delimiter")
    static let end = Keyword("end")
    static let exists = Keyword("exists")
    static let from = Keyword("from")
    static let ifKeyword = Keyword("if")
    static let insert = Keyword("insert")
    static let into = Keyword("into")
    static let not = Keyword("not")
    static let null = Keyword("null")
    static let overriding = Keyword("overriding")
    static let replace = Keyword("replace")
    static let stdin = Keyword("stdin")
    static let table = Keyword("table")
    static let use = Keyword("use")
    static let value = Keyword("value")
    static let values = Keyword("values")

    /// Words between INSERT/REPLACE and the table name (MySQL priorities, sqlite conflict clauses).
    static let insertModifiers = [
        "low_priority", "delayed", "high_priority", "ignore", "or", "rollback", "abort", "replace", "fail",
    ].map(Keyword.init(string:))
    /// Objects whose CREATE statement holds a body of statements.
    static let routineObjects = ["trigger", "procedure", "function", "event"].map(Keyword.init(string:))
    /// After END, these close a construct that did not open a block (`END IF`, `END LOOP`, ...).
    static let nonBlockEnds = ["if", "loop", "while", "repeat"].map(Keyword.init(string:))
    /// Words that start a table constraint rather than a column in CREATE TABLE.
    static let tableConstraints = [
        "constraint", "primary", "unique", "key", "index", "foreign", "check", "fulltext", "spatial", "period",
        "system",
    ].map(Keyword.init(string:))
    /// The same in postgres, where these are reserved words and `index` or `key` is an ordinary
    /// column name (knex's `index` column is written bare by pg_dump).
    static let postgresTableConstraints = ["constraint", "primary", "unique", "foreign", "check", "exclude"]
        .map(Keyword.init(string:))

    private init(string: String) {
        bytes = Array(string.utf8)
    }
}

extension Array where Element == Keyword {
    func containsMatch(for text: some Collection<UInt8>) -> Bool {
        for keyword in self where keyword.matches(text) { return true }
        return false
    }
}

enum ASCII {
    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 {
        b &- 0x41 < 26 ? b | 0x20 : b
    }

    static func equalIgnoringCase(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { lowercased($0) == lowercased($1) }
    }

    static func startsIgnoringCase(_ a: some Collection<UInt8>, with prefix: some Collection<UInt8>) -> Bool {
        a.count >= prefix.count && zip(a, prefix).allSatisfy { lowercased($0) == lowercased($1) }
    }
}
