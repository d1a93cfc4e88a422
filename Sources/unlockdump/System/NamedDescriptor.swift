
/// A descriptor that carries the name the user knows it by, so every failure can say which file
/// and why. Interrupted calls are retried: a signal that does not end the process must not end
/// the input or lose output.
struct NamedDescriptor: Sendable {
    let raw: Int32
    let name: String

    static let standardInput = NamedDescriptor(raw: STDIN_FILENO, name: "<stdin>")
    static let standardOutput = NamedDescriptor(raw: STDOUT_FILENO, name: "<stdout>")
    static let standardError = NamedDescriptor(raw: STDERR_FILENO, name: "<stderr>")

    /// Fills at most `buffer.count` bytes; 0 means end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        while true {
            let count = System.read(raw, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw FileError(name: name, code: errno) }
        }
    }

    /// Pipes and nearly full disks accept part of a write; loops until every byte is taken.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        var rest = bytes
        while !rest.isEmpty {
            let count = System.write(raw, rest.baseAddress, rest.count)
            if count > 0 {
                rest = UnsafeRawBufferPointer(rebasing: rest[count...])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                throw FileError(name: name, code: count < 0 ? errno : EIO)
            }
        }
    }

    /// A pipe holds 64 KiB by default, so each 1 MiB write wakes the reader 16 times. Asking for
    /// 1 MiB (the usual limit for unprivileged processes) lets both sides of a pipeline run in
    /// bigger steps; if the system says no, the pipe simply stays as it was. Linux only: other
    /// systems have no such call and go without.
    func widenPipe() {
        #if os(Linux)
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ, which the C module leaves out (_GNU_SOURCE)
        _ = fcntl(raw, setPipeSize, 1 << 20)
        #endif
    }

    func status() throws(FileError) -> stat {
        var status = stat()
        guard fstat(raw, &status) == 0 else { throw FileError(name: name, code: errno) }
        return status
    }

    /// Data lost on NFS or a full disk may surface only here, so the result counts.
    func sync() throws(FileError) {
        guard fsync(raw) == 0 else { throw FileError(name: name, code: errno) }
    }

    func close() throws(FileError) {
        guard System.close(raw) == 0 else { throw FileError(name: name, code: errno) }
    }
}

extension stat {
    var isDirectory: Bool { st_mode & S_IFMT == S_IFDIR }
    var isRegularFile: Bool { st_mode & S_IFMT == S_IFREG }
    var isPipe: Bool { st_mode & S_IFMT == S_IFIFO }

    /// Same inode on the same device: the same file, whatever path spelling reached it.
    func isSameFile(as other: stat) -> Bool {
        st_dev == other.st_dev && st_ino == other.st_ino
    }
}

/// A failed system call, named for the file the user knows (never a temporary path), so the
/// message reads like any Unix tool's: "name: reason".
struct FileError: Error, CustomStringConvertible {
    let name: String
    let code: Int32

    var description: String { "\(name): \(String(cString: strerror(code)))" }
}
