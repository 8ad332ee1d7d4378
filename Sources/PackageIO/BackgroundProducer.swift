import Glibc

/// Runs a producer on a second thread and hands its items over through a bounded queue, so that
/// producing (reading, checking, splitting) and consuming run on two cores at once.
public final class BackgroundProducer<Item> {
    private let produce: () throws -> Item?
    private let depth: Int
    private var queue: [Item] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?

    /// Starts `produce` in the background; it is called until it returns nil or throws.
    public init(depth: Int = 4, produce: @escaping () throws -> Item?) {
        self.produce = produce
        self.depth = depth
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        // The thread holds the object until its loop ends; deinit stops and joins it.
        if let handle = startThread({ [unowned(unsafe) self] in self.run() }) {
            thread = handle
        } else {
            finished = true
            failure = PackageError(.corrupt, file: "", message: "cannot start a reading thread")
        }
    }

    deinit {
        pthread_mutex_lock(&mutex)
        cancelled = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        if let thread { pthread_join(thread, nil) }
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// The next item; nil when the producer is done. Rethrows what the producer threw.
    public func next() throws -> Item? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while head >= queue.count && !finished { pthread_cond_wait(&changed, &mutex) }
        if head < queue.count {
            let item = queue[head]
            head += 1
            if head > 64 { queue.removeFirst(head); head = 0 }
            pthread_cond_broadcast(&changed)
            return item
        }
        if let failure { throw failure }
        return nil
    }

    private func run() {
        while true {
            pthread_mutex_lock(&mutex)
            while queue.count - head >= depth && !cancelled { pthread_cond_wait(&changed, &mutex) }
            let stop = cancelled
            pthread_mutex_unlock(&mutex)
            if stop { return }

            var item: Item?
            var error: (any Error)?
            do { item = try produce() } catch let thrown { error = thrown }

            pthread_mutex_lock(&mutex)
            if let item { queue.append(item) } else { finished = true; failure = error }
            pthread_cond_broadcast(&changed)
            let done = finished
            pthread_mutex_unlock(&mutex)
            if done { return }
        }
    }
}
