import Foundation
import Testing
import SheetIO
@testable import Mentorship

/// Remarks matched with the previous run's report.json: fixed, new and remaining.
@Suite struct RemarkHistoryTests {
    static func issue(_ code: IssueCode, _ cell: String, field: String, value: String) -> Mentorship.Issue {
        let address = CellAddress(a1: cell)!
        return Mentorship.Issue(code, at: SourceRef(file: "students.xlsx", sheet: "Лист1", sheetIndex: 0, row: address.row, column: address.column),
                                field: field, value: value)
    }

    static func earlier(_ issue: Mentorship.Issue) -> RemarkHistory.Earlier {
        RemarkHistory.Earlier(code: issue.code.rawValue, severity: issue.severity.rawValue, file: issue.file, sheet: issue.sheet, cell: issue.cell,
                              row: issue.row, field: issue.field, value: issue.value, message: issue.message, suggestion: issue.suggestion)
    }

    @Test func oneFixedOneNewTheRestRemain() {
        let before = [Self.issue(.dateInvalid, "C18", field: "birth_date", value: "31.02.2011"),
                      Self.issue(.snilsInvalid, "E23", field: "snils", value: "123"),
                      Self.issue(.classInvalid, "D30", field: "class", value: "13Я")]
        // The date was fixed; a row was inserted above row 23, so the SNILS remark moved to E24; a new phone remark.
        let now = [Self.issue(.snilsInvalid, "E24", field: "snils", value: "123"),
                   Self.issue(.classInvalid, "D31", field: "class", value: "13Я"),
                   Self.issue(.phoneInvalid, "F5", field: "phone", value: "12")]
        let history = RemarkHistory(issues: now, earlier: before.map(Self.earlier))
        #expect(history.statuses == [.remaining, .remaining, .new])
        #expect(history.fixed.map(\.code) == ["DATE_INVALID"])
        #expect((history.newCount, history.remainingCount, history.fixed.count) == (1, 2, 1))
    }

    @Test func matchesAreOneToOneAndNearestRowFirst() {
        let before = [Self.issue(.personNotFound, "B4", field: "mentor", value: "Иванов И.И."),
                      Self.issue(.personNotFound, "B40", field: "mentor", value: "Иванов И.И.")]
        // Both rows moved; one of them disappeared: the survivor near row 40 is matched with the remark of row 40.
        let now = [Self.issue(.personNotFound, "B41", field: "mentor", value: "Иванов И.И.")]
        let history = RemarkHistory(issues: now, earlier: before.map(Self.earlier))
        #expect(history.statuses == [.remaining])
        #expect(history.fixed.map(\.cell) == ["B4"])
        // Two identical remarks now, one before: one remains, one is new.
        let twice = RemarkHistory(issues: [before[0], before[0]], earlier: [Self.earlier(before[0])])
        #expect(twice.statuses == [.remaining, .new] && twice.fixed.isEmpty)
    }

    @Test func earlierRemarksAreReadFromReportJSON() throws {
        let json = #"{"issues": [{"code": "DATE_INVALID", "severity": "error", "file": "a.xlsx", "sheet": "Лист1", "cell": "C2", "row": 2, "field": "birth_date", "value": "x", "person": null, "message": "m", "suggestion": "s"}]}"#
        let earlier = try #require(RemarkHistory.earlier(reportJSON: Data(json.utf8)))
        #expect(earlier == [RemarkHistory.Earlier(code: "DATE_INVALID", severity: "error", file: "a.xlsx", sheet: "Лист1", cell: "C2", row: 2,
                                                  field: "birth_date", value: "x", message: "m", suggestion: "s")])
        #expect(RemarkHistory.earlier(reportJSON: Data("not json".utf8)) == nil)
    }
}

/// Two builds into one OUT, with one mistake fixed and one added in between.
@Suite struct SinceLastTimeTests {
    static func roster(_ rows: [String]) -> String { (["ФИО;Дата рождения;Класс"] + rows).joined(separator: "\n") + "\n" }

    @Test func oneFixedAndOneNew() throws {
        let inbox = try OutputSetSupport.folder("since") + "/inbox", output = try OutputSetSupport.folder("since") + "/out"
        let keys = try OutputSetSupport.folder("keys")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let good = ["Иванов Илья Петрович;01.02.2012;7А", "Смирнова Анна Олеговна;05.06.2009;10А", "Кузнецов Пётр Ильич;07.08.2013;6В"]
        try Self.roster([good[0], "Петров Олег Ильич;31.02.2011;8А", good[1], good[2]]).write(toFile: inbox + "/students.csv", atomically: true, encoding: .utf8)
        let first = try OutputSetSupport.job(inbox, output, keyFolder: keys).run()
        #expect(!first.register.remarks.hasEarlier && first.register.remarks.statuses.allSatisfy { $0 == .new })
        let dateErrors = first.register.issues.filter { $0.code == .dateInvalid }.count
        #expect(dateErrors == 1)

        // The date is fixed; a wrong class is added on another row.
        try Self.roster([good[0], "Петров Олег Ильич;28.02.2011;8А", good[1], "Кузнецов Пётр Ильич;07.08.2013;15Я"])
            .write(toFile: inbox + "/students.csv", atomically: true, encoding: .utf8)
        let second = try OutputSetSupport.job(inbox, output, keyFolder: keys).run()
        let remarks = second.register.remarks
        #expect(remarks.hasEarlier)
        #expect(remarks.fixed.map(\.code) == ["DATE_INVALID"])
        #expect(remarks.newCount == 1)
        #expect(zip(second.register.issues, remarks.statuses).filter { $0.1 == .new }.map(\.0.code) == [.classInvalid])
        #expect(remarks.remainingCount == second.register.issues.count - 1)

        // report.json and register.xlsx say the same.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/report.json"))) as? [String: Any])
        let changes = try #require(report["changes"] as? [String: Any])
        #expect(changes["fixed"] as? Int == 1 && changes["new"] as? Int == 1 && changes["compared"] as? Bool == true)
        #expect((report["fixed"] as? [[String: Any]])?.first?["code"] as? String == "DATE_INVALID")
        let workbook = try XLSXReader(path: output + "/register.xlsx")
        let fixedSheet = try #require(workbook.sheets.first { $0.name == "Исправлено" })
        #expect(try TestRows.all(workbook, sheet: fixedSheet.index).count == 2)   // the header and the fixed remark
        let remarksSheet = try #require(workbook.sheets.first { $0.name == "Замечания" })
        let statuses = try TestRows.all(workbook, sheet: remarksSheet.index).dropFirst().map { $0.cells.last ?? .empty }
        #expect(statuses.filter { $0 == .text("новое") }.count == 1)
        #expect(statuses.filter { $0 == .text("осталось") }.count == remarks.remainingCount)
    }
}

/// Every row of one sheet.
enum TestRows {
    static func all(_ source: any SpreadsheetSource, sheet: Int) throws -> [Row] {
        let reader = try source.rows(ofSheet: sheet)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }
}
