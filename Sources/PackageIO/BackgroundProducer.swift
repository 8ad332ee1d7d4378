/// Runs a producer on a second thread and hands its items over through a bounded queue, so that
/// producing (reading, checking, splitting) and consuming run on two cores at once.
public final class BackgroundProducer<Item> {
    private let produce: () throws -> Item?
    private let depth: Int
    private let monitor = WorkerMonitor()
    /// Produced items; a slot is emptied as its item is handed out, so that the reader holds the
    /// only reference.
    private var queue: [Item?] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?

    /// Starts `produce` in the background; it is called until it returns nil or throws.
    public init(depth: Int = 4, produce: @escaping () throws -> Item?) {
        self.produce = produce
        self.depth = depth
        // The thread holds the object until its loop ends; deinit stops and joins it.
        if !monitor.start({ [unowned(unsafe) self] in self.run() }) {
            finished = true
            failure = PackageError(.corrupt, file: "", message: "cannot start a reading thread")
        }
    }

    deinit { monitor.stop() }

    /// The next item; nil when the producer is done. Rethrows what the producer threw.
    public func next() throws -> Item? {
        try monitor.locked {
            while head >= queue.count && !finished { monitor.wait() }
            if head < queue.count {
                let item = queue[head].take()!
                head += 1
                if head > 64 { queue.removeFirst(head); head = 0 }
                monitor.broadcast()
                return item
            }
            if let failure { throw failure }
            return nil
        }
    }

    private func run() {
        while true {
            let stop = monitor.locked { () -> Bool in
                while queue.count - head >= depth && !monitor.cancelled { monitor.wait() }
                return monitor.cancelled
            }
            if stop { return }

            var item: Item?
            var error: (any Error)?
            do { item = try produce() } catch let thrown { error = thrown }

            let done = monitor.locked { () -> Bool in
                if let item { queue.append(item) } else { finished = true; failure = error }
                monitor.broadcast()
                return finished
            }
            if done { return }
        }
    }
}
