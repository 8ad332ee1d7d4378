/// One piece of work run on a second thread while the caller goes on (two writers on two cores);
/// ``value()`` waits for it and returns its result or rethrows its error.
///
/// The work must not share mutable state with the caller. Releasing the task waits for the work to end, so a
/// caller that gives up on it never leaves it running (it may still be writing into a folder about to be removed).
public final class BackgroundTask<Value> {
    private let monitor = WorkerMonitor()
    private var outcome: Result<Value, any Error>?

    /// Starts `work` on its own thread (on the caller's, at once, when no thread can be made).
    public init(_ work: @escaping () throws -> Value) {
        let started = monitor.start { [unowned(unsafe) self] in
            let result = Result { try work() }
            self.monitor.locked {
                self.outcome = result
                self.monitor.broadcast()
            }
        }
        if !started { outcome = Result { try work() } }
    }

    deinit { monitor.stop() }

    /// Waits for the work to end; its value, or the error it threw.
    public func value() throws -> Value {
        let result = monitor.locked { () -> Result<Value, any Error> in
            while outcome == nil { monitor.wait() }
            return outcome!
        }
        return try result.get()
    }
}
