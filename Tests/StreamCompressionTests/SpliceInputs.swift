// Also compiled into the splice fuzzer, where the library is part of the same module.
#if canImport(StreamCompression)
@testable import StreamCompression
#endif

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
