#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex and the conditions threads wait on under it. The Synchronization module's
/// Mutex has no condition variable, and a worker with nothing to do must sleep, not spin.
/// pthread objects must not move, so they live in allocated memory.
final class ThreadLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Sleeps until `condition` is signalled, the lock released meanwhile; call it holding the
    /// lock, in a loop over what is waited for (wake-ups may be spurious).
    func wait(for condition: Condition) {
        pthread_cond_wait(condition.cond, mutex)
    }

    final class Condition: @unchecked Sendable {
        fileprivate let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

        init() {
            precondition(pthread_cond_init(cond, nil) == 0, "pthread_cond_init failed")
        }

        deinit {
            pthread_cond_destroy(cond)
            cond.deallocate()
        }

        func signal() { pthread_cond_signal(cond) }
        func broadcast() { pthread_cond_broadcast(cond) }
    }
}
