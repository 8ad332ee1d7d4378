import Glibc

/// Starts `body` on a new POSIX thread; nil when no thread could be made.
func startThread(_ body: @escaping () -> Void) -> pthread_t? {
    final class Start {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
    let context = Unmanaged.passRetained(Start(body)).toOpaque()
    var handle = pthread_t()
    let status = pthread_create(&handle, nil, { context in
        let start = Unmanaged<AnyObject>.fromOpaque(context!).takeRetainedValue() as! Start
        start.body()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<AnyObject>.fromOpaque(context).release()
        return nil
    }
    return handle
}
