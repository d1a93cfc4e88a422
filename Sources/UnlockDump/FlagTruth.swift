/// Whether a lock flag is held, and how to release it: the one three-way answer every reading of
/// a flag gives, whatever the release carries (a quoted value's released content, the row's
/// bytes to replace, a whole row's edits and report).
enum FlagTruth<Release> {
    case notHeld
    case held(Release)
    /// Not a literal whose truth can be told (an expression, a word): never guess.
    case unrecognized

    /// The same answer, the release carried another way.
    func map<Other>(_ transform: (Release) -> Other) -> FlagTruth<Other> {
        switch self {
        case .notHeld: .notHeld
        case .unrecognized: .unrecognized
        case .held(let release): .held(transform(release))
        }
    }
}
