
/// The dump being read. It is opened before any output exists, so an unreadable input never
/// creates or touches an output file.
struct InputFile {
    let descriptor: NamedDescriptor
    let status: stat
    /// As given on the command line; `nil` for stdin.
    let path: String?

    static func open(_ path: String?) throws(FileError) -> InputFile {
        let descriptor: NamedDescriptor
        if let path {
            let raw = System.open(path, O_RDONLY | O_CLOEXEC)
            guard raw >= 0 else { throw FileError(name: path, code: errno) }
            descriptor = NamedDescriptor(raw: raw, name: path)
        } else {
            descriptor = .standardInput
        }
        let status = try descriptor.status()
        // open(2) accepts a directory and only the first read fails; refuse it before any
        // output file is created.
        guard !status.isDirectory else { throw FileError(name: descriptor.name, code: EISDIR) }
        if status.isPipe { descriptor.widenPipe() }
        return InputFile(descriptor: descriptor, status: status, path: path)
    }

    /// Back to the first byte, to read the dump a second time (a regular file only).
    func rewind() throws(FileError) {
        guard lseek(descriptor.raw, 0, SEEK_SET) == 0 else { throw FileError(name: descriptor.name, code: errno) }
    }

    /// Writing a dump over its own input would read back its own output (or nothing at all);
    /// whatever path spelling or redirection led there, refuse.
    func refuseAsOutput(_ output: stat, named outputName: String) throws(UsageError) {
        guard status.isRegularFile, output.isRegularFile, status.isSameFile(as: output) else { return }
        throw UsageError("output \(outputName) is the same file as the input \(descriptor.name); use --in-place to rewrite it")
    }
}
