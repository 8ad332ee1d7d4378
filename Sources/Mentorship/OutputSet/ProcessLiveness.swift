import Glibc

/// Whether a process still runs, for telling a killed run's leftovers from a live run's.
enum ProcessLiveness {
    /// True while `/proc/PID` exists (Linux). Reading `/proc` needs no `errno` after `kill(pid, 0)`, which the
    /// runtime's own calls between the two could change.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return false }
        return access("/proc/\(pid)", F_OK) == 0
    }
}
