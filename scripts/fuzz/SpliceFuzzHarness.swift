// libFuzzer harness for the gzip splicer. Built by `FUZZ_TARGET=splice scripts/fuzz.sh` together
// with Sources/StreamCompression/*.swift and the unit tests' SpliceHarness.swift (the first pass
// as the command line runs it, with a simulated engine) and SpliceInputs.swift into one executable.
//
// Input layout: 3 configuration bytes, then 4 bytes per edit, then the data.
//   byte 0: deflate level (value % 10); bits 4-5: members - 1 (the data cut into that many)
//   byte 1: bits 0-2: checkpoint spacing 512 << value; bits 3-7: engine lag, 256 * value bytes
//   byte 2: bits 0-2: edits; bits 3-7: decoder chunk size, 1 + 97 * value bytes
//   each edit: 2 bytes offset (a fraction of the data, 1/65535 steps), length % 8, replacement % 8
//   the data: the rest, repeated with a running change up to 4 KiB per input byte (max 128 KiB),
//   so a short input still gives many deflate blocks with back-references across them.
//
// Invariants (a violation traps with a message naming it):
//   1. no crash, no hang;
//   2. with one member, the index makes a plan; with several, it may give up only when an edit
//      crosses from one member into the next;
//   3. what the index calls final, copied while the input is read, is never needed by the plan;
//   4. the spliced stream decompresses (zlib, every member's trailer checked) to exactly the data
//      with the edits applied.

import Glibc

private func violated(_ what: String) -> Never {
    fputs("FUZZ INVARIANT VIOLATED: \(what)\n", stderr)
    abort()
}

private func expanded(_ seed: UnsafeRawBufferPointer) -> [UInt8] {
    guard !seed.isEmpty else { return [] }
    let target = min(1 << 17, seed.count * (1 << 12))
    var data: [UInt8] = []
    data.reserveCapacity(target)
    var round: UInt8 = 0
    while data.count < target {
        for (index, byte) in seed.enumerated() where data.count < target {
            data.append(index % 7 == 0 ? byte &+ round : byte)
        }
        round &+= 1
    }
    return data
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ input: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 3 else { return 0 }
    let level = Int32(input[0] % 10)
    let memberCount = Int(input[0] >> 4 & 3) + 1
    let spacing = 512 << Int(input[1] & 7)
    let lag = 256 * Int(input[1] >> 3)
    let editCount = Int(input[2] & 7)
    let chunkSize = 1 + 97 * Int(input[2] >> 3)
    guard size >= 3 + 4 * editCount else { return 0 }
    let data = expanded(UnsafeRawBufferPointer(start: input + 3 + 4 * editCount, count: size - 3 - 4 * editCount))

    var edits: [SpliceEdit] = []
    var free = 0
    for index in 0..<editCount {
        let spec = input + 3 + 4 * index
        let offset = (Int(spec[0]) << 8 | Int(spec[1])) * data.count / 65535
        let length = min(Int(spec[2] % 8), data.count - offset)
        let replacement = [UInt8](repeating: 0x30, count: Int(spec[3] % 8))
        guard offset >= free, length > 0 || !replacement.isEmpty else { continue }
        edits.append(SpliceEdit(offset: offset, length: length, replacement: replacement))
        free = offset + length + 1
    }
    let cuts = (0...memberCount).map { data.count * $0 / memberCount }
    var compressed: [UInt8] = []
    for member in 0..<memberCount { compressed += deflated(Array(data[cuts[member]..<cuts[member + 1]]), level: level) }
    let crossing = edits.contains { edit in cuts.contains { $0 > edit.offset && $0 < edit.end } }

    let harness = SpliceHarness(chunkSize: chunkSize, lag: lag, checkpointSpacing: spacing)
    let output: [UInt8]
    do {
        guard let spliced = try harness.splice(compressed, edits: edits) else {
            if !crossing { violated("no plan for \(edits.count) edits in \(memberCount) members (level \(level))") }
            return 0
        }
        output = spliced
    } catch {
        violated("splicing failed: \(error) (level \(level), \(memberCount) members, edits \(edits.map(\.offset)))")
    }
    do {
        if try inflated(output) != applying(edits, to: data) {
            violated("the spliced stream decompresses to other bytes (level \(level), \(memberCount) members, edits \(edits.map(\.offset)))")
        }
    } catch {
        violated("the spliced stream does not decompress: \(error) (level \(level), \(memberCount) members, edits \(edits.map(\.offset)))")
    }
    return 0
}
