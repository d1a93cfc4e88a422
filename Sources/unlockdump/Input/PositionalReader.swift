import StreamCompression

/// Reads a regular file by position (pread(2)), leaving its offset alone: the splicer reads the
/// gzip input again, and the verifier reads back what the splicer wrote, from another thread.
struct PositionalReader: RandomAccessInput, Sendable {
    let descriptor: NamedDescriptor

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = pread(descriptor.raw, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw FileError(name: descriptor.name, code: errno)
            }
        }
        return filled
    }
}
