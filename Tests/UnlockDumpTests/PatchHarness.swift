import Foundation
import TestSupport
import Testing
import UnlockDump

// Shared helpers for the engine tests: chunked feeding, templates with inline
// expected rewrites, and assertions that every chunking gives the same answer.

/// How the input is cut into `feed` calls.
enum Chunking: Sendable, CustomStringConvertible {
    case whole
    /// Fixed-size chunks (the last one shorter).
    case size(Int)
    /// Seeded random sizes, mixing tiny and larger chunks.
    case random(seed: UInt64)
    /// Cut at these offsets (sorted, inside the input).
    case cuts([Int])

    /// The chunkings every ordinary test runs through.
    static let standard: [Chunking] = [.whole, .size(1), .size(7), .random(seed: 1), .random(seed: 0xC0FFEE)]

    var description: String {
        switch self {
        case .whole: "whole"
        case .size(let n): "\(n)-byte chunks"
        case .random(let seed): "random chunks (seed \(seed))"
        case .cuts(let cuts): "cut at \(cuts)"
        }
    }

    /// The chunk boundaries for an input of `count` bytes, as ranges.
    func ranges(count: Int) -> [Range<Int>] {
        var ends: [Int] = []
        switch self {
        case .whole:
            ends = [count]
        case .size(let n):
            precondition(n > 0)
            ends = Array(stride(from: n, to: count, by: n)) + [count]
        case .random(let seed):
            var rng = SplitMix64(seed: seed)
            var at = 0
            while at < count {
                let limit = [1, 3, 17, 257, 4099][Int(rng.next() % 5)]
                at = min(count, at + 1 + Int(rng.next() % UInt64(limit)))
                ends.append(at)
            }
        case .cuts(let cuts):
            ends = cuts.filter { $0 > 0 && $0 < count } + [count]
        }
        var start = 0
        var result: [Range<Int>] = []
        for end in ends where end >= start {
            result.append(start..<end)
            start = end
        }
        if result.isEmpty { result = [0..<0] }
        return result
    }
}

/// Runs the engine once over `input`.
func patch(
    _ input: [UInt8],
    dialect: Dialect? = nil,
    mode: PatchMode = .release,
    maxLockRowBytes: Int = 1 << 20,
    families: Set<LockFamily> = Set(LockFamily.allCases),
    chunking: Chunking = .whole
) throws -> (output: [UInt8], report: PatchReport) {
    let options = PatchOptions(dialect: dialect, mode: mode, maxLockRowBytes: maxLockRowBytes, families: families, recordsEdits: true)
    return try patch(input, options: options, chunking: chunking)
}

/// Runs the engine once over `input` with exactly these options, fed as `chunking` cuts it.
func patch(_ input: [UInt8], options: PatchOptions, chunking: Chunking) throws -> (output: [UInt8], report: PatchReport) {
    var patcher = DumpPatcher(options: options)
    var sink = CollectingSink()
    try input.withUnsafeBytes { all in
        for range in chunking.ranges(count: all.count) {
            try patcher.feed(UnsafeRawBufferPointer(rebasing: all[range]), into: &sink)
        }
    }
    try patcher.finish(into: &sink)
    return (sink.bytes, patcher.report)
}

/// Runs the engine with every standard chunking, expects identical output and report from all of
/// them, and returns the result of feeding the input whole.
func patchEveryWay(
    _ input: [UInt8],
    dialect: Dialect? = nil,
    mode: PatchMode = .release,
    maxLockRowBytes: Int = 1 << 20,
    chunkings: [Chunking] = Chunking.standard,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> (output: [UInt8], report: PatchReport) {
    let reference = try patch(input, dialect: dialect, mode: mode, maxLockRowBytes: maxLockRowBytes)
    for chunking in chunkings {
        let other = try patch(input, dialect: dialect, mode: mode, maxLockRowBytes: maxLockRowBytes, chunking: chunking)
        expectSameBytes(other.output, reference.output, "output differs with \(chunking) from whole:", sourceLocation: sourceLocation)
        #expect(other.report.heldLocks == reference.report.heldLocks, "heldLocks differ with \(chunking)", sourceLocation: sourceLocation)
        #expect(other.report.lockRowsSeen == reference.report.lockRowsSeen, "lockRowsSeen differs with \(chunking)", sourceLocation: sourceLocation)
        #expect(other.report.dialect == reference.report.dialect, "dialect differs with \(chunking)", sourceLocation: sourceLocation)
    }
    return reference
}

// MARK: - Templates

/// A dump written with inline rewrites: `⟦old→new⟧` means the input holds `old` and the patched
/// output must hold `new` at that place. Text outside markers must come out unchanged.
struct Template {
    var input: [UInt8] = []
    var expected: [UInt8] = []
    /// The input split into the unchanging parts around each marker (for "untouched outside the
    /// lock values" checks).
    var markerCount = 0

    init(_ text: String) {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "⟦") {
            let plain = Array(rest[..<open].utf8)
            input += plain
            expected += plain
            let afterOpen = rest.index(after: open)
            guard let arrow = rest[afterOpen...].firstIndex(of: "→"),
                  let close = rest[arrow...].firstIndex(of: "⟧") else {
                preconditionFailure("bad template marker in \(text)")
            }
            input += Array(rest[afterOpen..<arrow].utf8)
            expected += Array(rest[rest.index(after: arrow)..<close].utf8)
            markerCount += 1
            rest = rest[rest.index(after: close)...]
        }
        input += Array(rest.utf8)
        expected += Array(rest.utf8)
    }

    init(input: [UInt8], expected: [UInt8]) {
        self.input = input
        self.expected = expected
    }

    static func + (lhs: Template, rhs: Template) -> Template {
        var result = lhs
        result.input += rhs.input
        result.expected += rhs.expected
        result.markerCount += rhs.markerCount
        return result
    }
}

/// Patches a template every way and expects its marked output. Also checks the report's byte
/// counts and that the patched output is a fixed point. Returns the report.
@discardableResult
func expectPatch(
    _ template: Template,
    dialect: Dialect? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> PatchReport {
    let result = try patchEveryWay(template.input, dialect: dialect, sourceLocation: sourceLocation)
    expectSameBytes(result.output, template.expected, "patched output differs:", sourceLocation: sourceLocation)
    #expect(result.report.bytesRead == template.input.count, sourceLocation: sourceLocation)
    #expect(result.report.bytesWritten == result.output.count, sourceLocation: sourceLocation)
    if template.input == template.expected {
        #expect(result.report.heldLocks.isEmpty, "expected no held lock, got \(result.report.heldLocks)", sourceLocation: sourceLocation)
    } else {
        #expect(!result.report.heldLocks.isEmpty, "expected held locks, got none", sourceLocation: sourceLocation)
        let again = try patch(result.output, dialect: dialect)
        expectSameBytes(again.output, result.output, "patching twice changed the output again:", sourceLocation: sourceLocation)
        #expect(again.report.heldLocks.isEmpty, "released output still has held locks", sourceLocation: sourceLocation)
    }
    return result.report
}

@discardableResult
func expectPatch(
    _ text: String,
    dialect: Dialect? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> PatchReport {
    try expectPatch(Template(text), dialect: dialect, sourceLocation: sourceLocation)
}

/// The engine must refuse `input`; returns the error (the same one for every chunking).
func expectMalformed(
    _ input: [UInt8],
    dialect: Dialect? = nil,
    mode: PatchMode = .release,
    maxLockRowBytes: Int = 1 << 20,
    chunkings: [Chunking] = [.whole, .size(1), .random(seed: 3)],
    sourceLocation: SourceLocation = #_sourceLocation
) -> MalformedDump? {
    var first: MalformedDump?
    for chunking in chunkings {
        do {
            _ = try patch(input, dialect: dialect, mode: mode, maxLockRowBytes: maxLockRowBytes, chunking: chunking)
            Issue.record("expected MalformedDump with \(chunking), but the dump was accepted", sourceLocation: sourceLocation)
        } catch let error as MalformedDump {
            if let first {
                #expect(error == first, "error differs with \(chunking)", sourceLocation: sourceLocation)
            } else {
                first = error
            }
        } catch {
            Issue.record("expected MalformedDump, got \(error)", sourceLocation: sourceLocation)
        }
    }
    return first
}

// MARK: - Bytes and positions

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The 0-based offset of the first (or `occurrence`-th, 1-based) `needle` in `haystack`.
func offset(of needle: String, in haystack: [UInt8], occurrence: Int = 1) -> Int? {
    let n = Array(needle.utf8)
    guard !n.isEmpty, haystack.count >= n.count else { return nil }
    var seen = 0
    for i in 0...(haystack.count - n.count) where haystack[i] == n[0] && Array(haystack[i..<(i + n.count)]) == n {
        seen += 1
        if seen == occurrence { return i }
    }
    return nil
}

/// The position of byte `offset` as SourcePosition counts it (lines end with LF, columns in bytes).
func position(ofByte offset: Int, in input: [UInt8]) -> SourcePosition {
    var line = 1
    var lineStart = 0
    for i in 0..<offset where input[i] == 0x0A {
        line += 1
        lineStart = i + 1
    }
    return SourcePosition(byte: offset, line: line, column: offset - lineStart + 1)
}

/// A readable pointer to where two byte arrays first differ.
func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
    let common = commonPrefixLength(actual, expected)
    if common == actual.count && common == expected.count { return "(identical)" }
    func excerpt(_ b: [UInt8]) -> String {
        let from = max(0, common - 40)
        let to = min(b.count, common + 60)
        return String(decoding: b[from..<to], as: UTF8.self).debugDescription
    }
    return "at byte \(common) (actual \(actual.count) bytes, expected \(expected.count))\n  actual:   \(excerpt(actual))\n  expected: \(excerpt(expected))"
}

// MARK: - Report expectations

func change(_ column: String, _ old: String, _ new: String) -> ColumnChange {
    ColumnChange(column: column, displayedOld: old, displayedNew: new)
}

/// A held lock as the report should hold it. The family is the one whose flag the first change
/// names, unless given (`nil` family: pass `family: .some(nil)` for a `--set` row).
func held(
    _ table: String, db: String? = nil, schema: String? = nil, family: LockFamily?? = nil, byColumns: Bool = false,
    key: String, _ displayedKey: String, _ changes: ColumnChange...
) -> HeldLock {
    let flag = changes.first?.column ?? ""
    let inferred: LockFamily? = switch flag {
    case "locked", "LOCKED": table.lowercased() == "databasechangeloglock" || flag == "LOCKED" ? .liquibase : .ghost
    case "is_locked": table == "kysely_migration_lock" ? .kysely : .knex
    default: nil
    }
    // The key's value: a quoted literal's content, as the report gives it beside the literal.
    var keyValue = displayedKey
    if displayedKey.count >= 2, displayedKey.hasPrefix("'"), displayedKey.hasSuffix("'") {
        keyValue = String(displayedKey.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    return HeldLock(
        database: db, schema: schema, table: table, family: family ?? inferred, recognizedByColumns: byColumns,
        keyColumn: key, displayedKey: displayedKey, keyValue: keyValue, changes: changes)
}

/// Compares byte arrays without letting the test macro print megabytes of numbers: on a mismatch
/// it records where they first differ.
func expectSameBytes(
    _ actual: [UInt8], _ expected: [UInt8], _ context: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if !sameBytes(actual, expected) {
        Issue.record("\(context()) \(firstDifference(actual, expected))", sourceLocation: sourceLocation)
    }
}

/// `a == b` with memcmp (debug builds compare arrays element by element, far too slowly for 20 MB).
func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.count == b.count && commonPrefixLength(a, b) == a.count
}

/// How many leading bytes `a` and `b` share.
func commonPrefixLength(_ a: [UInt8], _ b: [UInt8]) -> Int {
    let count = min(a.count, b.count)
    return a.withUnsafeBytes { pa in
        b.withUnsafeBytes { pb in
            var at = 0
            while at < count {
                let block = min(4096, count - at)
                if memcmp(pa.baseAddress! + at, pb.baseAddress! + at, block) == 0 {
                    at += block
                    continue
                }
                while pa[at] == pb[at] { at += 1 }
                return at
            }
            return count
        }
    }
}
