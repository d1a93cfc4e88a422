import StreamCompression

/// The spliced gzip stream on its way into the output file: each write is published to the
/// verifier, which reads it back from the file on the other core.
final class VerifiedOutput: CompressedOutput {
    private let descriptor: NamedDescriptor
    private let verifier: GzipVerifier<PositionalReader>
    private var written = 0

    init(_ descriptor: NamedDescriptor, verifier: GzipVerifier<PositionalReader>) {
        self.descriptor = descriptor
        self.verifier = verifier
    }

    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        try descriptor.writeAll(bytes)
        written += bytes.count
        verifier.published(upTo: written)
    }
}
