import StreamCompression
import UnlockDump

/// A gzip input rewritten as gzip into a file (`--in-place`, `-o OUT.gz`): the compressed input
/// is spliced around the edits rather than compressed again, which would cost far more than
/// reading it. The dump is read once to find the edits; meanwhile the compressed bytes no edit
/// can reach any more are already copied, and the other core inflates the output back as it is
/// written. If it does not decompress to the very bytes the engine produced, or splicing would
/// gain little, the dump is compressed afresh instead.
final class GzipSplicing {
    private let input: InputFile
    private let output: OutputTarget
    private let options: PatchOptions
    private let index = GzipSpliceIndex()
    private let verifier: GzipVerifier<PositionalReader>
    private let splicer: GzipSplicer<PositionalReader, VerifiedOutput>
    private var recorder: SpliceRecorder

    /// How the gzip output was made, for the report, and why splicing was not used if it
    /// failed to verify.
    struct Outcome {
        var method: JSONReport.GzipMethod
        var warning: String?
    }

    /// Whether the run can be spliced: gzip in and out, the input a regular file that can be
    /// read again, the output a file of its own that can be read back.
    static func applies(source: DumpSource, outputCompression: Compression, output: OutputTarget?, mode: PatchMode) -> Bool {
        source.compression == .gzip && outputCompression == .gzip && mode == .release && source.input.status.isRegularFile && output?.isReplacement == true
    }

    init(input: InputFile, output: OutputTarget, options: PatchOptions) {
        self.input = input
        self.output = output
        self.options = options
        verifier = GzipVerifier(following: PositionalReader(descriptor: output.descriptor))
        splicer = GzipSplicer(
            reading: PositionalReader(descriptor: input.descriptor), writingTo: VerifiedOutput(output.descriptor, verifier: verifier))
        recorder = SpliceRecorder(index: index)
    }

    deinit {
        verifier.abandon()
    }

    /// The first pass: the engine patches the whole dump, telling the index its edits, and what
    /// precedes every place an edit could still reach is copied out.
    func read(_ source: DumpSource, progress: ProgressMeter?, through patcher: inout DumpPatcher, onHeldRow: ((HeldLock) -> Void)?) throws {
        var sink = ReportingSink(base: recorder, onHeldRow: onHeldRow)
        try source.stream(progress: progress, indexingInto: index) { chunk in
            try patcher.feed(chunk, into: &sink)
            index.settle(upTo: patcher.settledOffset)
            try splicer.copy(upTo: index.finalOffset)
        }
        try patcher.finish(into: &sink)
        index.settle(upTo: patcher.settledOffset)
        recorder = sink.base
    }

    /// The rest of the output, spliced if that works, compressed afresh if not.
    func write() throws -> Outcome {
        var warning: String?
        if let plan = index.plan, plan.rewrittenBytesEstimate <= plan.uncompressedSize / 2 {
            warning = try splice(plan)
            guard warning != nil else { return Outcome(method: .spliced) }
        } else {
            verifier.abandon()
        }
        try output.rewind()
        try input.rewind()
        let source = try DumpSource(input)
        var patcher = DumpPatcher(options: options)
        try writeDump(source, progress: nil, through: &patcher, into: output, compression: .gzip, onHeldRow: nil)
        return Outcome(method: .compressed, warning: warning)
    }

    /// Writes the splice while the verifier follows; `nil` when what it wrote decompresses to
    /// the engine's output, else why not. A failed verification is a bug worth a warning, not
    /// the user's problem: the caller compresses afresh.
    private func splice(_ plan: GzipSplicePlan) throws -> String? {
        let expected = recorder.checksum
        try splicer.write(plan)
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
