/// Where an encoder writes what it compressed: the output file in the command line, a byte array
/// in a test. Its own failure type passes through the encoder unchanged, so a full disk is still
/// the file's error, naming the file.
public protocol CompressedOutput {
    associatedtype Failure: Error
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Failure)
}
