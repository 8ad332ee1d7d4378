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
