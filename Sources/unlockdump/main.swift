import Glibc
import UnlockDump

// Top-level flow: parse, run, and turn each kind of failure into its message and exit status.

func printToStandardOutput(_ text: String) -> ExitStatus {
    var text = text
    do {
        try text.withUTF8 { try FileDescriptor.standardOutput.writeAll(UnsafeRawBufferPointer($0)) }
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
} catch let error as UsageError {
    StandardError.sayUsage(error)
    status = .usage
} catch {
    StandardError.say("\(error)")
    status = .ioError
}
exit(status.rawValue)
