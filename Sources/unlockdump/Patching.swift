import UnlockDump

/// One run: open the input, then the output, stream the dump through the engine, and only then
/// make the output final and tell what was done. Failures are thrown for `main` to report.
func patchDump(_ options: CommandLineOptions) throws -> ExitStatus {
    let input = try InputFile.open(options.input)
    let mode: PatchMode = options.destination == .reportOnly ? .check : .release
    var patcher = DumpPatcher(options: PatchOptions(dialect: options.dialect, mode: mode))

    if let output = try OutputTarget.open(options.destination, for: input) {
        var sink = BufferedSink(output.descriptor)
        do {
            try stream(input, through: &patcher, into: &sink)
            try sink.flush()
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
    } else {
        var sink = DiscardingSink()
        try stream(input, through: &patcher, into: &sink)
    }

    if !options.quiet {
        StderrReport.lines(for: patcher.report, mode: mode).forEach(StandardError.say)
    }
    return mode == .check && !patcher.report.heldLocks.isEmpty ? .lockHeld : .success
}

/// Reads in one reused buffer, so memory stays flat however large the dump is.
private func stream<Sink: DumpSink>(_ input: InputFile, through patcher: inout DumpPatcher, into sink: inout Sink) throws {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { buffer.deallocate() }
    while case let count = try input.descriptor.read(into: buffer), count > 0 {
        try patcher.feed(UnsafeRawBufferPointer(rebasing: buffer[..<count]), into: &sink)
    }
    try patcher.finish(into: &sink)
}
