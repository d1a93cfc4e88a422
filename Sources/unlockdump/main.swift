import UnlockDump

// Top-level flow: parse, run, and turn each kind of failure into its message and exit status.

func printToStandardOutput(_ text: String) -> ExitStatus {
    var text = text
    do {
        try text.withUTF8 { try NamedDescriptor.standardOutput.writeAll(UnsafeRawBufferPointer($0)) }
        return .success
    } catch {
        StandardError.say("\(error)")
        return .ioError
    }
}

reserveClosedStandardDescriptors()

let status: ExitStatus
do {
    switch try CommandLineOptions.parse(CommandLine.arguments.dropFirst()) {
    case .showHelp:
        status = printToStandardOutput(HelpText.usage)
    case .showVersion:
        status = printToStandardOutput(HelpText.version)
    case .run(let options):
        do {
            status = try patchDump(options)
        } catch {
            status = RunFailure(error, options: options).report()
        }
    }
} catch {
    // Parsing fails only with a usage error; the run's own failures are reported above.
    StandardError.sayUsage(error)
    status = .usage
}
exit(status.rawValue)
