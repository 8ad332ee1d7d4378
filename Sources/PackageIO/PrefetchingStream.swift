import Glibc

/// Inflates a zip entry on a second thread, a few chunks ahead of the reader, so that
/// decompression and parsing run on two cores at once.
///
/// Buffers circulate between the two threads under one mutex; memory is `depth × chunkSize`.
public final class PrefetchingStream {
    private let source: ZipEntryStream
    private let chunkSize: Int
    private var buffers: [UnsafeMutableRawBufferPointer]
    private var filled: [(index: Int, count: Int)] = []
    private var free: [Int]
    private var finished = false
    private var failure: PackageError?
    private var cancelled = false
    private var current: Int?
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?

    /// Starts inflating `source` in the background.
    public init(_ source: ZipEntryStream, chunkSize: Int = 256 * 1024, depth: Int = 4) {
        self.source = source
        self.chunkSize = chunkSize
        buffers = (0..<depth).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16) }
        free = Array(0..<depth)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        if pthread_create(&handle, nil, { context in
            let stream = Unmanaged<PrefetchingStream>.fromOpaque(context!).takeRetainedValue()
            stream.produce()
            return nil
        }, context) == 0 {
            thread = handle
        } else {
            Unmanaged<PrefetchingStream>.fromOpaque(context).release()
            finished = true
            failure = PackageError(.corrupt, file: "", message: "cannot start the inflating thread")
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

    /// The next inflated chunk, valid until the following call; nil at the end of the entry.
    public func nextChunk() throws(PackageError) -> UnsafeRawBufferPointer? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let current {
            free.append(current)
            self.current = nil
            pthread_cond_broadcast(&changed)
        }
        while filled.isEmpty && !finished { pthread_cond_wait(&changed, &mutex) }
        if !filled.isEmpty {
            let (index, count) = filled.removeFirst()
            current = index
            return UnsafeRawBufferPointer(rebasing: buffers[index][0..<count])
        }
        if let failure { throw failure }
        return nil
    }

    /// The producer loop: inflate into a free buffer, hand it over, repeat.
    private func produce() {
        while true {
            pthread_mutex_lock(&mutex)
            while free.isEmpty && !cancelled { pthread_cond_wait(&changed, &mutex) }
            if cancelled { pthread_mutex_unlock(&mutex); return }
            let index = free.removeFirst()
            pthread_mutex_unlock(&mutex)

            var count = 0
            var error: PackageError?
            do { count = try source.read(into: buffers[index]) } catch let thrown { error = thrown }

            pthread_mutex_lock(&mutex)
            if let error {
                failure = error
                finished = true
            } else if count == 0 {
                free.append(index)
                finished = true
            } else {
                filled.append((index, count))
            }
            pthread_cond_broadcast(&changed)
            let done = finished
            pthread_mutex_unlock(&mutex)
            if done { return }
        }
    }
}
