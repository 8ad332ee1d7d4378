/// Fills chunks on a second thread, a few ahead of the reader, so that producing them (inflating a
/// zip entry) and parsing them run on two cores at once.
///
/// Buffers circulate between the two threads under one lock; memory is `depth × chunkSize`.
public final class ChunkPrefetcher {
    /// Fills a buffer; returns how many bytes it wrote (0 at the end).
    public typealias Producer = (UnsafeMutableRawBufferPointer) throws -> Int

    private let produceChunk: Producer
    private let buffers: [UnsafeMutableRawBufferPointer]
    private let monitor = WorkerMonitor()
    private var filled: [(index: Int, count: Int)] = []
    private var free: [Int]
    private var finished = false
    private var failure: (any Error)?
    private var current: Int?

    /// Starts producing in the background.
    public init(chunkSize: Int = 256 * 1024, depth: Int = 4, produce: @escaping Producer) {
        produceChunk = produce
        buffers = (0..<depth).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16) }
        free = Array(0..<depth)
        // The thread holds the object until its loop ends; deinit stops and joins it.
        if !monitor.start({ [unowned(unsafe) self] in self.run() }) {
            finished = true
            failure = PackageError(.corrupt, file: "", message: "cannot start a reading thread")
        }
    }

    deinit {
        monitor.stop()
        for buffer in buffers { buffer.deallocate() }
    }

    /// The next chunk, valid until the following call; nil at the end.
    public func nextChunk() throws -> UnsafeRawBufferPointer? {
        try monitor.locked {
            if let current {
                free.append(current)
                self.current = nil
                monitor.broadcast()
            }
            while filled.isEmpty && !finished { monitor.wait() }
            if !filled.isEmpty {
                let (index, count) = filled.removeFirst()
                current = index
                return UnsafeRawBufferPointer(rebasing: buffers[index][0..<count])
            }
            if let failure { throw failure }
            return nil
        }
    }

    /// The producer loop: fill a free buffer, hand it over, repeat.
    private func run() {
        while true {
            let claimed = monitor.locked { () -> Int? in
                while free.isEmpty && !monitor.cancelled { monitor.wait() }
                return monitor.cancelled ? nil : free.removeFirst()
            }
            guard let index = claimed else { return }

            var count = 0
            var error: (any Error)?
            do { count = try produceChunk(buffers[index]) } catch let thrown { error = thrown }

            let done = monitor.locked { () -> Bool in
                if let error {
                    failure = error
                    finished = true
                } else if count == 0 {
                    free.append(index)
                    finished = true
                } else {
                    filled.append((index, count))
                }
                monitor.broadcast()
                return finished
            }
            if done { return }
        }
    }
}

/// A zip entry inflated on a second thread (see ``ChunkPrefetcher``).
public final class PrefetchingStream {
    private let prefetcher: ChunkPrefetcher

    public init(_ source: ZipEntryStream, chunkSize: Int = 256 * 1024, depth: Int = 4) {
        prefetcher = ChunkPrefetcher(chunkSize: chunkSize, depth: depth) { buffer in try source.read(into: buffer) }
    }

    /// The next inflated chunk, valid until the following call; nil at the end of the entry.
    public func nextChunk() throws(PackageError) -> UnsafeRawBufferPointer? {
        do {
            return try prefetcher.nextChunk()
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError(.corrupt, file: "", message: "\(error)")
        }
    }
}
