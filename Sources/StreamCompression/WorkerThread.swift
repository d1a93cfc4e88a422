#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own, for work that runs beside the caller's on the second core. Joined
/// exactly once: by `join`, or at the latest when it is released.
final class WorkerThread {
    private var thread: pthread_t?
    private var joined = false

    init(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { box in
            let body = Unmanaged<Body>.fromOpaque(box!).takeRetainedValue()
            body.run()
            return nil
        }, box)
        precondition(status == 0, "pthread_create failed: \(status)")
        self.thread = thread
    }

    deinit {
        join()
    }

    func join() {
        guard !joined, let thread else { return }
        joined = true
        pthread_join(thread, nil)
    }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}

/// A count that one thread raises and another waits on (bytes written so far, for a reader that
/// follows the writer), and a flag that no more is coming.
final class PublishedCount: @unchecked Sendable {
    // Guarded by `mutex`; waited on with `condition`.
    private var count = 0
    private var closed = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    func publish(_ newCount: Int) {
        locked { count = newCount }
        pthread_cond_signal(condition)
    }

    func close() {
        locked { closed = true }
        pthread_cond_signal(condition)
    }

    /// Waits until the count is past `seen` or it is closed; returns the count and whether it is.
    func wait(beyond seen: Int) -> (count: Int, closed: Bool) {
        locked {
            while count <= seen && !closed { pthread_cond_wait(condition, mutex) }
            return (count, closed)
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
