import Foundation
import PackageIO

/// Counts the steps of the shared index, comparison and per-unit loops, so that a test can check that
/// a build's cost grows linearly with its inbox (`ComplexityGuardTests`) without timing anything.
///
/// Counting is on only inside ``OperationCounter/measure(_:)``; a build outside it reads one task-local
/// value per stage and counts nothing.
public final class OperationCounter: @unchecked Sendable {
    /// The kinds of step counted.
    public enum Step: String, CaseIterable, Sendable {
        /// A roster person examined while resolving a name (``PersonIndex``).
        case personCandidate
        /// A folded-text comparison (partner and organisation matching).
        case foldedComparison
        /// A comparison made while sorting people or issues.
        case sortComparison
        /// A diagnostic result visited while tabulating it per person, unit or period.
        case diagnosticVisit
        /// A unit member visited while working out who is expected at a diagnostic.
        case memberVisit
        /// A cell visited while copying a merged range's value over its cells (``MergedCells``).
        case mergeFillCell
        /// A cell of a sheet's row as the reader hands it out, padding included, before ``TableArea`` cuts it.
        case sheetCellRead
        /// A cell kept of a sheet's rows, after they are cut to the table's width (``TableArea``).
        case sheetCellKept
    }

    @TaskLocal static var current: OperationCounter?

    private var counts: [Int]

    init() { counts = Array(repeating: 0, count: Step.allCases.count) }

    /// Guards `counts`: outputs are written on two threads at once.
    private let lock = NSLock()

    func add(_ step: Step, _ count: Int = 1) {
        lock.lock()
        counts[Step.allCases.firstIndex(of: step)!] &+= count
        lock.unlock()
    }

    /// The count of each step.
    public var totals: [Step: Int] {
        lock.lock()
        defer { lock.unlock() }
        return Dictionary(uniqueKeysWithValues: Step.allCases.enumerated().map { ($1, counts[$0]) })
    }

    /// `work` on a thread of its own, counting into the caller's counter (a task-local value does not follow a new thread).
    static func background<T>(_ work: @escaping () throws -> T) -> BackgroundTask<T> {
        let counter = current
        return BackgroundTask { try $current.withValue(counter) { try work() } }
    }

    /// Runs `body` with counting on, and returns what it counted.
    public static func measure(_ body: () throws -> Void) rethrows -> [Step: Int] {
        let counter = OperationCounter()
        try $current.withValue(counter) { try body() }
        return counter.totals
    }
}
