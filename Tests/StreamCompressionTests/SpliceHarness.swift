import Foundation
import TestSupport
@testable import StreamCompression

/// Runs a splice the way the command line does, on bytes in memory: one indexed pass that notes
/// each edit when a simulated engine reaches it (up to `lag` bytes behind the decoder, as a
/// buffered lock row is) and copies out what no edit can reach any more, then the rest.
struct SpliceHarness {
    var chunkSize = 4096
    var lag = 0
    var checkpointSpacing = 1 << 12

    /// The spliced stream, or `nil` when the index gave up.
    func splice(_ gzip: [UInt8], edits: [SpliceEdit]) throws -> [UInt8]? {
        let index = GzipSpliceIndex(checkpointSpacing: checkpointSpacing)
        let decoder = GzipDecoder(indexingInto: index)
        let output = ByteCollector()
        let splicer = GzipSplicer(reading: gzip, writingTo: output)
        var decoded = 0
        var noted = 0
        // The engine reports an edit once it has seen its whole row; rows end `lag` bytes later.
        func catchUp(final: Bool) {
            let reached = final ? Int.max : decoded - lag
            while noted < edits.count, edits[noted].end <= reached {
                index.note(edits[noted])
                noted += 1
            }
            let settled = min(final ? decoded : max(0, decoded - lag), noted < edits.count ? edits[noted].offset : Int.max)
            index.settle(upTo: settled)
        }
        for start in stride(from: 0, to: gzip.count, by: chunkSize) {
            let chunk = Array(gzip[start..<min(gzip.count, start + chunkSize)])
            try chunk.withUnsafeBytes { bytes in
                try decoder.decode(bytes) { decoded += $0.count }
            }
            catchUp(final: false)
            // What no edit can reach is written while the input is read, as the command line does.
            try splicer.copy(upTo: index.finalOffset)
        }
        try decoder.finish()
        catchUp(final: true)
        guard let plan = index.plan else { return nil }
        try splicer.write(plan)
        return output.bytes
    }
}

/// Applies edits the obvious way: the oracle for what a splice must decompress to.
func applying(_ edits: [SpliceEdit], to data: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var from = 0
    for edit in edits {
        result += data[from..<edit.offset]
        result += edit.replacement
        from = edit.end
    }
    return result + data[from...]
}

final class ByteCollector: CompressedOutput {
    var bytes: [UInt8] = []

    func writeAll(_ bytes: UnsafeRawBufferPointer) {
        self.bytes += bytes
    }
}

/// Inflates with this library's decoder (every member, trailers checked).
func inflated(_ gzip: [UInt8]) throws -> [UInt8] {
    let decoder = GzipDecoder()
    var result: [UInt8] = []
    try gzip.withUnsafeBytes { try decoder.decode($0) { result += $0 } }
    try decoder.finish()
    return result
}

/// Compresses with this library's encoder at `level` (zlib's deflate).
func deflated(_ data: [UInt8], level: Int32) -> [UInt8] {
    let output = ByteCollector()
    let encoder = GzipEncoder(writingTo: output, level: level)
    data.withUnsafeBytes { encoder.writeAll($0) }
    encoder.finish()
    return output.bytes
}

/// Dump-like text: lines of words and numbers, with repeats for back-references to reach.
func dumpLikeText(_ count: Int, using random: inout some RandomNumberGenerator) -> [UInt8] {
    let words = ["INSERT", "INTO", "`posts`", "VALUES", "(", ")", "'ghost'", "NULL", "0", "1", ",", ";\n", "locked", "2024-05-01"]
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + 32)
    while bytes.count < count {
        if Int.random(in: 0..<20, using: &random) == 0 {
            bytes += (0..<Int.random(in: 1...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        } else {
            bytes += Array(words[Int.random(in: 0..<words.count, using: &random)].utf8)
            bytes.append(0x20)
        }
    }
    return Array(bytes.prefix(count))
}

/// Random sorted, non-overlapping edits, some of them insertions or deletions.
func randomEdits(in count: Int, number: Int, using random: inout some RandomNumberGenerator) -> [SpliceEdit] {
    let offsets = (0..<number).map { _ in Int.random(in: 0...count, using: &random) }.sorted()
    var edits: [SpliceEdit] = []
    var free = 0
    for offset in offsets where offset >= free {
        let length = min(Int.random(in: 0...6, using: &random), count - offset)
        let replacement = (0..<Int.random(in: 0...6, using: &random)).map { _ in UInt8(ascii: "0") }
        guard length > 0 || !replacement.isEmpty else { continue }
        edits.append(SpliceEdit(offset: offset, length: length, replacement: replacement))
        free = offset + length + 1
    }
    return edits
}
