/// Everything on stderr starts with the program name, so in a pipeline's shared stderr each line
/// says where it came from. A failure to write stderr is ignored: there is nowhere left to say so.
enum StandardError {
    static func say(_ line: String) {
        writeRaw("unlockdump: \(line)\n")
    }

    static func sayUsage(_ error: UsageError) {
        writeRaw("unlockdump: \(error)\nTry 'unlockdump --help' for more information.\n")
    }

    /// As given, no prefix or newline added: for the progress line, which brings its own prefix
    /// and ends in `\r`, and for the lines above.
    static func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { try? NamedDescriptor.standardError.writeAll(UnsafeRawBufferPointer($0)) }
    }
}
