/// A count that one thread raises and another waits on (bytes written so far, for a reader that
/// follows the writer), and a flag that no more is coming, or that no more is wanted.
final class PublishedCount: @unchecked Sendable {
    private let lock = ThreadLock()
    private let changed = ThreadLock.Condition()
    // Guarded by `lock`.
    private var count = 0
    private var closed = false
    private var cancelled = false

    func publish(_ newCount: Int) {
        lock.withLock { count = newCount }
        changed.signal()
    }

    func close() {
        lock.withLock { closed = true }
        changed.signal()
    }

    /// The reader is to stop where it is.
    func cancel() {
        lock.withLock { closed = true; cancelled = true }
        changed.signal()
    }

    /// Waits until the count is past `seen` or it is closed; returns the count, whether it is
    /// closed, and whether the reader is to stop.
    func wait(beyond seen: Int) -> (count: Int, closed: Bool, cancelled: Bool) {
        lock.withLock {
            while count <= seen && !closed { lock.wait(for: changed) }
            return (count, closed, cancelled)
        }
    }
}
