import Glibc
import Mentorship

/// A progress line on stderr for a run longer than a couple of seconds, only when stderr is a terminal:
/// files read, rows, the stage. It rewrites itself in place and is wiped when the run ends.
final class ProgressLine {
    private let enabled = isatty(2) == 1
    private let start = ProgressLine.now()
    private var lastShown = 0.0
    private var shown = false
    /// Seconds before the first line appears.
    static let delay = 2.0

    func report(_ progress: BuildProgress) {
        guard enabled else { return }
        let now = Self.now()
        guard now - start >= Self.delay, now - lastShown >= 0.2 else { return }
        lastShown = now
        shown = true
        FileHandleOutput.standardError.write("\r\u{1B}[K" + progress.russian)
    }

    /// Wipes the line, so that the summary starts on a clean one.
    func finish() {
        guard shown else { return }
        FileHandleOutput.standardError.write("\r\u{1B}[K")
        shown = false
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
