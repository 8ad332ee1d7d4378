import Glibc

/// Fills chunks on a second thread, a few ahead of the reader, so that producing them (inflating,
/// reading and checking a file) and parsing them run on two cores at once.
///
/// Buffers circulate between the two threads under one mutex; memory is `depth × chunkSize`.
/// The producer may attach a mark to a chunk (an offset it wants the reader to know about).
public final class ChunkPrefetcher {
    /// Fills a buffer; returns how many bytes it wrote (0 at the end) and an optional mark.
    public typealias Producer = (UnsafeMutableRawBufferPointer) throws -> (count: Int, mark: Int?)

    private let produceChunk: Producer
    private var buffers: [UnsafeMutableRawBufferPointer]
    private var filled: [(index: Int, count: Int, mark: Int?)] = []
    private var free: [Int]
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var current: Int?
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?

    /// Starts producing in the background.
    public init(chunkSize: Int = 256 * 1024, depth: Int = 4, produce: @escaping Producer) {
        produceChunk = produce
        buffers = (0..<depth).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16) }
        free = Array(0..<depth)
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
        for buffer in buffers { buffer.deallocate() }
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// The next chunk and its mark, valid until the following call; nil at the end.
    public func nextChunk() throws -> (bytes: UnsafeRawBufferPointer, mark: Int?)? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let current {
            free.append(current)
            self.current = nil
            pthread_cond_broadcast(&changed)
        }
        while filled.isEmpty && !finished { pthread_cond_wait(&changed, &mutex) }
        if !filled.isEmpty {
            let (index, count, mark) = filled.removeFirst()
            current = index
            return (UnsafeRawBufferPointer(rebasing: buffers[index][0..<count]), mark)
        }
        if let failure { throw failure }
        return nil
    }

    /// The producer loop: fill a free buffer, hand it over, repeat.
    func run() {
        while true {
            pthread_mutex_lock(&mutex)
            while free.isEmpty && !cancelled { pthread_cond_wait(&changed, &mutex) }
            if cancelled { pthread_mutex_unlock(&mutex); return }
            let index = free.removeFirst()
            pthread_mutex_unlock(&mutex)

            var result: (count: Int, mark: Int?) = (0, nil)
            var error: (any Error)?
            do { result = try produceChunk(buffers[index]) } catch let thrown { error = thrown }

            pthread_mutex_lock(&mutex)
            if let error {
                failure = error
                finished = true
            } else if result.count == 0 {
                free.append(index)
                finished = true
            } else {
                filled.append((index, result.count, result.mark))
            }
            pthread_cond_broadcast(&changed)
            let done = finished
            pthread_mutex_unlock(&mutex)
            if done { return }
        }
    }
}

/// A zip entry inflated on a second thread (see ``ChunkPrefetcher``).
public final class PrefetchingStream {
    private let prefetcher: ChunkPrefetcher

    public init(_ source: ZipEntryStream, chunkSize: Int = 256 * 1024, depth: Int = 4) {
        prefetcher = ChunkPrefetcher(chunkSize: chunkSize, depth: depth) { buffer in
            (try source.read(into: buffer), nil)
        }
    }

    /// The next inflated chunk, valid until the following call; nil at the end of the entry.
    public func nextChunk() throws(PackageError) -> UnsafeRawBufferPointer? {
        do {
            return try prefetcher.nextChunk()?.bytes
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError(.corrupt, file: "", message: "\(error)")
        }
    }
}
