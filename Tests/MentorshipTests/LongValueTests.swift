import Foundation
import Testing
import SheetIO
@testable import Mentorship

/// A value longer than a cell holds is an issue at its input cell; the build goes on, the workbooks shorten it
/// with «…», report.json keeps it whole.
@Suite struct LongValueTests {
    typealias S = OutputSetSupport

    @Test func aFortyThousandCharacterCellIsReportedAtItsCellAndShortened() throws {
        let inbox = try S.sampleInbox()
        let long = "ООО «" + String(repeating: "Наставник ", count: 4_000) + "»"
        #expect(long.count > 40_000)
        try Data("Наименование организации;ИНН;Соглашение №;Дата соглашения\n\(long);7017000019;15;01.09.2025\n".utf8)
            .write(to: URL(fileURLWithPath: inbox + "/партнёры-длинные.csv"))
        let output = try S.folder("long") + "/out"
        let outcome = try S.job(inbox, output, keyFolder: try S.folder("config")).run()

        let issue = try #require(outcome.register.issues.first { $0.code == .valueTooLong })
        #expect(issue.file == "партнёры-длинные.csv" && issue.cell == "A2" && issue.severity == .warning)
        #expect(issue.value == long)
        try S.wholeSet(output)

        // report.json: whole.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/report.json"))) as? [String: Any])
        let issues = try #require(report["issues"] as? [[String: Any]])
        #expect(issues.contains { $0["code"] as? String == "VALUE_TOO_LONG" && $0["value"] as? String == long && $0["cell"] as? String == "A2" })

        // register.xlsx: every cell fits, the long one shortened with «…».
        let workbook = try XLSXReader(path: output + "/register.xlsx")
        var shortened = 0
        for sheet in workbook.sheets {
            let rows = try workbook.rows(ofSheet: sheet.index)
            while let row = try rows.next() {
                for case .text(let text) in row.cells {
                    #expect(text.utf16.count <= Limits.cellTextLength)
                    if text.utf16.count == Limits.cellTextLength && text.hasSuffix("…") && long.hasPrefix(text.dropLast()) { shortened += 1 }
                }
            }
        }
        #expect(shortened >= 2)   // the «Партнёры» sheet and the remark's value
    }

    @Test func shorteningNeverSplitsACharacter() {
        let text = String(repeating: "а", count: Limits.cellTextLength - 2) + "😀😀"
        let short = Limits.shortened(text)
        #expect(short.utf16.count <= Limits.cellTextLength && short.hasSuffix("…"))
        #expect(Limits.shortened("коротко") == "коротко")
    }
}
