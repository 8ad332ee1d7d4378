import Glibc

/// The mutex, condition variable and worker thread that a producer and its reader share.
///
/// `cancelled` is guarded by the mutex; ``stop()`` sets it, wakes every waiter and joins the thread.
final class WorkerMonitor {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var thread: pthread_t?
    /// Set by ``stop()``; read under the lock.
    private(set) var cancelled = false

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Starts the worker; false when no thread could be made.
    func start(_ body: @escaping () -> Void) -> Bool {
        thread = startThread(body)
        return thread != nil
    }

    /// Runs `body` holding the lock.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// Waits for a change; call with the lock held (inside ``locked(_:)``).
    func wait() { pthread_cond_wait(&condition, &mutex) }

    /// Wakes every waiter; call with the lock held.
    func broadcast() { pthread_cond_broadcast(&condition) }

    /// Cancels the worker, wakes it and waits for it to end.
    func stop() {
        locked {
            cancelled = true
            broadcast()
        }
        if let thread {
            // The last reference may be dropped on the worker itself (a temporary retain inside its loop): a thread
            // cannot join itself, so it is detached and ends on its own.
            if pthread_equal(thread, pthread_self()) != 0 { pthread_detach(thread) } else { pthread_join(thread, nil) }
        }
        thread = nil
    }
}
