import Foundation
import TestSupport
import Testing

/// `--backup` where hard links are not to be had (vfat, exFAT: the USB sticks backups travel on):
/// the original is copied, with its permission bits, and synced before it is replaced.
@Suite struct BackupCopyTests {
    static let dump = "INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);\n"

    private func run(_ arguments: [String], in directory: URL) throws -> Subprocess.Result {
        try Subprocess.run(Unlockdump.binary, arguments, in: directory, environment: ["UNLOCKDUMP_NO_HARD_LINKS": "1"])
    }

    @Test func backupIsACopyWhereLinksFail() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Self.dump)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: scratch.path("dump.sql"))
        let result = try run(["-q", "--in-place", "--backup", ".orig", "dump.sql"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scratch.read("dump.sql.orig") == Data(Self.dump.utf8))
        #expect(try scratch.read("dump.sql") == Data(Self.dump.replacingOccurrences(of: ",1,", with: ",0,").utf8))
        let backup = try FileManager.default.attributesOfItem(atPath: scratch.path("dump.sql.orig"))
        #expect((backup[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect((backup[.referenceCount] as? NSNumber)?.intValue == 1, "a copy, not a link")
        #expect(try scratch.temporaryFiles().isEmpty)
    }

    @Test func forceReplacesABackupByCopyToo() throws {
        let scratch = try Scratch()
        try scratch.write("dump.sql", Self.dump)
        try scratch.write("dump.sql.orig", "older backup\n")
        #expect(try run(["-q", "--in-place", "--backup", ".orig", "dump.sql"], in: scratch.url).status == 2)
        #expect(try scratch.read("dump.sql.orig") == Data("older backup\n".utf8))
        #expect(try run(["-q", "--in-place", "--backup", ".orig", "--force", "dump.sql"], in: scratch.url).status == 0)
        #expect(try scratch.read("dump.sql.orig") == Data(Self.dump.utf8))
    }

    /// A real vfat file system, where the kernel has one and the loop mount is allowed (root).
    @Test(.enabled(if: VFAT.mountable, "no vfat loop mount on this machine (kernel module or privilege)"))
    func backupOnRealVFAT() throws {
        let mount = try VFAT.mount()
        defer { VFAT.unmount(mount) }
        let directory = URL(fileURLWithPath: mount)
        try Data(Self.dump.utf8).write(to: directory.appendingPathComponent("dump.sql"))
        let result = try Unlockdump.run(["-q", "--in-place", "--backup", ".orig", "dump.sql"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: directory.appendingPathComponent("dump.sql.orig")) == Data(Self.dump.utf8))
    }
}

/// mkfs.vfat (dosfstools) on a file, loop-mounted in a temporary directory.
enum VFAT {
    static let mountable: Bool = {
        guard getuid() == 0, let directory = try? mount() else { return false }
        unmount(directory)
        return true
    }()

    static func mount() throws -> String {
        let scratch = try FileManager.default.url(
            for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: "/tmp"), create: true)
        let image = scratch.appendingPathComponent("vfat.img").path
        let point = scratch.appendingPathComponent("mnt").path
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        let mkfs = try #require(Subprocess.which("mkfs.vfat"), "mkfs.vfat (dosfstools) is needed")
        _ = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/truncate"), ["-s", "8M", image])
        guard try Subprocess.run(mkfs, [image]).status == 0,
              try Subprocess.run(URL(fileURLWithPath: "/bin/mount"), ["-o", "loop", image, point]).status == 0
        else { throw CocoaError(.fileWriteUnknown) }
        return point
    }

    static func unmount(_ point: String) {
        _ = try? Subprocess.run(URL(fileURLWithPath: "/bin/umount"), [point])
    }
}
