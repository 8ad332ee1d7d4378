import ArgumentParser
import Foundation
import Mentorship

/// What `build` and `consolidate` share: an input folder that must exist, an as-of date, an output folder.
enum FolderJob {
    /// Checks the input folder, reads `--as-of` (today when absent) and creates the output folder;
    /// exit 2 when any of that fails.
    static func prepare(input: String, output: String, asOf: String?) throws -> CalendarDate {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
            Terminal.error("\(input): no such folder")
            throw ExitStatus.cannotRun
        }
        let date: CalendarDate
        if let asOf {
            guard let parsed = CalendarDate(iso: asOf) else { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
            date = parsed
        } else {
            date = today()
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Terminal.error("\(output): cannot create the output folder (\(error.localizedDescription))")
            throw ExitStatus.cannotRun
        }
        return date
    }

    static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
