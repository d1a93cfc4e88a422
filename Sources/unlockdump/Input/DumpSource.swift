import StreamCompression

/// The dump as the engine must see it, decompressed when its first bytes say it is gzip or zstd
/// (see `Compression.detect`). Those bytes are read before anything else, kept, and handed over
/// with the rest, so a plain dump on a pipe loses nothing to the peek.
final class DumpSource {
    let input: InputFile
    let compression: Compression
    /// One reused read buffer, so memory stays flat however large the dump is.
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    /// Bytes of the first reads, waiting in `buffer` for `stream`.
    private var peeked = 0

    init(_ input: InputFile) throws(FileError) {
        self.input = input
        // A pipe may deliver one byte at a time; read until the magic can be told or input ends.
        while peeked < Compression.magicLength {
            let count = try input.descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[peeked...]))
            if count == 0 { break }
            peeked += count
        }
        compression = Compression.detect(UnsafeRawBufferPointer(rebasing: buffer[..<peeked]))
    }

    deinit {
        buffer.deallocate()
    }

    /// Hands every byte of the dump, decompressed, to `body`. `progress` counts the bytes read
    /// from the input (compressed ones for a compressed input), which is what the input's size is
    /// measured in. A gzip input read to be spliced tells `index` where its members and blocks lie.
    func stream(progress: ProgressMeter?, indexingInto index: GzipSpliceIndex? = nil, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let decoder = compression.makeDecoder(indexingInto: index)
        var count = peeked
        while count > 0 {
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            if let decoder { try decoder.decode(chunk, into: body) } else { try body(chunk) }
            progress?.advance(by: count)
            count = try input.descriptor.read(into: buffer)
        }
        try decoder?.finish()
    }
}
