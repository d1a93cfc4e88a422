// The C library, whichever this platform has: the only place the command line names it. Linux
// with glibc is built and tested here; musl and Darwin are expected to work but are untested.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// The system calls whose names types of this module also use (`open`, `close`, `read`, ...),
/// so they are called as `System.open` without naming the C library's module.
enum System {
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { cOpen(path, flags, mode) }
    @discardableResult static func close(_ descriptor: Int32) -> Int32 { cClose(descriptor) }
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { cRead(descriptor, buffer, count) }
    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { cWrite(descriptor, buffer, count) }
    static func link(_ existing: String, _ new: String) -> Int32 { cLink(existing, new) }
}

// At file scope these names are the C library's own.
private func cOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func cClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func cRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(descriptor, buffer, count) }
private func cWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(descriptor, buffer, count) }
private func cLink(_ existing: String, _ new: String) -> Int32 { link(existing, new) }

extension sigaction {
    /// The plain handler, a field each C library names its own way.
    var plainHandler: (@convention(c) (Int32) -> Void)? {
        get {
            #if canImport(Glibc)
            __sigaction_handler.sa_handler
            #elseif canImport(Musl)
            __sa_handler.sa_handler
            #else
            __sigaction_u.__sa_handler
            #endif
        }
        set {
            #if canImport(Glibc)
            __sigaction_handler.sa_handler = newValue
            #elseif canImport(Musl)
            __sa_handler.sa_handler = newValue
            #else
            __sigaction_u.__sa_handler = newValue
            #endif
        }
    }
}
