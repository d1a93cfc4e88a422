#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The threads that compress the parallel encoder's blocks, each with a deflater of its
/// own, and the queue of blocks waiting for one. Blocks are taken in the order they came, but
/// may finish out of order; the encoder waits for each in turn. With no thread (asked for, or
/// none could be started) a block is compressed on the caller's thread as it is submitted.
final class CompressionWorkers: @unchecked Sendable {
    private let level: Int32
    private let lock = ThreadLock()
    private let workWaiting = ThreadLock.Condition()
    private let jobDone = ThreadLock.Condition()
    private var queue: [BlockJob] = []
    private var stopping = false
    private var threads: [WorkerThread] = []
    private lazy var inlineDeflater = RawDeflater(level: level)

    init(count: Int, level: Int32) {
        self.level = level
        for _ in 0..<count {
            guard let thread = WorkerThread({ [self] in work() }) else { break }
            threads.append(thread)
        }
    }

    /// Threads started and not yet joined: 0 once `stop` has returned. `threads` is the
    /// caller's alone; the workers never look at it.
    var runningThreads: Int { threads.count }

    func submit(_ job: BlockJob) {
        guard !threads.isEmpty else {
            job.compress(with: inlineDeflater)
            lock.withLock { job.isDone = true }
            return
        }
        lock.withLock {
            job.isDone = false
            queue.append(job)
        }
        workWaiting.signal()
    }

    func isDone(_ job: BlockJob) -> Bool {
        lock.withLock { job.isDone }
    }

    func waitUntilDone(_ job: BlockJob) {
        lock.withLock {
            while !job.isDone { lock.wait(for: jobDone) }
        }
    }

    /// Drops the blocks still queued and returns once every thread has ended; a block being
    /// compressed is finished first, which takes milliseconds. Safe to call again.
    func stop() {
        lock.withLock {
            stopping = true
            queue.removeAll()
        }
        workWaiting.broadcast()
        for thread in threads { thread.join() }
        threads.removeAll()
    }

    private func work() {
        let deflater = RawDeflater(level: level)
        while let job = nextJob() {
            job.compress(with: deflater)
            lock.withLock { job.isDone = true }
            jobDone.signal()
        }
    }

    private func nextJob() -> BlockJob? {
        lock.withLock {
            while queue.isEmpty && !stopping { lock.wait(for: workWaiting) }
            return stopping ? nil : queue.removeFirst()
        }
    }
}
