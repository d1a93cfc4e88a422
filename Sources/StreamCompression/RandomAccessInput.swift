/// The compressed input, read again by position: the splicer copies most of it and re-inflates
/// a little. A file in the command line (pread(2)); bytes in memory for tests and the fuzzer.
public protocol RandomAccessInput {
    /// Fills `buffer` from `offset` on; returns the bytes read, fewer only at the end.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension Array: RandomAccessInput where Element == UInt8 {
    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = Swift.max(0, Swift.min(buffer.count, self.count - offset))
        guard count > 0 else { return 0 }
        withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
        return count
    }
}
