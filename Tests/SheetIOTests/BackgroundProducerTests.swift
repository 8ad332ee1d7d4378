import PackageIO
import Testing

@Suite struct BackgroundProducerTests {
    final class Item {}

    /// Items handed out are held by the reader alone: once it lets go of them and the producer has
    /// finished, none is left alive (the queue keeps no reference that would pin them or make a
    /// reused buffer copy itself).
    @Test func handedOutItemsAreNotRetained() throws {
        var made = 0
        let producer = BackgroundProducer<Item>(depth: 2) {
            made += 1
            return made <= 100 ? Item() : nil
        }
        var handedOut: [Weak] = []
        while let item = try producer.next() { handedOut.append(Weak(item)) }
        #expect(handedOut.count == 100)
        #expect(handedOut.allSatisfy { $0.item == nil })
    }

    struct Weak {
        weak var item: Item?
        init(_ item: Item) { self.item = item }
    }

    @Test func sparePoolKeepsAtMostItsCapacity() {
        let pool = SparePool<[UInt8]>(capacity: 2)
        for size in 1...3 { pool.put([UInt8](repeating: 0, count: size)) }
        #expect(pool.take()?.count == 2)
        #expect(pool.take()?.count == 1)
        #expect(pool.take() == nil)
    }
}
