import UnlockDump

/// What one run of the tool does, decided from the arguments alone. Checks that need the file
/// system (same file, backup exists, regular file) happen when the files are opened.
struct CommandLineOptions {
    /// Where the dump's bytes go; `--check` is the destination that writes none.
    enum Destination: Equatable {
        case reportOnly
        case standardOutput
        case file(String)
        case inPlace(backupSuffix: String?, replaceBackup: Bool)
    }

    /// Whether the progress line is drawn: `auto` only on a terminal, for an input of known size.
    enum Progress {
        case auto, always, never
    }

    enum ReportFormat {
        case text, json
    }

    enum Invocation {
        case showHelp
        case showVersion
        case run(CommandLineOptions)
    }

    /// The INPUT path; `nil` reads stdin.
    var input: String?
    var destination: Destination
    /// `nil` lets the engine decide from the dump's own markers.
    var dialect: Dialect?
    var quiet: Bool
    var progress: Progress
    var reportFormat: ReportFormat
    /// `--report-file`: the report goes there instead of stderr (errors still go to stderr).
    var reportFile: String?
    /// `--gzip`, or what the `-o` name ends in (`.gz`, `.zst`). `--in-place` keeps the input's
    /// compression instead (see `outputCompression(input:)`).
    var requestedCompression: Compression
    var families: Set<LockFamily>
    var rewrites: [ColumnRewrite]
    var stampRelease: Bool
    /// `--repair TOOL`s: failed-migration states repaired, never by default.
    var repairs: Set<RepairTool>

    /// How the input is named in messages.
    var inputName: String { input ?? "<stdin>" }

    /// `--check` only reports; every other destination releases.
    var mode: PatchMode { destination == .reportOnly ? .check : .release }

    /// `--in-place` keeps the file what it was: a gzip or zstd input is rewritten compressed the
    /// same way, never left as plain SQL under a `.gz` or `.zst` name.
    func outputCompression(input: Compression) -> Compression {
        if case .inPlace = destination { return input }
        return requestedCompression
    }

    /// Parses the arguments after the program name. `--help` and `--version` win as soon as they
    /// are seen, like getopt-based tools, so a half-typed command line can still ask for help.
    static func parse<Arguments: Sequence<String>>(_ arguments: Arguments) throws(UsageError) -> Invocation {
        var parser = Parser(arguments.makeIterator())
        return try parser.parse()
    }
}

/// The raw flags as typed, before they are checked against each other.
private struct Parser<Arguments: IteratorProtocol<String>> {
    private var arguments: Arguments
    private var input: String?
    private var output: String?
    private var inPlace = false
    private var backupSuffix: String?
    private var force = false
    private var check = false
    private var dialect: Dialect?
    private var quiet = false
    private var gzip = false
    private var progress = CommandLineOptions.Progress.auto
    private var reportFormat = CommandLineOptions.ReportFormat.text
    private var reportFile: String?
    private var families: Set<LockFamily>?
    private var rewrites: [ColumnRewrite] = []
    private var stampRelease = false
    private var repairs = Set<RepairTool>()

    init(_ arguments: Arguments) {
        self.arguments = arguments
    }

    mutating func parse() throws(UsageError) -> CommandLineOptions.Invocation {
        var optionsEnded = false
        while let argument = arguments.next() {
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                try addInput(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument.hasPrefix("--") {
                if let early = try parseLong(argument.dropFirst(2)) { return early }
            } else {
                if let early = try parseShortCluster(argument.dropFirst()) { return early }
            }
        }
        return .run(try validated())
    }

    private mutating func addInput(_ argument: String) throws(UsageError) {
        guard input == nil else {
            throw UsageError("unexpected second INPUT '\(argument)' (only one dump is read per run)")
        }
        input = argument
    }

    /// `--name` or `--name=value`.
    private mutating func parseLong(_ body: Substring) throws(UsageError) -> CommandLineOptions.Invocation? {
        let equals = body.firstIndex(of: "=")
        let name = "--" + body[..<(equals ?? body.endIndex)]
        let inlineValue = equals.map { String(body[body.index(after: $0)...]) }

        func flag() throws(UsageError) -> Bool {
            guard inlineValue == nil else { throw UsageError("option '\(name)' doesn't allow an argument") }
            return true
        }
        switch name {
        case "--output": output = try value(of: name, inline: inlineValue)
        case "--in-place": inPlace = try flag()
        case "--backup": backupSuffix = try value(of: name, inline: inlineValue)
        case "--force": force = try flag()
        case "--check": check = try flag()
        case "--dialect": dialect = try Self.dialect(named: try value(of: name, inline: inlineValue))
        case "--quiet": quiet = try flag()
        case "--gzip": gzip = try flag()
        case "--progress": _ = try flag(); progress = .always
        case "--no-progress": _ = try flag(); progress = .never
        case "--report": reportFormat = try Self.reportFormat(named: try value(of: name, inline: inlineValue))
        case "--report-file": reportFile = try value(of: name, inline: inlineValue)
        case "--only": families = (families ?? []).union(try RewriteArguments.families(try value(of: name, inline: inlineValue)))
        case "--set": rewrites.append(try RewriteArguments.rewrite(try value(of: name, inline: inlineValue)))
        case "--where": try addCondition(try value(of: name, inline: inlineValue))
        case "--stamp-release": stampRelease = try flag()
        case "--repair": repairs.insert(try RewriteArguments.repair(try value(of: name, inline: inlineValue)))
        case "--help": _ = try flag(); return .showHelp
        case "--version": _ = try flag(); return .showVersion
        default: throw UsageError("unrecognized option '\(name)'")
        }
        return nil
    }

    /// `-q`, `-h`, `-o FILE`, and clusters such as `-qo FILE` or `-oFILE`.
    private mutating func parseShortCluster(_ letters: Substring) throws(UsageError) -> CommandLineOptions.Invocation? {
        var rest = letters
        while let letter = rest.popFirst() {
            switch letter {
            case "q": quiet = true
            case "h": return .showHelp
            case "o":
                output = try value(of: "-o", inline: rest.isEmpty ? nil : String(rest))
                return nil
            default: throw UsageError("invalid option -- '\(letter)'")
            }
        }
        return nil
    }

    private mutating func value(of option: String, inline: String?) throws(UsageError) -> String {
        guard let value = inline ?? arguments.next() else {
            throw UsageError("option '\(option)' requires an argument")
        }
        guard !value.isEmpty else { throw UsageError("option '\(option)' requires a non-empty argument") }
        return value
    }

    /// `--where` narrows the `--set` just before it, so several `--set`s can each have their own.
    private mutating func addCondition(_ argument: String) throws(UsageError) {
        guard let last = rewrites.indices.last else {
            throw UsageError("--where needs a --set before it (it narrows the most recent --set)")
        }
        guard rewrites[last].condition == nil else {
            throw UsageError("--set \(rewrites[last].table).\(rewrites[last].column) already has a --where")
        }
        rewrites[last].condition = try RewriteArguments.condition(argument)
    }

    private static func reportFormat(named name: String) throws(UsageError) -> CommandLineOptions.ReportFormat {
        switch name.lowercased() {
        case "text": return .text
        case "json": return .json
        default: throw UsageError("invalid report format '\(name)' (expected text or json)")
        }
    }

    private static func dialect(named name: String) throws(UsageError) -> Dialect? {
        switch name.lowercased() {
        case "auto": return nil
        case "mysql", "mariadb": return .mysql
        case "sqlite": return .sqlite
        case "postgres", "postgresql", "pg": return .postgres
        default: throw UsageError("invalid dialect '\(name)' (expected mysql, mariadb, sqlite, postgres or auto)")
        }
    }

    /// The combinations that contradict each other, rejected before any file is opened.
    private func validated() throws(UsageError) -> CommandLineOptions {
        let standardInput = input == nil || input == "-"
        // "-o -" names stdout, like INPUT "-" names stdin.
        let outputFile = output == "-" ? nil : output
        if check && output != nil { throw UsageError("--check writes no dump; it cannot be combined with --output") }
        if check && inPlace { throw UsageError("--check writes no dump; it cannot be combined with --in-place") }
        if inPlace && output != nil { throw UsageError("--in-place and --output cannot be combined") }
        if inPlace && standardInput { throw UsageError("--in-place needs an INPUT file; stdin cannot be rewritten") }
        if backupSuffix != nil && !inPlace { throw UsageError("--backup needs --in-place") }
        if force && backupSuffix == nil { throw UsageError("--force needs --backup") }
        if gzip && check { throw UsageError("--check writes no dump; it cannot be combined with --gzip") }
        if gzip && inPlace { throw UsageError("--in-place keeps the input's compression; it cannot be combined with --gzip") }
        let named = outputFile.map(Compression.named) ?? .none
        if gzip && named == .zstd { throw UsageError("--gzip contradicts the output name \(outputFile ?? ""), which asks for zstd") }

        let destination: CommandLineOptions.Destination =
            if check { .reportOnly }
            else if inPlace { .inPlace(backupSuffix: backupSuffix, replaceBackup: force) }
            else if let outputFile { .file(outputFile) }
            else { .standardOutput }
        return CommandLineOptions(
            input: standardInput ? nil : input,
            destination: destination,
            dialect: dialect,
            quiet: quiet,
            progress: progress,
            reportFormat: reportFormat,
            reportFile: reportFile,
            requestedCompression: gzip ? .gzip : named,
            families: families ?? Set(LockFamily.allCases),
            rewrites: rewrites,
            stampRelease: stampRelease,
            repairs: repairs
        )
    }
}

/// A command line that cannot be run as given. Kept apart from I/O failures because it earns its
/// own exit status and the pointer to `--help`.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
