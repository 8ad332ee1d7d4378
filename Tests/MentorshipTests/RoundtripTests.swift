import Foundation
import Testing
import PackageIO
import SheetIO
@testable import Mentorship

/// The curator's loop: blank templates from `init`, and her own files marked in `OUT/исправить/`.
@Suite struct RoundtripTests {
    static func comments(_ path: String) throws -> String {
        let reader = try ZipReader(path: path)
        return try reader.entries.filter { $0.name.hasPrefix("xl/comments") }.map { String(decoding: try reader.readAll($0), as: UTF8.self) }.joined()
    }

    @Test func everyRemarkedInputGetsAMarkedCopyWithEachRemarkAtItsCell() throws {
        let inbox = try OutputSetSupport.sampleInbox()
        let output = try OutputSetSupport.folder("out") + "/out"
        let outcome = try OutputSetSupport.job(inbox, output, keyFolder: try OutputSetSupport.folder("key")).run()
        try OutputSetSupport.wholeSet(output)
        let remarked = Set(outcome.register.issues.filter { $0.severity != .info }.map(\.file))
        #expect(Set(outcome.markedCopies.map(\.input)) == remarked)
        #expect(outcome.copiesFailed.isEmpty)
        #expect(outcome.markedCopies.contains { $0.input == "Партнёры_2003.xls" && $0.copy == "исправить/Партнёры_2003.xlsx" })
        for copy in outcome.markedCopies {
            #expect(outcome.outputs.contains { $0.file == copy.copy })
            let path = output + "/" + copy.copy
            #expect(XLSXCellMarks.isMarkedCopy(path: path))
            let text = try Self.comments(path)
            for issue in outcome.register.issues where issue.file == copy.input && issue.severity != .info {
                let cell = issue.cell ?? issue.row.map { "A\($0)" } ?? "A1"
                #expect(text.contains("ref=\"\(cell)\""), "\(copy.copy): no comment at \(cell) for \(issue.code.rawValue)")
                #expect(text.contains(issue.code.rawValue))
            }
        }
        // The inputs are untouched; the register links the cell column to the copy.
        let original = FileDigest.sha256(path: OutputSetSupport.root + "/samples/inbox/students.xlsx")
        #expect(FileDigest.sha256(path: inbox + "/students.xlsx") == original)
        let register = try ZipReader(path: output + "/register.xlsx")
        let rels = try register.entries.filter { $0.name.hasPrefix("xl/worksheets/_rels/") }.map { String(decoding: try register.readAll($0), as: UTF8.self) }.joined()
        #expect(rels.contains("Target=\"исправить/students.xlsx\""))
    }

    @Test func aCopyPutBackInTheInboxIsSkippedAndAHostileInputIsNeverCopied() throws {
        let inbox = try OutputSetSupport.sampleInbox()
        let keys = try OutputSetSupport.folder("key")
        let first = try OutputSetSupport.folder("out") + "/out"
        _ = try OutputSetSupport.job(inbox, first, keyFolder: keys).run()
        try FileManager.default.copyItem(atPath: first + "/исправить/students.xlsx", toPath: inbox + "/students (исправлено).xlsx")
        try Data("PK\u{3}\u{4} not really a zip".utf8).write(to: URL(fileURLWithPath: inbox + "/сломанный.xlsx"))
        let second = try OutputSetSupport.folder("out") + "/out"
        let outcome = try OutputSetSupport.job(inbox, second, keyFolder: keys).run()
        #expect(outcome.register.issues.contains { $0.code == .ownOutputSkipped && $0.file == "students (исправлено).xlsx" && $0.severity == .info })
        #expect(outcome.register.inputs.first { $0.file == "students (исправлено).xlsx" }?.status == .skipped)
        #expect(outcome.register.issues.contains { $0.code == .fileUnreadable && $0.file == "сломанный.xlsx" })
        #expect(!outcome.markedCopies.contains { $0.input == "сломанный.xlsx" || $0.input == "students (исправлено).xlsx" })
        #expect(!FileManager.default.fileExists(atPath: second + "/исправить/сломанный.xlsx"))
    }

    @Test func aCSVInputGetsAnXLSXCopyWithItsMarks() throws {
        let inbox = try OutputSetSupport.folder("csv") + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try Data("ФИО;Дата рождения;Класс\r\nИванов Иван Иванович;31.02.2011;7А\r\nПетров Пётр Петрович;01.02.2011;15Б\r\n".utf8)
            .write(to: URL(fileURLWithPath: inbox + "/ученики.csv"))
        try Data("не таблица".utf8).write(to: URL(fileURLWithPath: inbox + "/ученики.xlsx"))   // takes the plain name of the copy
        let output = try OutputSetSupport.folder("out") + "/out"
        let outcome = try OutputSetSupport.job(inbox, output, keyFolder: try OutputSetSupport.folder("key")).run()
        let copy = try #require(outcome.markedCopies.first { $0.input == "ученики.csv" })
        #expect(copy.copy == "исправить/ученики.xlsx")
        #expect(!outcome.markedCopies.contains { $0.input == "ученики.xlsx" })   // unreadable: never copied
        let text = try Self.comments(output + "/" + copy.copy)
        #expect(text.contains("ref=\"B2\"") && text.contains("DATE_INVALID") && text.contains("ref=\"C3\"") && text.contains("CLASS_INVALID"))
        let rows = try SpreadsheetOpener.open(path: output + "/" + copy.copy).rows(ofSheet: 0)
        #expect(try rows.next()?.cells.first == .text("ФИО"))
        #expect(MarkedCopies.copyName("a/b.csv", taken: ["a/b.xlsx"]) == "a/b.csv.xlsx")
    }

    @Test func initRefusesAFolderThatHoldsAnything() throws {
        let folder = try OutputSetSupport.folder("init")
        try Data("моё".utf8).write(to: URL(fileURLWithPath: folder + "/заметки.txt"))
        #expect(throws: InitJob.Failure.notEmpty(folder)) { try InitJob(folder: folder, year: AcademicYear(startYear: 2025)).run() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["заметки.txt"])
    }

    @Test func blankTemplatesBuildWithoutRecognitionIssuesAndTheRoadmapIsInTheYear() throws {
        let folder = try OutputSetSupport.folder("init") + "/шаблоны"
        let files = try InitJob(folder: folder, year: AcademicYear(startYear: 2027)).run()
        #expect(files.count == InitJob.templates.count)
        let register = RegisterBuilder(inbox: folder, excluded: nil, asOf: CalendarDate(iso: "2027-09-01")!).build()
        let recognition: Set<IssueCode> = [.sheetUnrecognised, .headerMissing, .columnUnknown]
        #expect(register.issues.filter { recognition.contains($0.code) }.isEmpty)
        #expect(!register.issues.contains { $0.code == .roadmapDeadlineOutOfYear || $0.severity == .error })
        #expect(Set(register.inputs.flatMap(\.sheets).compactMap(\.kind)) == Set(TableKind.allCases))
        #expect(register.reconciliation.rowsRead == RoadmapTemplate.rows.count)
        #expect(register.roadmap.contains { $0.deadlineText == "15.09.2027" })
        #expect(register.roadmap.count == RoadmapTemplate.rows.filter { $0.count > 1 }.count)
        // Every header carries its comment.
        let text = try Self.comments(folder + "/Согласия.xlsx")
        for column in TemplateWorkbook.columns(for: .consents) { #expect(text.contains(String(TemplateWorkbook.comment(column).prefix(20)))) }
    }
}
