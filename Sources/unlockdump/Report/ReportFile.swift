
/// `--report-file`: never one of the dump's own files, and never half-written. It is compared
/// with the input, the output and standard output by device and inode, or, for a path that does
/// not exist yet, by where it resolves (symlinked directories, `..`). It is written to a
/// temporary file beside it before the dump is renamed into place, and renamed itself right
/// after, so a failed run never leaves a new dump behind an old report.
enum ReportFile {
    /// Where a path leads: an existing file's identity, or the absolute path it would be created at.
    private enum Identity: Equatable {
        case file(dev: UInt, inode: UInt)
        case toBeCreated(String)

        init(path: String) {
            var status = stat()
            if stat(path, &status) == 0 {
                self = .file(dev: UInt(status.st_dev), inode: UInt(status.st_ino))
                return
            }
            let slash = path.lastIndex(of: "/")
            let directory = slash.map { String(path[...$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            guard let resolved = realpath(directory, nil) else {
                self = .toBeCreated(path)
                return
            }
            defer { free(resolved) }
            self = .toBeCreated(String(cString: resolved) + "/" + name)
        }

        init(_ status: stat) {
            self = .file(dev: UInt(status.st_dev), inode: UInt(status.st_ino))
        }
    }

    static func refuseClash(_ path: String, input: InputFile, destination: CommandLineOptions.Destination) throws {
        let report = Identity(path: path)
        var clashes: [(Identity, String)] = []
        if input.status.isRegularFile { clashes.append((Identity(input.status), "the input \(input.descriptor.name)")) }
        switch destination {
        case .file(let output): clashes.append((Identity(path: output), "the output \(output)"))
        case .standardOutput: clashes.append((Identity(try NamedDescriptor.standardOutput.status()), "standard output, where the dump goes"))
        case .reportOnly, .inPlace: break
        }
        if let (_, what) = clashes.first(where: { $0.0 == report }) {
            throw UsageError("--report-file \(path) is \(what); the report would overwrite the dump; name another file")
        }
    }

    /// The report's bytes in a temporary file beside `path`, to be committed after the dump.
    static func prepare(_ text: String, at path: String) throws -> OutputTarget {
        let target = try OutputTarget.openReport(path)
        var text = text
        do {
            try text.withUTF8 { try target.descriptor.writeAll(UnsafeRawBufferPointer($0)) }
        } catch {
            target.discard()
            throw error
        }
        return target
    }

    static func write(_ text: String, to path: String) throws {
        try prepare(text, at: path).commit()
    }
}
