import StreamCompression

/// What `BufferedSink` writes its gathered bytes to: the output file itself, or a gzip or zstd
/// encoder in front of it. Both fail only as the file fails, so errors stay `FileError`s naming the file.
protocol ByteOutput {
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(FileError)
    /// Writes out what is still held back (the encoder's last block and trailer); called once, last.
    func finish() throws(FileError)
}

extension NamedDescriptor: ByteOutput, CompressedOutput {
    /// A descriptor holds nothing back.
    func finish() {}
}

extension ParallelGzipEncoder: ByteOutput where Output == NamedDescriptor {}

extension ZstdEncoder: ByteOutput where Output == NamedDescriptor {}
