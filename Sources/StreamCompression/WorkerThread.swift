#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own, for work that runs beside the caller's on another core. Joined exactly
/// once: by `join`, or at the latest when it is released.
final class WorkerThread {
    private let thread: pthread_t
    private var joined = false

    /// `nil` when the system cannot start one more thread; the caller does the work itself.
    init?(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Body(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { box in
            let body = Unmanaged<Body>.fromOpaque(box!).takeRetainedValue()
            body.run()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            return nil
        }
        self.thread = thread
    }

    deinit {
        join()
    }

    func join() {
        guard !joined else { return }
        joined = true
        pthread_join(thread, nil)
    }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}

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
