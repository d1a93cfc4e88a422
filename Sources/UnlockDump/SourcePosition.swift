/// Where a byte sits in the input, for error messages a person can act on.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    /// Zero-based offset from the start of the input.
    public var byte: Int
    /// One-based line number (lines end with LF).
    public var line: Int
    /// One-based column, counted in bytes from the start of the line.
    public var column: Int

    public init(byte: Int, line: Int, column: Int) {
        self.byte = byte
        self.line = line
        self.column = column
    }

    /// `line L, column C (byte B)`.
    public var description: String { "line \(line), column \(column) (byte \(byte))" }
}
