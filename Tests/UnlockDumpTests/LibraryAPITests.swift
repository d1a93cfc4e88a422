import Foundation
import Testing
import UnlockDump

// The library as another package uses it: the whole-buffer entry point against the streaming one.
@Suite("The library's whole-buffer entry point")
struct LibraryAPITests {
    private static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/ghost-mariadb.sql")

    @Test("DumpPatcher.patch gives what feeding chunks gives")
    func wholeBufferMatchesStreaming() throws {
        let dump = [UInt8](try Data(contentsOf: Self.sample))
        let whole = try DumpPatcher.patch(dump)
        let streamed = try patch(dump, chunking: .random(seed: 7))
        #expect(whole.output == streamed.output)
        #expect(whole.report.heldLocks == streamed.report.heldLocks)
        #expect(whole.report.heldLocks.count == 3)
        #expect(whole.report.bytesRead == dump.count)
        #expect(whole.output != dump)
    }

    @Test("the getting-started article's first example does what it says")
    func gettingStartedExample() throws {
        let dump = Array("INSERT INTO migrations_lock VALUES ('km01',1,NULL,NULL);\n".utf8)
        let (output, report) = try DumpPatcher.patch(dump)
        #expect(output == Array("INSERT INTO migrations_lock VALUES ('km01',0,NULL,NULL);\n".utf8))
        #expect(report.heldLocks.first?.table == "migrations_lock")
    }

    @Test("DumpPatcher.patch throws the streaming path's error")
    func wholeBufferThrows() {
        #expect(throws: MalformedDump.self) { try DumpPatcher.patch(Array("INSERT INTO t VALUES ('open".utf8)) }
    }

    @Test("CollectingSink keeps every byte written, in order")
    func collectingSink() throws {
        var sink = CollectingSink()
        try [UInt8]([1, 2]).withUnsafeBytes { try sink.write($0) }
        try [UInt8]([3]).withUnsafeBytes { try sink.write($0) }
        #expect(sink.bytes == [1, 2, 3])
    }
}
