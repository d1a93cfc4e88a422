
/// The `--backup` of a file system without hard links: a copy of the original with its
/// permission bits, synced before the original is replaced.
enum BackupCopy {
    /// `UNLOCKDUMP_NO_HARD_LINKS=1` makes every file system look like vfat: the tests' way to
    /// reach the copy where no vfat can be mounted.
    static let hardLinksAllowed = getenv("UNLOCKDUMP_NO_HARD_LINKS").map { String(cString: $0) != "1" } ?? true

    /// link(2)'s answers on a file system that cannot make hard links.
    static func meansNoHardLinks(_ code: Int32) -> Bool {
        code == EPERM || code == EOPNOTSUPP || code == ENOSYS || code == EMLINK || code == EXDEV
    }

    static func copy(_ original: String, to backupPath: String) throws {
        let source = System.open(original, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw FileError(name: original, code: errno) }
        defer { System.close(source) }
        var status = stat()
        guard fstat(source, &status) == 0 else { throw FileError(name: original, code: errno) }
        let raw = System.open(backupPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, status.st_mode & 0o7777)
        guard raw >= 0 else { throw FileError(name: backupPath, code: errno) }
        let target = NamedDescriptor(raw: raw, name: backupPath)
        let input = NamedDescriptor(raw: source, name: original)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        do {
            while case let count = try input.read(into: buffer), count > 0 {
                try target.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
            try target.sync()
            try target.close()
        } catch {
            System.close(raw)
            unlink(backupPath)
            throw error
        }
    }
}
