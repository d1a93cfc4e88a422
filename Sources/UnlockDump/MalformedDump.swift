/// The input is not a dump the engine can patch safely: it stops rather than guess.
public struct MalformedDump: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem was found (for an unterminated construct: where it opened).
    public var position: SourcePosition
    /// What was wrong or expected, e.g. "unterminated string literal (expected ')".
    public var message: String

    public init(at position: SourcePosition, _ message: String) {
        self.position = position
        self.message = message
    }

    /// `line L, column C (byte B): message`.
    public var description: String { "\(position): \(message)" }
}
