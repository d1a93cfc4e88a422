import CZlib

/// Writes a gzip input with the edits of a `GzipSplicePlan` made, keeping almost all of the
/// compressed stream as it was. For each edited member:
/// - its bytes up to the block boundary before its first edit are copied;
/// - from there the original is inflated, edited and deflated again, until a block boundary at
///   least a window (32 KiB) past its last edit, where no later back-reference can reach an edit;
/// - the rest of the member's deflate stream is copied as it is. Blocks are bit-aligned, and a
///   stored block pads to the next byte, so the rest must start at the bit offset within its byte
///   it had: the recompressed bits are flushed to a byte boundary, then padded with empty
///   fixed-code blocks (10 bits each) to that offset, which is why only boundaries at an even
///   offset are taken up again;
/// - the trailer gets the CRC-32 combined from the pieces' and the new length.
/// Every other byte of the input is copied. The result is what recompressing the edited bytes
/// would decompress to; the caller verifies that before trusting it.
public final class GzipSplicer<Input: RandomAccessInput, Output: CompressedOutput> {
    private let input: Input
    private let output: Output
    private let level: Int32
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)

    /// `level` is for the bytes deflated again (the original's level is not recorded anywhere).
    public init(reading input: Input, writingTo output: Output, level: Int32 = 6) {
        self.input = input
        self.output = output
        self.level = level
    }

    deinit {
        buffer.deallocate()
        scratch.deallocate()
    }

    /// Input bytes before this offset have been written.
    public private(set) var copied = 0

    /// Copies the input up to `offset` ahead of the plan, while the input is still being read:
    /// what `GzipSpliceIndex.finalOffset` says will be copied anyway.
    public func copy(upTo offset: Int) throws {
        guard offset > copied else { return }
        try copy(from: copied, to: offset)
        copied = offset
    }

    /// Writes the rest of the output, from what was copied ahead on.
    public func write(_ plan: GzipSplicePlan) throws {
        for member in plan.members {
            let resume = member.regions[0].resume.bitPosition >> 3
            guard copied <= resume else { throw GzipSpliceError("bytes an edit needs were copied ahead of the plan") }
            try copy(upTo: resume)
            try splice(member)
            copied = member.end!
        }
        try copy(upTo: plan.inputSize)
    }

    /// The member from its first region's resume point on: each region recompressed, the original
    /// copied between them and after the last, then the trailer.
    private func splice(_ member: GzipMemberRecord) throws {
        let regions = member.regions
        var edits = EditApplier(member.edits, startingAt: member.uncompressedStart + regions[0].resume.memberOffset)
        // The new member's bytes so far: up to the first resume point, the original's.
        var written = StreamChecksum(crc: regions[0].resume.crc, length: regions[0].resume.memberOffset)
        var next = 0
        while next < regions.count {
            let (taken, resume) = try recompress(member, from: next, edits: &edits, counting: &written)
            next = taken
            guard let resume else { break }
            try join(at: resume.bitPosition)
            // The original, up to the next region's resume point or the member's trailer.
            let (offset, crc) = next < regions.count ? (regions[next].resume.memberOffset, regions[next].resume.crc) : (member.length, member.crc)
            try copy(from: resume.bitPosition >> 3 + 1, to: next < regions.count ? regions[next].resume.bitPosition >> 3 : member.end! - 8)
            written.append(crc: CRC32.suffix(of: crc, prefix: resume.crc, suffixLength: offset - resume.memberOffset), length: offset - resume.memberOffset)
            edits.skip(to: member.uncompressedStart + offset)
        }
        guard edits.isComplete else { throw GzipSpliceError("an edit lies outside the regions of its gzip member") }
        var trailer = [UInt8](repeating: 0, count: 8)
        for index in 0..<4 {
            trailer[index] = UInt8(truncatingIfNeeded: written.crc >> (8 * index))
            trailer[4 + index] = UInt8(truncatingIfNeeded: written.length >> (8 * index))  // ISIZE: modulo 2^32
        }
        try trailer.withUnsafeBytes { try output.writeAll($0) }
    }

    /// Inflates the original from region `first`'s resume point, edits and deflates it, until a
    /// block boundary clear of the edits at an even bit offset within its byte, before the next
    /// region's resume point (a region reached before such a boundary is taken in). Returns the
    /// index of the next region not taken, and where the original is taken up again (with the CRC
    /// of its bytes before that point), or `nil` if the recompression ran to the member's end.
    private func recompress(
        _ member: GzipMemberRecord, from first: Int, edits: inout EditApplier, counting written: inout StreamChecksum
    ) throws -> (Int, DeflateCheckpoint?) {
        let regions = member.regions
        let point = regions[first].resume
        let bitsBefore = point.bitPosition & 7
        let shared = bitsBefore > 0 ? try byte(at: point.bitPosition >> 3) : 0
        let deflater = DeflateStream(writingTo: output, level: level, windowBits: -MAX_WBITS)
        deflater.setDictionary(point.window)
        deflater.prime(bits: bitsBefore, value: shared & UInt8((1 << bitsBefore) - 1))
        let inflater = RawInflater(resumingAt: point, byte: shared)
        let emit = { (bytes: UnsafeRawBufferPointer) throws in
            written.add(bytes)
            try deflater.write(bytes)
        }
        var original = StreamChecksum(crc: point.crc, length: point.memberOffset)
        var last = first
        var position = (point.bitPosition + 7) >> 3
        let end = member.end!
        while position < end {
            let count = try input.read(at: position, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, end - position)]))
            guard count > 0 else { break }
            inflater.setInput(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            var outputFull = false
            repeat {
                let (bytes, ended) = try inflater.step(into: scratch, inputOffset: position)
                outputFull = bytes.count == scratch.count
                original.add(bytes)
                try edits.feed(bytes, to: emit)
                if ended {
                    try edits.finish(to: emit)
                    guard edits.isComplete else { throw GzipSpliceError("an edit lies past the end of its gzip member") }
                    try deflater.flush(Z_FINISH)
                    return (regions.count, nil)
                }
                while last + 1 < regions.count, original.length >= regions[last + 1].resume.memberOffset { last += 1 }
                let bit = 8 * (position + count - inflater.unconsumed) - inflater.unusedBits
                let beforeNext = last + 1 == regions.count || bit >> 3 < regions[last + 1].resume.bitPosition >> 3
                if inflater.atBoundary, bit & 1 == 0, original.length >= regions[last].clearOfEdits, beforeNext {
                    try deflater.flush(Z_SYNC_FLUSH)
                    return (last + 1, DeflateCheckpoint(memberOffset: original.length, bitPosition: bit, crc: original.crc, window: []))
                }
            } while inflater.unconsumed > 0 || outputFull
            position += count
        }
        throw GzipSpliceError("the gzip input ended inside a member it held when it was read")
    }

    // MARK: Copying

    private func copy(from start: Int, to end: Int) throws {
        var position = start
        while position < end {
            let count = min(buffer.count, end - position)
            try read(at: position, count: count)
            try output.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            position += count
        }
    }

    /// After a byte-aligned flush: empty fixed-code blocks up to the bit offset of `resumeBit`
    /// within its byte, sharing that byte with the original's bits from there on.
    private func join(at resumeBit: Int) throws {
        let offset = resumeBit & 7
        var bits: UInt32 = 0
        // Each block: BFINAL 0, BTYPE 01 (fixed codes), then end-of-block, code 0000000.
        for block in 0..<offset / 2 { bits |= 0b010 << (10 * block) }
        let whole = 10 * (offset / 2) / 8
        var bytes = (0..<whole).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
        let mask = UInt8((1 << offset) - 1)
        bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * whole)) & mask | (try byte(at: resumeBit >> 3)) & ~mask)
        try bytes.withUnsafeBytes { try output.writeAll($0) }
    }

    private func byte(at offset: Int) throws -> UInt8 {
        try read(at: offset, count: 1)
        return buffer[0]
    }

    /// Fills the start of `buffer` with `count` bytes from `offset`.
    private func read(at offset: Int, count: Int) throws {
        var filled = 0
        while filled < count {
            let got = try input.read(at: offset + filled, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<count]))
            guard got > 0 else { throw GzipSpliceError("the gzip input is shorter than when it was read") }
            filled += got
        }
    }
}

/// The input no longer matches what the index saw (it changed on disk while unlockdump ran), or
/// the plan does not fit it.
public struct GzipSpliceError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
