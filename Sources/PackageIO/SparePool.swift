/// Items a consumer hands back for a producer on another thread to reuse, so that buffers keep
/// their storage instead of being freed and allocated again for every chunk.
public final class SparePool<Item> {
    private let monitor = WorkerMonitor()
    private let capacity: Int
    private var items: [Item] = []

    /// Keeps at most `capacity` items; more are dropped.
    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Hands an item back; the caller must hold no other reference to its storage.
    public func put(_ item: Item) {
        monitor.locked { if items.count < capacity { items.append(item) } }
    }

    /// An item handed back earlier, if any.
    public func take() -> Item? {
        monitor.locked { items.popLast() }
    }
}
