import StreamCompression
import UnlockDump

/// The sink of the first pass over a gzip input that is to be spliced: it writes nothing, but
/// tells the splice index each edit and keeps the CRC-32 and length of the patched dump, which
/// the spliced output must decompress to.
struct SpliceRecorder: DumpSink {
    let index: GzipSpliceIndex
    private(set) var checksum = StreamChecksum()
    /// A test of the fallback (`UNLOCKDUMP_TEST_FAULT=splice-drops-edit`): the index misses the
    /// first edit, so the splice cannot verify and the dump must be recompressed.
    private var dropsNextEdit: Bool

    init(index: GzipSpliceIndex) {
        self.index = index
        dropsNextEdit = getenv("UNLOCKDUMP_TEST_FAULT").map { String(cString: $0) } == "splice-drops-edit"
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        checksum.add(bytes)
    }

    mutating func replaced(_ edit: ByteEdit) {
        if dropsNextEdit {
            dropsNextEdit = false
            return
        }
        index.note(SpliceEdit(offset: edit.offset, length: edit.length, replacement: edit.replacement))
    }
}
