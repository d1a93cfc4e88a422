import StreamCompression
import UnlockDump

/// One run: open the input and tell how it is compressed, open the output, stream the dump
/// through the engine, and only then make the output final and tell what was done. Failures
/// are thrown for `main` to report.
func patchDump(_ options: CommandLineOptions) throws -> ExitStatus {
    let started = MonotonicClock.seconds()
    let input = try InputFile.open(options.input)
    if options.input == nil, isatty(STDIN_FILENO) == 1 {
        throw UsageError("reading a dump from a terminal; give a file, or pipe one in")
    }
    if let reportFile = options.reportFile {
        try ReportFile.refuseClash(reportFile, input: input, destination: options.destination)
    }
    let source = try DumpSource(input)
    let outputCompression = options.outputCompression(input: source.compression)
    if outputCompression != .none, options.destination == .standardOutput, isatty(STDOUT_FILENO) == 1 {
        throw UsageError("compressed data not written to a terminal; redirect it to a file or a pipe, or use -o FILE.gz")
    }
    let mode = options.mode
    let patchOptions = PatchOptions(
        dialect: options.dialect, mode: mode, families: options.families, rewrites: options.rewrites,
        releaseStamp: options.stampRelease ? ReleaseStamp.now() : nil,
        repairs: options.repairs, repairTime: options.repairs.contains(.prisma) ? ReleaseStamp.now() : nil)
    var patcher = DumpPatcher(options: patchOptions)
    let progress = progressMeter(for: options, input: input)
    // Also on failure: the error message must not be glued to a half-erased bar.
    defer { progress?.erase() }

    // The text report on stderr streams its rows; a report file or JSON lists the first ones.
    let streamsRows = options.reportFormat == .text && options.reportFile == nil && !options.quiet
    let onHeldRow: ((HeldLock) -> Void)? = streamsRows ? { lock in
        progress?.erase()
        StandardError.say(StderrReport.line(for: lock, mode: mode))
    } : nil
    let output = try OutputTarget.open(options.destination, for: input)
    var gzipMethod: JSONReport.GzipMethod? = outputCompression == .gzip ? .compressed : nil
    var compressionWarning: String?
    // --in-place with nothing to release leaves the file as it was: same inode, bytes and mtime.
    var unchanged = false
    do {
        if let output, GzipSplicing.applies(source: source, outputCompression: outputCompression, output: output, mode: mode) {
            let splicing = GzipSplicing(input: input, output: output, options: patchOptions)
            try splicing.read(source, progress: progress, through: &patcher, onHeldRow: onHeldRow)
            progress?.erase()
            unchanged = isInPlace(options) && patcher.report.heldRowCount == 0
            if !unchanged {
                let outcome = try splicing.write()
                (gzipMethod, compressionWarning) = (outcome.method, outcome.warning)
            }
        } else {
            try writeDump(source, progress: progress, through: &patcher, into: output, compression: outputCompression, onHeldRow: onHeldRow)
            unchanged = isInPlace(options) && patcher.report.heldRowCount == 0
        }
    } catch {
        output?.discard()
        throw error
    }
    progress?.erase()

    let status: ExitStatus = mode == .check && patcher.report.heldRowCount > 0 ? .lockHeld : .success
    var patchReport = patcher.report
    if let compressionWarning { patchReport.addWarning(compressionWarning) }
    let run = JSONReport.Run(
        report: patchReport, mode: mode, status: status, durationSeconds: MonotonicClock.seconds() - started,
        inputCompression: source.compression, outputCompression: outputCompression, gzipMethod: unchanged ? nil : gzipMethod,
        inPlaceUnchanged: unchanged, rowsShown: streamsRows)
    let report: OutputTarget?
    do {
        report = try ReportDelivery.prepare(run, options: options)
    } catch {
        output?.discard()
        throw error
    }
    do {
        if unchanged { output?.discard() } else { try output?.commit() }
    } catch {
        report?.discard()
        throw error
    }
    try ReportDelivery.deliver(run, prepared: report, options: options)
    return status
}

/// Streams the dump through the engine into `output` (compressed as asked), or, with no output
/// (`--check`), into nothing.
func writeDump(
    _ source: DumpSource, progress: ProgressMeter?, through patcher: inout DumpPatcher, into output: OutputTarget?,
    compression: Compression, onHeldRow: ((HeldLock) -> Void)?
) throws {
    guard let output else {
        var sink = ReportingSink(base: DiscardingSink(), onHeldRow: onHeldRow)
        return try stream(source, progress: progress, through: &patcher, into: &sink)
    }
    let buffered = BufferedSink(byteOutput(compression, writingTo: output.descriptor))
    var sink = ReportingSink(base: buffered, onHeldRow: onHeldRow)
    try stream(source, progress: progress, through: &patcher, into: &sink)
    try buffered.finish()
}

/// The output file itself, or the encoder for the chosen compression in front of it: gzip on
/// every core.
private func byteOutput(_ compression: Compression, writingTo descriptor: NamedDescriptor) -> any ByteOutput {
    switch compression {
    case .none: descriptor
    case .gzip: ParallelGzipEncoder(writingTo: descriptor)
    case .zstd: ZstdEncoder(writingTo: descriptor)
    }
}

private func stream<Sink: DumpSink>(
    _ source: DumpSource, progress: ProgressMeter?, through patcher: inout DumpPatcher, into sink: inout Sink
) throws {
    try source.stream(progress: progress) { try patcher.feed($0, into: &sink) }
    try patcher.finish(into: &sink)
}

private func isInPlace(_ options: CommandLineOptions) -> Bool {
    if case .inPlace = options.destination { return true }
    return false
}

/// Drawn on `--progress`; by default only where a person watches (stderr is a terminal) and
/// a percentage means something (the input is a regular file of known size), and not with `-q`.
private func progressMeter(for options: CommandLineOptions, input: InputFile) -> ProgressMeter? {
    let size = input.status.isRegularFile && input.status.st_size > 0 ? Int(input.status.st_size) : nil
    switch options.progress {
    case .never: return nil
    case .always: return ProgressMeter(total: size)
    case .auto: return isatty(STDERR_FILENO) == 1 && size != nil && !options.quiet ? ProgressMeter(total: size) : nil
    }
}
