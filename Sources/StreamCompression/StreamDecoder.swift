/// A compressed input decoded chunk by chunk, whichever format it is in: the command line reads
/// the file and hands each chunk over without knowing the codec behind it.
public protocol StreamDecoder: AnyObject {
    /// Decodes `input` and hands each stretch of decompressed bytes to `body`.
    func decode(_ input: UnsafeRawBufferPointer, into body: (UnsafeRawBufferPointer) throws -> Void) throws
    /// At the end of the input: a frame or member still open means the file was cut short.
    func finish() throws
}

extension GzipDecoder: StreamDecoder {}
