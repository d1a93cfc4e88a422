// Also compiled into the splice fuzzer (scripts/fuzz/SpliceFuzzHarness.swift), where the library
// is part of the same module and there is nothing to import.
#if canImport(StreamCompression)
@testable import StreamCompression
#endif

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
        // The engine reports an edit once it has seen its whole row, which goes on past the edit
        // (even past an insertion at the very start); rows end `lag` bytes later.
        func catchUp(final: Bool) {
            let reached = final ? Int.max : decoded - lag
            while noted < edits.count, edits[noted].end <= reached, final || edits[noted].offset < decoded {
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
