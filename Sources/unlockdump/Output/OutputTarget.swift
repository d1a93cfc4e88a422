
/// Where the patched dump goes. A file is never written in place: the dump goes to a temporary
/// file in the target's directory (so rename(2) stays on one file system and is atomic) and
/// takes the target's name only once every byte is written and synced. A malformed dump, a full
/// disk or a signal leaves the target exactly as it was.
struct OutputTarget {
    let descriptor: NamedDescriptor
    private let replacement: Replacement?

    /// A temporary file waiting to take the target's name.
    private struct Replacement {
        let temporaryPath: String
        let targetPath: String
        /// With `--backup`: the name the original keeps.
        let backupPath: String?
        let replaceBackup: Bool
        let slot: TemporaryFileGuard.Slot
    }

    /// `nil` for `--check`, which writes nothing.
    static func open(_ destination: CommandLineOptions.Destination, for input: InputFile) throws -> OutputTarget? {
        switch destination {
        case .reportOnly:
            return nil
        case .standardOutput:
            let status = try NamedDescriptor.standardOutput.status()
            try input.refuseAsOutput(status, named: "<stdout>")
            if status.isPipe { NamedDescriptor.standardOutput.widenPipe() }
            return OutputTarget(descriptor: .standardOutput, replacement: nil)
        case .file(let path):
            return try openFile(path, for: input)
        case .inPlace(let backupSuffix, let replaceBackup):
            return try openInPlace(input, backupSuffix: backupSuffix, replaceBackup: replaceBackup)
        }
    }

    /// The report file, replaced the same way; the caller checked it is none of the dump's files.
    static func openReport(_ path: String) throws -> OutputTarget {
        try openFile(path, for: nil, slot: .report)
    }

    private static func openFile(_ path: String, for input: InputFile?, slot: TemporaryFileGuard.Slot = .dump) throws -> OutputTarget {
        var existing = stat()
        guard stat(path, &existing) == 0 else {
            guard errno == ENOENT else { throw FileError(name: path, code: errno) }
            return try replacing(path, shownAs: path, like: nil, backupPath: nil, replaceBackup: false, slot: slot)
        }
        try input?.refuseAsOutput(existing, named: path)
        if existing.isDirectory { throw FileError(name: path, code: EISDIR) }
        if existing.isRegularFile {
            return try replacing(try replaceablePath(path), shownAs: path, like: existing, backupPath: nil, replaceBackup: false, slot: slot)
        }
        // A device, FIFO or socket has no content to protect and cannot be replaced (renaming a
        // regular file over /dev/null would be vandalism): write to it directly.
        let raw = System.open(path, O_WRONLY | O_CLOEXEC)
        guard raw >= 0 else { throw FileError(name: path, code: errno) }
        return OutputTarget(descriptor: NamedDescriptor(raw: raw, name: path), replacement: nil)
    }

    private static func openInPlace(_ input: InputFile, backupSuffix: String?, replaceBackup: Bool) throws -> OutputTarget {
        guard let path = input.path, input.status.isRegularFile else {
            throw UsageError("--in-place needs a regular file; \(input.descriptor.name) is not one")
        }
        let target = try replaceablePath(path)
        let backupPath = backupSuffix.map { target + $0 }
        if let backupPath, !replaceBackup, exists(backupPath) {
            throw UsageError("backup file \(backupPath) already exists; add --force to replace it")
        }
        return try replacing(target, shownAs: path, like: input.status, backupPath: backupPath, replaceBackup: replaceBackup)
    }

    /// The temporary file takes the permission bits (and, where allowed, the owner) of the file
    /// it replaces; a new file gets what the user's umask would give it, not mkstemp's 0600.
    private static func replacing(
        _ target: String, shownAs name: String, like original: stat?, backupPath: String?, replaceBackup: Bool,
        slot: TemporaryFileGuard.Slot = .dump
    ) throws -> OutputTarget {
        let (descriptor, temporaryPath) = try TemporaryFileGuard.create(
            template: temporaryTemplate(for: target), shownAs: name, slot: slot)
        let output = OutputTarget(
            descriptor: descriptor,
            replacement: Replacement(
                temporaryPath: temporaryPath, targetPath: target, backupPath: backupPath, replaceBackup: replaceBackup, slot: slot)
        )
        let mode: mode_t
        if let original {
            // Only root may give a file away; for anyone else the owner already matches or cannot.
            _ = fchown(descriptor.raw, original.st_uid, original.st_gid)
            mode = original.st_mode & 0o7777
        } else {
            mode = 0o666 & ~currentUmask()
        }
        guard fchmod(descriptor.raw, mode) == 0 else {
            let code = errno
            output.discard()
            throw FileError(name: name, code: code)
        }
        return output
    }

    /// Makes the written dump final: data on disk first, then the backup link, then the rename,
    /// each only after the one before succeeded. The caller has flushed every byte.
    func commit() throws {
        guard let replacement else { return }
        do {
            try descriptor.sync()
        } catch {
            discard()
            throw error
        }
        try TemporaryFileGuard.disarm(replacement.slot) {
            do {
                try descriptor.close()
                if let backupPath = replacement.backupPath {
                    try Self.link(replacement.targetPath, asBackup: backupPath, replacing: replacement.replaceBackup)
                }
                guard rename(replacement.temporaryPath, replacement.targetPath) == 0 else {
                    throw FileError(name: descriptor.name, code: errno)
                }
            } catch {
                unlink(replacement.temporaryPath)
                throw error
            }
        }
        Self.syncDirectory(of: replacement.targetPath)
    }

    /// Whether the output is a temporary file of its own, which can be read back and rewritten
    /// before it takes the target's name (not a pipe, a terminal or a device).
    var isReplacement: Bool { replacement != nil }

    /// Empties the temporary file, to write the dump again from its start.
    func rewind() throws(FileError) {
        guard ftruncate(descriptor.raw, 0) == 0, lseek(descriptor.raw, 0, SEEK_SET) == 0 else {
            throw FileError(name: descriptor.name, code: errno)
        }
    }

    /// Drops a temporary file after a failure; the target was never touched.
    func discard() {
        guard let replacement else { return }
        _ = System.close(descriptor.raw)
        TemporaryFileGuard.disarm(replacement.slot) { unlink(replacement.temporaryPath) }
    }

    /// A hard link keeps the original under the backup name at no cost, and the rename that
    /// follows leaves it there. Where the file system has no hard links (vfat and exFAT, the
    /// usual USB media), the original is copied instead, and the copy synced before the rename.
    private static func link(_ original: String, asBackup backupPath: String, replacing: Bool) throws {
        if replacing, unlink(backupPath) != 0, errno != ENOENT {
            throw FileError(name: backupPath, code: errno)
        }
        if BackupCopy.hardLinksAllowed {
            if System.link(original, backupPath) == 0 { return }
            guard BackupCopy.meansNoHardLinks(errno) else { throw FileError(name: backupPath, code: errno) }
        }
        try BackupCopy.copy(original, to: backupPath)
    }

    /// Makes the rename itself durable. The target is already in place, so a failure here is not
    /// worth failing the run for.
    private static func syncDirectory(of path: String) {
        let prefix = directoryPrefix(of: path)
        let directory = System.open(prefix.isEmpty ? "." : String(prefix), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return }
        fsync(directory)
        System.close(directory)
    }

    /// Renaming over a symlink would replace the link, not the dump it points to.
    private static func replaceablePath(_ path: String) throws -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else { throw FileError(name: path, code: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A hidden name next to the target that says whose it is, e.g. `dir/.dump.sql.unlockdump-XXXXXX`.
    private static func temporaryTemplate(for target: String) -> String {
        let directory = directoryPrefix(of: target)
        return "\(directory).\(target.dropFirst(directory.count)).unlockdump-XXXXXX"
    }

    /// Everything up to and including the last slash; empty for a bare name.
    private static func directoryPrefix(of path: String) -> Substring {
        path.lastIndex(of: "/").map { path[...$0] } ?? ""
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
