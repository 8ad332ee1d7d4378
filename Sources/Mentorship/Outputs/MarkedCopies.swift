import Foundation
import SheetIO

/// `OUT/исправить/`: a copy of every input spreadsheet that has an error or a warning, each remarked cell
/// highlighted (red for errors, amber for warnings) with a comment giving the message and the fix.
///
/// An XLSX input is marked in place (only the parts the marks need are rewritten); a CSV, `.xls`, `.ods` or HTML
/// input gets an `.xlsx` copy of its values. Only inputs that were read are copied (never a refused, hostile one);
/// the inputs themselves are never touched. Each copy carries ``XLSXCellMarks/ownerProperty``, so a copy put back
/// into the inbox is skipped (`OWN_OUTPUT_SKIPPED`).
public enum MarkedCopies {
    public static let folder = "исправить"
    static let ownerTag = "nastavnik: копия с пометками"

    /// One copy written: the input (relative to the inbox), the copy (relative to OUT), and each input sheet's name in the copy.
    public struct Copy: Sendable {
        public var input: String
        public var copy: String
        public var sheetNames: [String: String]
    }

    /// Writes the copies into `staging/исправить/`; an input that cannot be copied is left out (listed in `failed`).
    public static func write(_ register: Register, inbox: String, excluded: String?, to staging: String) -> (copies: [Copy], failed: [String]) {
        let remarked = Dictionary(grouping: register.issues.filter { $0.severity != .info }, by: \.file)
        let inputs = register.inputs.filter { $0.status == .read && remarked[$0.file] != nil }
        guard !inputs.isEmpty else { return ([], []) }
        let entries = Dictionary(InboxReader(inbox: inbox, excluded: excluded).entries().map { ($0.relative, $0) }, uniquingKeysWith: { a, _ in a })
        var copies: [Copy] = []
        var failed: [String] = []
        var taken: Set<String> = []
        for input in inputs {
            guard let entry = entries[input.file], entry.skip == nil else { failed.append(input.file); continue }
            let name = copyName(input.file, taken: taken)
            taken.insert(name)
            let target = staging + "/" + folder + "/" + name
            do {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let names = try entry.withOpenablePath { path in try copy(path, to: target, marks: marks(for: remarked[input.file] ?? [], input: input)) }
                copies.append(Copy(input: input.file, copy: folder + "/" + name, sheetNames: names))
            } catch {
                try? FileManager.default.removeItem(atPath: target)
                failed.append(input.file)
            }
        }
        removeEmptyFolders(staging + "/" + folder)
        return (copies, failed)
    }

    /// Removes the folders a failed copy left empty (the output set owns only folders on the way to its files).
    static func removeEmptyFolders(_ path: String) {
        let inside = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in inside {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder), isFolder.boolValue { removeEmptyFolders(path + "/" + name) }
        }
        rmdir(path)
    }

    /// The copy's path inside `исправить/`: the input's own path, with `.xlsx` for a file of another format
    /// (`questionnaire.csv` → `questionnaire.xlsx`, or `questionnaire.csv.xlsx` when that name is taken).
    static func copyName(_ relative: String, taken: Set<String>) -> String {
        let ext = (relative as NSString).pathExtension.lowercased()
        if ext == "xlsx" || ext == "xlsm" { return relative }
        let plain = (relative as NSString).deletingPathExtension + ".xlsx"
        return taken.contains(plain) ? relative + ".xlsx" : plain
    }

    /// Writes the marked copy of the file at `path`; returns each source sheet's name in the copy.
    static func copy(_ path: String, to target: String, marks: [CellMark]) throws -> [String: String] {
        let ext = (path as NSString).pathExtension.lowercased()
        let source = try SpreadsheetOpener.open(path: path)
        let isPackage = (ext == "xlsx" || ext == "xlsm") && source is XLSXReader
        if isPackage {
            try XLSXCellMarks.mark(source: path, output: target, marks: marks, ownerTag: ownerTag)
            return Dictionary(source.sheets.map { ($0.name, $0.name) }, uniquingKeysWith: { a, _ in a })
        }
        let plain = target + ".values-\(getpid()).xlsx"
        defer { try? FileManager.default.removeItem(atPath: plain) }
        let names = try XLSXCellMarks.copyAsXLSX(source, to: plain)
        let renamed = marks.map { mark -> CellMark in
            var mark = mark
            mark.sheet = names[mark.sheet] ?? mark.sheet
            return mark
        }
        try XLSXCellMarks.mark(source: plain, output: target, marks: renamed, ownerTag: ownerTag)
        return names
    }

    /// Remarks of one file that get a comment; the others are filled only (a comment each would make a sheet of
    /// thousands of notes that no one reads, and memory grows with them), and A1 says how many there are.
    public static let commentLimit = 2_000

    /// A mark per remark: at its cell, else the first cell of its row, else A1 of its sheet (of the first sheet for the file).
    static func marks(for issues: [Issue], input: InputFile) -> [CellMark] {
        let firstSheet = input.sheets.first?.name ?? ""
        var marks = issues.enumerated().map { index, issue in
            let cell = issue.cell.flatMap { CellAddress(a1: $0) } ?? CellAddress(row: issue.row ?? 1, column: 1)
            return CellMark(sheet: issue.sheet ?? firstSheet, cell: cell, level: issue.severity == .error ? .error : .warning,
                            comment: index < commentLimit ? comment(issue) : "")
        }
        if issues.count > commentLimit {
            marks.append(CellMark(sheet: firstSheet, cell: CellAddress(row: 1, column: 1), level: .note,
                                  comment: "Замечаний в файле: \(issues.count). Примечания есть у первых \(commentLimit), остальные ячейки только залиты цветом; "
                                      + "все замечания с сообщениями — в register.xlsx на листе «Замечания»."))
        }
        return marks
    }

    /// «Ошибка (DATE_INVALID): … Как исправить: …».
    static func comment(_ issue: Issue) -> String {
        var text = (issue.severity == .error ? "Ошибка" : "Предупреждение") + " (\(issue.code.rawValue)): "
        if let person = issue.person { text += person + ": " }
        text += issue.message
        if let suggestion = issue.suggestion, !suggestion.isEmpty { text += "\nКак исправить: " + suggestion }
        return text
    }
}
