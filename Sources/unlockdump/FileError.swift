
/// A failed system call, named for the file the user knows (never a temporary path), so the
/// message reads like any Unix tool's: "name: reason".
struct FileError: Error, CustomStringConvertible {
    let name: String
    let code: Int32

    var description: String { "\(name): \(String(cString: strerror(code)))" }
}
