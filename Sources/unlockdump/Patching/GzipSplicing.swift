import StreamCompression
import UnlockDump

/// A gzip input rewritten as gzip into a file (`--in-place`, `-o OUT.gz`): the dump is read
/// once to find its edits, then the compressed input is spliced around them rather than
/// compressed again, which would cost far more than reading it. The spliced stream is inflated
/// back on the other core as it is written; if it does not decompress to the very bytes the
/// first pass produced, or splicing would gain little, the dump is compressed afresh instead.
struct GzipSplicing {
    let input: InputFile
    let output: OutputTarget
    let options: PatchOptions

    /// How the gzip output was made, for the report, and why splicing was not used if it
    /// failed to verify.
    struct Outcome {
        var method: JSONReport.GzipMethod
        var warning: String?
    }

    /// Whether the run can be spliced: gzip in and out, the input a regular file that can be
    /// read again, the output a file of its own that can be read back.
    static func applies(source: DumpSource, compressesOutput: Bool, output: OutputTarget?, mode: PatchMode) -> Bool {
        source.isGzip && compressesOutput && mode == .release && source.input.status.isRegularFile && output?.isReplacement == true
    }

    /// The first pass: the engine patches the whole dump, writing nothing yet. Returns what the
    /// splice needs.
    func read(
        _ source: DumpSource, progress: ProgressMeter?, through patcher: inout DumpPatcher, onHeldRow: ((HeldLock) -> Void)?
    ) throws -> SpliceRecorder {
        let index = GzipSpliceIndex()
        var sink = ReportingSink(base: SpliceRecorder(index: index), onHeldRow: onHeldRow)
        try source.stream(progress: progress, indexingInto: index) { chunk in
            try patcher.feed(chunk, into: &sink)
            index.settle(upTo: patcher.settledOffset)
        }
        try patcher.finish(into: &sink)
        index.settle(upTo: patcher.settledOffset)
        return sink.base
    }

    /// The second pass: writes the output, spliced if that works, compressed afresh if not.
    func write(_ recorded: SpliceRecorder) throws -> Outcome {
        var warning: String?
        if let plan = recorded.index.plan, plan.rewrittenBytesEstimate <= plan.uncompressedSize / 2 {
            warning = try splice(plan, expecting: recorded.checksum)
            guard warning != nil else { return Outcome(method: .spliced) }
            try output.rewind()
        }
        try input.rewind()
        let source = try DumpSource(input)
        var patcher = DumpPatcher(options: options)
        try writeDump(source, progress: nil, through: &patcher, into: output, compressed: true, onHeldRow: nil)
        return Outcome(method: .compressed, warning: warning)
    }

    /// Writes the splice while the verifier follows; `nil` when what it wrote decompresses to
    /// `expected`, else why not. A failed verification is a bug worth a warning, not the user's
    /// problem: the caller compresses afresh.
    private func splice(_ plan: GzipSplicePlan, expecting expected: StreamChecksum) throws -> String? {
        let verifier = GzipVerifier(following: PositionalReader(descriptor: output.descriptor))
        let splicer = GzipSplicer(
            reading: PositionalReader(descriptor: input.descriptor), writingTo: VerifiedOutput(output.descriptor, verifier: verifier))
        do {
            try splicer.write(plan)
        } catch {
            _ = verifier.finish()
            throw error
        }
        let why: String
        switch verifier.finish() {
        case .success(let found) where found == expected: return nil
        case .success(let found): why = "it decompresses to \(found.length) bytes with CRC-32 \(hex(found.crc)), not \(expected.length) bytes with \(hex(expected.crc))"
        case .failure(let error): why = "\(error)"
        }
        return "the spliced gzip stream did not verify (\(why)); the dump was compressed afresh"
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
