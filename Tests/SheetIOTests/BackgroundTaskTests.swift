import Foundation
import Glibc
import PackageIO
import Testing

/// A piece of work on a second thread: its value or error comes back, it runs beside the caller, and a task
/// given up on is waited for before it goes (so it never writes into a folder that is being removed).
@Suite struct BackgroundTaskTests {
    struct Failed: Error, Equatable { var code: Int }

    @Test func theValueAndTheErrorComeBack() throws {
        #expect(try BackgroundTask { 6 * 7 }.value() == 42)
        #expect(throws: Failed(code: 3)) { try BackgroundTask { () throws -> Int in throw Failed(code: 3) }.value() }
    }

    @Test func theWorkRunsOnAnotherThreadBesideTheCaller() throws {
        final class Flags: @unchecked Sendable {
            var callerWent = false
            var workSawCallerGo = false
        }
        let flags = Flags()
        let lock = NSCondition()
        let task = BackgroundTask { () -> pthread_t in
            lock.lock()
            // Returns only once the caller has gone on (a bounded wait, so that work run in the caller fails, not hangs).
            let deadline = Date(timeIntervalSinceNow: 10)
            while !flags.callerWent, lock.wait(until: deadline) {}
            flags.workSawCallerGo = true
            lock.unlock()
            return pthread_self()
        }
        lock.lock()
        flags.callerWent = true
        lock.broadcast()
        lock.unlock()
        let worker = try task.value()
        #expect(flags.workSawCallerGo)
        #expect(pthread_equal(worker, pthread_self()) == 0)
    }

    @Test func aTaskGivenUpOnIsWaitedForBeforeItGoes() {
        final class Done: @unchecked Sendable { var value = false }
        let done = Done()
        do {
            _ = BackgroundTask { () -> Int in
                usleep(100_000)
                done.value = true
                return 0
            }
        }
        #expect(done.value)
    }
}
