import Testing
import UnlockDump

/// Patches `template` with `options` fed whole, in the standard chunkings and cut once at every
/// offset; expects the marked output each time, the same edits and held rows, the output equal to
/// the input with the reported edits applied (removals included), the same edits and held rows in
/// `.check` mode, and the patched output a fixed point. Returns the report of the whole feed.
/// The engine takes the first `ForeignFormat.probeLength` bytes in one go (it tells what the input
/// is from them), so a template is led by a comment longer than that: every cut then falls where
/// the engine sees a chunk end.
let chunkablePadding = "-- " + String(repeating: "-", count: 600) + "\n"

@discardableResult
func expectRemoval(
    _ template: Template, options: PatchOptions = PatchOptions(), sourceLocation: SourceLocation = #_sourceLocation
) throws -> PatchReport {
    let template = Template(chunkablePadding) + template
    var options = options
    options.recordsEdits = true
    let reference = try patch(template.input, options: options, chunking: .whole)
    expectSameBytes(reference.output, template.expected, "patched output differs:", sourceLocation: sourceLocation)
    expectSameBytes(applying(reference.report.edits, to: template.input), reference.output, "input + edits differs from the output:", sourceLocation: sourceLocation)
    #expect(reference.report.bytesWritten == reference.output.count, sourceLocation: sourceLocation)
    let cuts = (chunkablePadding.utf8.count - 8..<max(1, template.input.count)).map { Chunking.cuts([$0]) }
    for chunking in Chunking.standard + cuts {
        let other = try patch(template.input, options: options, chunking: chunking)
        expectSameBytes(other.output, reference.output, "output differs with \(chunking):", sourceLocation: sourceLocation)
        #expect(other.report.edits == reference.report.edits, "edits differ with \(chunking)", sourceLocation: sourceLocation)
        #expect(other.report.heldLocks == reference.report.heldLocks, "held rows differ with \(chunking)", sourceLocation: sourceLocation)
    }
    var check = options
    check.mode = .check
    let checked = try patch(template.input, options: check, chunking: .random(seed: 7))
    #expect(checked.output.isEmpty, sourceLocation: sourceLocation)
    #expect(checked.report.edits == reference.report.edits, "check mode's edits differ", sourceLocation: sourceLocation)
    #expect(checked.report.heldLocks == reference.report.heldLocks, "check mode's held rows differ", sourceLocation: sourceLocation)
    let again = try patch(reference.output, options: options, chunking: .whole)
    expectSameBytes(again.output, reference.output, "patching twice changed the output again:", sourceLocation: sourceLocation)
    #expect(again.report.heldLocks.isEmpty, "patched output still has held rows", sourceLocation: sourceLocation)
    return reference.report
}

/// The input with `edits` (in input order, not overlapping) applied.
func applying(_ edits: [ByteEdit], to input: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    var from = 0
    for edit in edits {
        guard edit.offset >= from, edit.offset + edit.length <= input.count else {
            Issue.record("edit out of order or range: \(edit.offset)+\(edit.length)")
            return []
        }
        output += input[from..<edit.offset] + edit.replacement
        from = edit.offset + edit.length
    }
    return output + input[from...]
}
