import ArgumentParser
import Foundation
import Mentorship

/// What `build` and `consolidate` share: an input folder that must exist, an as-of date, an output folder.
enum FolderJob {
    /// Checks the input folder and reads `--as-of` (today when absent); exit 2 when either fails.
    /// The output folder is made by the job (``OutputSet``), all or nothing.
    static func prepare(input: String, asOf: String?) throws -> CalendarDate {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            Terminal.error("\(input): нет такой папки; укажите папку с таблицами")
            throw ExitStatus.cannotRun
        }
        guard isDirectory.boolValue else {
            Terminal.error("\(input): это файл, а нужна папка; положите таблицы в папку и укажите её")
            throw ExitStatus.cannotRun
        }
        guard let asOf else { return today() }
        return try DateArgument.read(asOf)
    }

    /// Runs a job that writes an output set; any failure is said in plain words and is exit 2 (OUT left as it was).
    static func running<T>(_ job: () throws -> T) throws -> T {
        do {
            return try job()
        } catch let error as CustomStringConvertible & Error {
            Terminal.error(error.description)
            throw ExitStatus.cannotRun
        } catch {
            Terminal.error("\(error)")
            throw ExitStatus.cannotRun
        }
    }

    static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
