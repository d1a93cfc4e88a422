/// A command line that cannot be run as given. Kept apart from I/O failures because it earns its
/// own exit status and the pointer to `--help`.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
