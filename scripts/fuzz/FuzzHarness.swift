// libFuzzer harness for the UnlockDump engine. Built by scripts/fuzz.sh together with
// Sources/UnlockDump/*.swift into one executable (the engine is compiled into the same module;
// its public API is used as a client would, plus the internal switch to the reference lexer).
//
// Input layout: byte 0 = configuration, byte 1 = options and chunking seed, the rest = the dump.
//   byte 0, bits 0-1: dialect (0 auto, 1 mysql, 2 sqlite, 3 postgres)
//   byte 0, bit 2:    small maxLockRowBytes, 8 + 8 * (bits 3-7) bytes; otherwise 1 MiB
//   byte 1, bit 0:    --only ghost,liquibase
//   byte 1, bit 1:    --stamp-release
//   byte 1, bit 2:    --set migrations_lock.acquired_at=NULL (a built-in table's rule replaced)
//   byte 1, bit 3:    --set knex_migrations_lock.is_locked=0 --where index=1, and
//                     --set schema_migrations.dirty=0
//   byte 1, bit 4:    --repair flyway, sqlx, prisma and golang-migrate (rows that go, a stamp,
//                     a flag)
//   byte 1, bit 5:    --only efcore,yoyo,ghost (only rows that go, and Ghost's that never do)
//   byte 1, all bits: the chunking seed
// Inputs shorter than 2 bytes are ignored.
//
// Invariants checked for every input (a violation traps with a message naming it):
//   1. no crash and no hang (libFuzzer's -timeout);
//   2. a success writes exactly the input with `report.edits` applied (sorted, non-overlapping,
//      inside the input; an edit may remove bytes, never insert them), byte counts agree, and no
//      edits means output == input;
//   3. the whole input, 1-byte chunks and seeded random chunks give the same output and report,
//      or the same MalformedDump (position and message);
//   4. patching the output again gives no edits and the same output, with the same lock rows
//      but those removed, read as the same dialect (given it, once rows were removed: the
//      statement that went may have been what told it); `.check` mode gives the
//      same held locks, edits and lock-row count (or the same error) and writes nothing;
//   5. when the dialect is detected, giving that dialect explicitly patches the same way;
//   6. the lexer's fast path (skipping what no one reads) gives exactly what lexing every byte
//      through its state switch gives (`PatchOptions.skipsInertRuns`, internal: the harness is
//      compiled into the engine's module).
// MalformedDump is a legitimate outcome; any other error type is a violation.

import Glibc

// MARK: - Plumbing

private struct FuzzSink: DumpSink {
    var bytes: [UInt8] = []
    mutating func write(_ chunk: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: chunk)
    }
}

private enum Outcome {
    case patched(output: [UInt8], report: PatchReport)
    case malformed(MalformedDump)
    case otherError(String)
}

private enum FuzzChunking: CustomStringConvertible {
    case whole
    case bytewise
    case random(seed: UInt64)

    var description: String {
        switch self {
        case .whole: "whole"
        case .bytewise: "1-byte chunks"
        case .random(let seed): "random chunks (seed \(seed))"
        }
    }
}

private struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Chunk end offsets for `count` bytes.
private func chunkEnds(_ chunking: FuzzChunking, count: Int) -> [Int] {
    switch chunking {
    case .whole:
        return [count]
    case .bytewise:
        return count == 0 ? [0] : Array(1...count)
    case .random(let seed):
        var rng = SplitMix64(state: seed)
        var ends: [Int] = []
        var at = 0
        while at < count {
            // Mostly small chunks (boundaries everywhere), sometimes a larger one, sometimes empty.
            let limit: UInt64 = [1, 2, 5, 13, 64, 300][Int(rng.next() % 6)]
            let step = Int(rng.next() % (limit + 1))  // 0 = an empty feed
            at = min(count, at + step)
            ends.append(at)
        }
        if ends.isEmpty { ends = [0] }
        return ends
    }
}

/// The options a fuzz input's first two bytes choose.
private func options(_ config: UInt8, _ flags: UInt8) -> PatchOptions {
    let dialect: Dialect? = switch config & 3 {
    case 1: .mysql
    case 2: .sqlite
    case 3: .postgres
    default: nil
    }
    var rewrites: [ColumnRewrite] = []
    if flags & 4 != 0 { rewrites.append(ColumnRewrite(table: "migrations_lock", column: "acquired_at", value: "NULL")) }
    if flags & 8 != 0 {
        rewrites.append(ColumnRewrite(
            table: "knex_migrations_lock", column: "is_locked", value: "0", condition: RowCondition(column: "index", value: "1")))
        rewrites.append(ColumnRewrite(table: "schema_migrations", column: "dirty", value: "0"))
    }
    return PatchOptions(
        dialect: dialect, maxLockRowBytes: config & 4 != 0 ? 8 + 8 * Int(config >> 3) : 1 << 20,
        families: flags & 1 != 0 ? [.ghost, .liquibase] : flags & 32 != 0 ? [.efcore, .yoyo, .ghost] : Set(LockFamily.allCases),
        rewrites: rewrites, releaseStamp: flags & 2 != 0 ? ReleaseStamp(utc: "2026-12-01 12:00:00") : nil,
        repairs: flags & 16 != 0 ? Set(RepairTool.allCases) : [], repairTime: ReleaseStamp(utc: "2026-12-01 12:30:00"),
        recordsEdits: true)
}

private func run(
    _ input: UnsafeRawBufferPointer, _ base: PatchOptions, dialect: Dialect?, mode: PatchMode, maxLockRowBytes: Int,
    chunking: FuzzChunking
) -> Outcome {
    var options = base
    options.dialect = dialect
    options.mode = mode
    options.maxLockRowBytes = maxLockRowBytes
    var patcher = DumpPatcher(options: options)
    var sink = FuzzSink()
    do {
        var start = 0
        for end in chunkEnds(chunking, count: input.count) {
            try patcher.feed(UnsafeRawBufferPointer(rebasing: input[start..<end]), into: &sink)
            start = end
        }
        try patcher.finish(into: &sink)
    } catch let error as MalformedDump {
        return .malformed(error)
    } catch {
        return .otherError("\(type(of: error)): \(error)")
    }
    return .patched(output: sink.bytes, report: patcher.report)
}

// MARK: - Checks

/// Two runs that must agree: the same output and report, or the same error.
private func expectSame(_ outcome: Outcome, as reference: Outcome, _ label: String, _ referenceLabel: String) {
    switch (reference, outcome) {
    case (.patched(let a, let ra), .patched(let b, let rb)):
        if a != b { violation("\(label) output differs from \(referenceLabel): " + firstDifference(b, a)) }
        if let difference = sameReport(ra, rb) { violation("\(label) report differs from \(referenceLabel): \(difference)") }
    case (.malformed(let a), .malformed(let b)):
        if a != b { violation("\(label) error differs from \(referenceLabel): \(label) threw \"\(b)\", \(referenceLabel) threw \"\(a)\"") }
    default:
        violation("\(label) gave \(describe(outcome)) but \(referenceLabel) gave \(describe(reference))")
    }
}

private var context = ""

private func violation(_ what: String) -> Never {
    let message = "FUZZ INVARIANT VIOLATED [\(context)]: \(what)"
    fputs(message + "\n", stderr)
    fatalError(message)
}

private func show(_ bytes: ArraySlice<UInt8>) -> String {
    var s = "\""
    for b in bytes {
        switch b {
        case 0x5C: s += "\\\\"
        case 0x22: s += "\\\""
        case 0x0A: s += "\\n"
        case 0x0D: s += "\\r"
        case 0x09: s += "\\t"
        case 0x20...0x7E: s += String(UnicodeScalar(b))
        default: s += "\\u{" + String(b, radix: 16) + "}"
        }
    }
    return s + "\""
}

private func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    var i = 0
    while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
    let from = max(0, i - 30)
    return "first difference at byte \(i) (\(a.count) vs \(b.count) bytes): "
        + show(a[from..<min(a.count, i + 30)]) + " vs " + show(b[from..<min(b.count, i + 30)])
}

private func describe(_ outcome: Outcome) -> String {
    switch outcome {
    case .patched(let output, let report):
        "patched (\(output.count) bytes out, \(report.edits.count) edits, \(report.heldLocks.count) held, \(report.lockRowsSeen) rows, dialect \(String(describing: report.dialect)))"
    case .malformed(let error): "MalformedDump(\(error))"
    case .otherError(let message): "non-MalformedDump error \(message)"
    }
}

/// Invariant 2: output == input with the edits applied.
private func checkEdits(_ input: UnsafeRawBufferPointer, _ output: [UInt8], _ report: PatchReport, mode: PatchMode) {
    if report.bytesRead != input.count {
        violation("report.bytesRead \(report.bytesRead) != input size \(input.count)")
    }
    if report.bytesWritten != output.count {
        violation("report.bytesWritten \(report.bytesWritten) != bytes the sink got \(output.count)")
    }
    var expected: [UInt8] = []
    expected.reserveCapacity(input.count + 16)
    var at = 0
    for (n, edit) in report.edits.enumerated() {
        // Every edit replaces a value literal: an empty one is an insertion, which no release makes.
        if edit.length <= 0 {
            violation("edit #\(n) at offset \(edit.offset) replaces \(edit.length) bytes with \(show(ArraySlice(edit.replacement))) (an insertion, not a value rewrite)")
        }
        guard edit.offset >= at, edit.offset <= input.count - edit.length else {
            violation("edit #\(n) (offset \(edit.offset), length \(edit.length)) is out of order, overlapping or outside the input (\(input.count) bytes; previous edit ends at \(at))")
        }
        if edit.replacement.elementsEqual(input[edit.offset..<(edit.offset + edit.length)]) {
            violation("edit #\(n) at offset \(edit.offset) replaces \(show(ArraySlice(input[edit.offset..<(edit.offset + edit.length)]))) with the same bytes")
        }
        expected.append(contentsOf: input[at..<edit.offset])
        expected.append(contentsOf: edit.replacement)
        at = edit.offset + edit.length
    }
    expected.append(contentsOf: input[at...])
    if report.heldLocks.isEmpty != report.edits.isEmpty {
        violation("\(report.heldLocks.count) held locks but \(report.edits.count) edits")
    }
    switch mode {
    case .release:
        if output != expected {
            violation("output is not the input with report.edits applied: " + firstDifference(output, expected))
        }
    case .check:
        if !output.isEmpty { violation("check mode wrote \(output.count) bytes") }
    }
}

/// Same reports from two runs (everything but the byte counts, which callers check themselves).
private func sameReport(_ a: PatchReport, _ b: PatchReport) -> String? {
    if a.dialect != b.dialect { return "dialect \(String(describing: a.dialect)) vs \(String(describing: b.dialect))" }
    if a.lockRowsSeen != b.lockRowsSeen { return "lockRowsSeen \(a.lockRowsSeen) vs \(b.lockRowsSeen)" }
    if a.heldLocks != b.heldLocks { return "heldLocks \(a.heldLocks) vs \(b.heldLocks)" }
    if a.edits != b.edits { return "edits \(a.edits) vs \(b.edits)" }
    if a.warnings != b.warnings { return "warnings \(a.warnings) vs \(b.warnings)" }
    return nil
}

// MARK: - Entry point

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let base = options(data[0], data[1])
    let dialect = base.dialect
    let maxLockRowBytes = base.maxLockRowBytes
    let seed = UInt64(data[1]) &* 0x0100_0000_01B3 &+ UInt64(size)
    let input = UnsafeRawBufferPointer(start: data + 2, count: size - 2)
    context = "dialect \(dialect.map(\.rawValue) ?? "auto"), maxLockRowBytes \(maxLockRowBytes), options byte \(data[1] & 63), \(input.count) dump bytes"

    // Invariants 1-3 (release mode, three chunkings).
    let chunkings: [FuzzChunking] = [.whole, .bytewise, .random(seed: seed)]
    var reference: Outcome?
    for chunking in chunkings {
        let outcome = run(input, base, dialect: dialect, mode: .release, maxLockRowBytes: maxLockRowBytes, chunking: chunking)
        switch outcome {
        case .otherError(let message):
            violation("\(chunking): threw \(message)")
        case .patched(let output, let report):
            checkEdits(input, output, report, mode: .release)
        case .malformed:
            break
        }
        guard let reference else {
            reference = outcome
            continue
        }
        expectSame(outcome, as: reference, "\(chunking)", "whole")
    }

    // Invariant 6: the lexer's fast path gives what lexing every byte through its state switch gives.
    var slow = base
    slow.skipsInertRuns = false
    let slowOutcome = run(input, slow, dialect: dialect, mode: .release, maxLockRowBytes: maxLockRowBytes, chunking: .random(seed: seed ^ 0x0C1E))
    expectSame(slowOutcome, as: reference!, "the reference lexer", "the fast path")

    // Invariant 4a: check mode agrees with release mode and writes nothing.
    let checked = run(input, base, dialect: dialect, mode: .check, maxLockRowBytes: maxLockRowBytes, chunking: .random(seed: seed ^ 0x5A5A))
    switch (reference!, checked) {
    case (.patched(_, let released), .patched(let output, let report)):
        checkEdits(input, output, report, mode: .check)
        if let difference = sameReport(released, report) { violation("check mode report differs from release: \(difference)") }
    case (.malformed(let a), .malformed(let b)):
        if a != b {
            violation("check mode error differs from release: check threw \"\(b)\", release threw \"\(a)\"")
        }
    default:
        violation("check mode gave \(describe(checked)) but release gave \(describe(reference!))")
    }

    // Invariant 5: auto-detection reads the dump as giving the detected dialect would (apart from
    // the "no markers" warning).
    if dialect == nil, case .patched(let output, let report) = reference!, let detected = report.dialect {
        let explicit = run(input, base, dialect: detected, mode: .release, maxLockRowBytes: maxLockRowBytes, chunking: .random(seed: seed ^ 0xD1A1))
        switch explicit {
        case .patched(let output2, let report2):
            if output2 != output { violation("--dialect \(detected) output differs from auto-detected \(detected): " + firstDifference(output2, output)) }
            if report2.edits != report.edits || report2.heldLocks != report.heldLocks || report2.lockRowsSeen != report.lockRowsSeen {
                violation("--dialect \(detected) report differs from auto-detected \(detected): edits \(report2.edits) vs \(report.edits), held \(report2.heldLocks) vs \(report.heldLocks)")
            }
        default:
            violation("--dialect \(detected) gave \(describe(explicit)) but auto-detected \(detected) gave \(describe(reference!))")
        }
    }

    // Invariant 4b: the released output is a fixed point.
    if case .patched(let output, let report) = reference! {
        // A statement that went may have been what told the dialect: read the rest as the input was.
        let removed = report.heldLocks.count { $0.removed }
        let again = output.withUnsafeBytes { out in
            run(out, base, dialect: removed > 0 ? report.dialect : dialect, mode: .release, maxLockRowBytes: 1 << 20,
                chunking: .random(seed: seed &+ 1))
        }
        switch again {
        case .patched(let output2, let report2):
            if !report2.edits.isEmpty || !report2.heldLocks.isEmpty {
                violation("patching the output again made \(report2.edits.count) edits (held \(report2.heldLocks))")
            }
            if output2 != output { violation("patching the output again changed it: " + firstDifference(output2, output)) }
            // Rows that went are gone; every other lock row is still there.
            if report.heldLocksComplete, report2.lockRowsSeen != report.lockRowsSeen - removed {
                violation("patching the output again saw \(report2.lockRowsSeen) lock rows, the input had \(report.lockRowsSeen) of which \(removed) were removed")
            }
            if report2.dialect != report.dialect {
                violation("patching the output again read it as \(String(describing: report2.dialect)), the input as \(String(describing: report.dialect))")
            }
        default:
            violation("the released output was accepted once but patching it again gave \(describe(again))")
        }
    }
    return 0
}
