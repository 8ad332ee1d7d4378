import Foundation
import Glibc

/// The process's file-mode creation mask, read without changing it (two writers may create files at once, and
/// setting the mask to read it would let one of them create a file under the wrong mask).
public enum ProcessUmask {
    /// From `/proc/self/status`; where that cannot be read, by setting the mask to 077 and putting it back.
    public static var current: mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        let mask = umask(0o077)
        umask(mask)
        return mask
    }
}
