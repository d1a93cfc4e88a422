import Testing
import UnlockDump

/// A lock flag written in one literal style, and what releasing it must write.
struct FlagLiteral: Sendable, CustomTestStringConvertible {
    var dialect: Dialect
    var held: String
    var released: String
    /// The literals as the report shows them (control bytes as `\xNN`).
    var reportedOld: String
    var reportedNew: String

    init(_ dialect: Dialect, _ held: String, _ released: String, reported: (String, String)? = nil) {
        self.dialect = dialect
        self.held = held
        self.released = released
        self.reportedOld = reported?.0 ?? held
        self.reportedNew = reported?.1 ?? released
    }

    var testDescription: String { "\(dialect): \(held.debugDescription) -> \(released.debugDescription)" }
}

@Suite("Literal styles of the lock flag")
struct LiteralStyleTests {
    static let heldStyles: [FlagLiteral] = [
        FlagLiteral(.mysql, "1", "0"),
        FlagLiteral(.mysql, "2", "0"),
        FlagLiteral(.mysql, "'1'", "'0'"),
        FlagLiteral(.mysql, "TRUE", "FALSE"),
        FlagLiteral(.mysql, "true", "false"),
        FlagLiteral(.mysql, "b'1'", "b'0'"),
        FlagLiteral(.mysql, "0x01", "0x00"),
        // MariaDB BIT(1): one raw 0x01 byte in quotes; released as the 4 bytes ' \ 0 '.
        FlagLiteral(.mysql, "'\u{01}'", "'\\0'", reported: ("'\\x01'", "'\\0'")),
        FlagLiteral(.mysql, "_binary '\u{01}'", "_binary '\\0'", reported: ("_binary '\\x01'", "_binary '\\0'")),
        FlagLiteral(.mysql, "_binary 0x01", "_binary 0x00"),
        FlagLiteral(.sqlite, "1", "0"),
        FlagLiteral(.sqlite, "2", "0"),
        FlagLiteral(.sqlite, "'1'", "'0'"),
        FlagLiteral(.sqlite, "X'01'", "X'00'"),
    ]

    static let releasedStyles: [(Dialect, String)] = [
        (.mysql, "0"), (.mysql, "'0'"), (.mysql, "NULL"), (.mysql, "FALSE"), (.mysql, "false"),
        (.mysql, "b'0'"), (.mysql, "0x00"), (.mysql, "'\\0'"), (.mysql, "_binary '\\0'"), (.mysql, "_binary 0x00"),
        (.sqlite, "0"), (.sqlite, "'0'"), (.sqlite, "NULL"), (.sqlite, "X'00'"),
    ]

    @Test("a held flag is rewritten in its own style", arguments: heldStyles)
    func heldFlagIsReleased(_ style: FlagLiteral) throws {
        let dump = Fixtures.header(style.dialect) + Fixtures.ghostCreate(style.dialect)
            + Fixtures.ghostRow(style.dialect, flag: "⟦\(style.held)→\(style.released)⟧") + Fixtures.footer(style.dialect)
        let report = try expectPatch(dump, dialect: style.dialect)
        #expect(report.lockRowsSeen == 1)
        #expect(report.heldLocks == [
            held("migrations_lock", key: "lock_key", "'km01'", change("locked", style.reportedOld, style.reportedNew)),
        ])
    }

    @Test("a released flag leaves the row untouched", arguments: releasedStyles)
    func releasedFlagIsUntouched(_ dialect: Dialect, _ flag: String) throws {
        let dump = Fixtures.header(dialect) + Fixtures.ghostCreate(dialect)
            + Fixtures.ghostRow(dialect, flag: flag) + Fixtures.footer(dialect)
        let report = try expectPatch(dump, dialect: dialect)
        #expect(report.lockRowsSeen == 1)
    }

    @Test("the raw-byte release is exactly quote, backslash, zero, quote")
    func rawBitReleaseBytes() throws {
        let input = bytes("INSERT INTO `migrations_lock` VALUES ('km01','") + [0x01] + bytes("',NULL,NULL);\n")
        let result = try patchEveryWay(input, dialect: .mysql)
        expectSameBytes(result.output, bytes("INSERT INTO `migrations_lock` VALUES ('km01','\\0',NULL,NULL);\n"))
        #expect(result.report.bytesWritten == input.count + 1)
    }

    @Test("check mode reports the held flag and writes nothing", arguments: [Dialect.mysql, .sqlite])
    func checkModeWritesNothing(_ dialect: Dialect) throws {
        let template = Template(Fixtures.ghostDump(dialect, middle: ""))
        let checked = try patchEveryWay(template.input, dialect: dialect, mode: .check)
        #expect(checked.output.isEmpty)
        #expect(checked.report.bytesWritten == 0)
        #expect(checked.report.bytesRead == template.input.count)
        #expect(checked.report.heldLocks.map(\.displayedKey) == ["'real'"])
        let released = try patch(template.input, dialect: dialect)
        #expect(released.report.heldLocks == checked.report.heldLocks)
    }
}
