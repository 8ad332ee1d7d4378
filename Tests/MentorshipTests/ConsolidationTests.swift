import Foundation
import Testing
import SheetIO
@testable import Mentorship

@Suite struct ConsolidationTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "nastavnik-region-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A school's upload: the sample inbox built under other settings, written into `folder/name`.
    static func upload(_ folder: String, _ name: String, school: String, inn: String?, municipality: String,
                       asOf: CalendarDate = SampleInboxTests.asOf) throws -> Register {
        var builder = RegisterBuilder(inbox: SampleInboxTests.inbox, excluded: nil, asOf: asOf)
        builder.settingOverrides = [.shortName: school, .municipality: municipality, .region: "Томская область", .idKey: school]
        builder.settingOverrides[.inn] = inn ?? ""
        let register = builder.build()
        try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
        _ = try RegionalUpload.write(register, to: folder + "/" + name)
        return register
    }

    static func rows(_ path: String, sheet: Int) throws -> [[CellValue]] {
        let reader = try XLSXReader(path: path).rows(ofSheet: sheet)
        var rows: [[CellValue]] = []
        while let row = try reader.next() { rows.append(row.cells) }
        return rows
    }

    @Test func twoSchoolsGiveRegionalTotals() throws {
        let inbox = try Self.folder(), out = try Self.folder()
        let first = try Self.upload(inbox, "a", school: "СОШ № 1", inn: "7017000019", municipality: "г. Томск")
        _ = try Self.upload(inbox, "b", school: "СОШ № 2", inn: nil, municipality: "г. Северск")
        var consolidation = Consolidation(folder: inbox, excluded: out)
        consolidation.check()
        #expect(consolidation.issues.isEmpty)
        #expect(consolidation.accepted.map(\.school) == ["СОШ № 1", "СОШ № 2"])
        #expect(try consolidation.write(to: out, date: "2026-06-01") == ["regional.xlsx", "regional.csv", "regional-indicators.csv", "regional-pairs.csv", "regional-totals.csv", "отчёт.html"])
        let workbook = try XLSXReader(path: out + "/regional.xlsx")
        #expect(workbook.sheets.map(\.name) == RegionalUpload.sheetNames + ["Итоги"])
        #expect(try Self.rows(out + "/regional.xlsx", sheet: 0).count == 3)   // the header and one row per school
        let pairs = try Self.rows(out + "/regional.xlsx", sheet: 2)
        #expect(pairs.count == 1 + 2 * RegionalUpload.tables(first)[2].count)
        // Totals: Σ numerators / Σ denominators per municipality and for the region.
        let totals = try Self.rows(out + "/regional.xlsx", sheet: 3)
        #expect(totals[0] == RegionalTotals.header.map { .text($0) })
        let consents = try #require(first.indicators.first { $0.id == "consents" })
        let region = try #require(totals.first { $0[0] == .text("Итого по региону") && $0[3] == .text("consents") })
        #expect(region[7] == .number(Double(2 * consents.numerator)))
        #expect(region[8] == .number(Double(2 * consents.denominator)))
        #expect(region[6] == .number(2))
        let tomsk = try #require(totals.first { $0[0] == .text("Итого по г. Томск") && $0[3] == .text("participants") })
        #expect(tomsk[9] == .number(Double(first.participants.count)))
        let coverage = totals.filter { $0[0] == .text("Итого по региону") && $0[3] == .text("diagnostics_coverage") }
        #expect(coverage.map { $0[5] } == first.periods.map { .text($0.key) })
        // The page shows every «Итоги» indicator row with the same sums, and every count.
        let page = try String(contentsOfFile: out + "/отчёт.html", encoding: .utf8)
        let shown = ReportPageTests.rows(page, class: "indicator")
        let indicatorRows = totals.dropFirst().filter { if case .number = $0[7] { return true } else { return false } }
        #expect(shown.map { [$0["area"]!, $0["code"]!, $0["numerator"]!, $0["denominator"]!] }
                == indicatorRows.map { [UploadCheck.plain($0[0]), UploadCheck.plain($0[3]), UploadCheck.plain($0[7]), UploadCheck.plain($0[8])] })
        #expect(ReportPageTests.rows(page, class: "count").first { $0["area"] == "Итого по г. Томск" && $0["code"] == "participants" }?["value"]
                == UploadCheck.plain(tomsk[9]))
        #expect(!page.contains("<script") && !page.contains("http"))
    }

    @Test func duplicateSchoolsAndForeignFilesAreReported() throws {
        let inbox = try Self.folder(), out = try Self.folder()
        _ = try Self.upload(inbox, "a", school: "СОШ № 1", inn: "7017000019", municipality: "г. Томск")
        // The same school again with the same data: counted once.
        try FileManager.default.copyItem(atPath: inbox + "/a", toPath: inbox + "/a-copy")
        // Another school uploaded twice with different data (a later report date): both rejected.
        _ = try Self.upload(inbox, "b", school: "СОШ № 2", inn: "7017000020", municipality: "г. Томск")
        _ = try Self.upload(inbox, "b2", school: "СОШ № 2", inn: "7017000020", municipality: "г. Томск", asOf: CalendarDate(iso: "2026-05-30")!)
        // Files that are not uploads: plain text under the name, and a workbook of another layout.
        try FileManager.default.createDirectory(atPath: inbox + "/c", withIntermediateDirectories: true)
        try Data("не выгрузка".utf8).write(to: URL(fileURLWithPath: inbox + "/c/regional.xlsx"))
        let foreign = try XLSXWriter(path: inbox + "/c/regional (2).xlsx")
        for name in RegionalUpload.sheetNames {
            let sheet = try foreign.addSheet(named: name)
            try sheet.append([.text("Школа"), .text("Участников")])
        }
        try foreign.close()
        var consolidation = Consolidation(folder: inbox, excluded: out)
        consolidation.check()
        let status = Dictionary(uniqueKeysWithValues: consolidation.inputs.map { ($0.file, $0.status) })
        #expect(status["a-copy/regional.xlsx"] == .accepted)
        #expect(status["a/regional.xlsx"] == .repeated)
        #expect(status["b/regional.xlsx"] == .rejected && status["b2/regional.xlsx"] == .rejected)
        #expect(status["c/regional.xlsx"] == .malformed && status["c/regional (2).xlsx"] == .malformed)
        #expect(consolidation.issues.filter { $0.code == .schoolDuplicate }.map(\.file) == ["b/regional.xlsx", "b2/regional.xlsx"])
        #expect(consolidation.issues.contains { $0.code == .schoolRepeated && $0.file == "a/regional.xlsx" })
        let malformed = consolidation.issues.filter { $0.code == .uploadMalformed }
        #expect(malformed.map(\.file) == ["c/regional (2).xlsx", "c/regional.xlsx"])
        #expect(malformed[0].cell == "A1")   // the header row that does not match
        #expect(consolidation.hasErrors)
        #expect(consolidation.accepted.map(\.school) == ["СОШ № 1"])
        _ = try consolidation.write(to: out, date: "2026-06-01")
        let report = consolidation.report(outputs: [], date: "2026-06-01")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["schools"] == 1 && counts["files"] == 6 && counts["rejected"] == 2 && counts["malformed"] == 2)
    }

    /// The first issue of checking a hand-made upload: the three sheets with their headers, `summaryRow` under the first.
    static func firstIssueOfUpload(summaryRow: [CellValue]) throws -> Mentorship.Issue {
        let inbox = try Self.folder()
        let writer = try XLSXWriter(path: inbox + "/regional.xlsx")
        let headers = [RegionalUpload.summaryHeader, RegionalUpload.indicatorsHeader, RegionalUpload.pairsHeader]
        for (index, name) in RegionalUpload.sheetNames.enumerated() {
            let sheet = try writer.addSheet(named: name)
            try sheet.append(headers[index].map { .text($0) })
            if index == 0 { try sheet.append(summaryRow) }
        }
        try writer.close()
        var consolidation = Consolidation(folder: inbox, excluded: nil)
        consolidation.check()
        return try #require(consolidation.issues.first)
    }

    @Test func aVersionOrSchoolMismatchIsMalformed() throws {
        let issue = try Self.firstIssueOfUpload(summaryRow: [.text("9"), .text("Регион"), .text("Город"), .text("СОШ"), .empty, .text("2025/2026"),
                                                             .text("2026-05-29")] + Array(repeating: .number(1), count: 6))
        #expect(issue.code == .uploadMalformed && issue.cell == "A2" && issue.value == "9")
    }

    /// A row empty under the headers but with a value further right is not skipped as empty: it is malformed.
    @Test func aRowWithAValueOnlyBeyondTheHeadersIsMalformed() throws {
        let issue = try Self.firstIssueOfUpload(summaryRow: Array(repeating: .empty, count: RegionalUpload.summaryHeader.count + 20) + [.text("тайком")])
        #expect(issue.code == .uploadMalformed && issue.cell == "A2")
    }

    /// An upload of the previous format version (IDs under the old rule) is accepted, with a warning naming the school.
    @Test func thePreviousVersionIsAcceptedWithAWarning() throws {
        let inbox = try Self.folder(), out = try Self.folder()
        _ = try Self.upload(inbox, "new", school: "СОШ № 1", inn: "7017000019", municipality: "г. Томск")
        _ = try Self.upload(inbox, "old", school: "СОШ № 2", inn: "7017000020", municipality: "г. Томск")
        // Rewrite the second school's upload in version 1: every row's «Версия формата».
        let path = inbox + "/old/regional.xlsx"
        let sheets = try (0..<3).map { try Self.rows(path, sheet: $0) }
        let writer = try XLSXWriter(path: path)
        for (index, name) in RegionalUpload.sheetNames.enumerated() {
            let sheet = try writer.addSheet(named: name)
            for (number, row) in sheets[index].enumerated() {
                try sheet.append(number == 0 ? row : [.text(RegionalUpload.previousFormatVersion)] + row.dropFirst())
            }
        }
        try writer.close()
        var consolidation = Consolidation(folder: inbox, excluded: out)
        consolidation.check()
        #expect(consolidation.accepted.map(\.school) == ["СОШ № 1", "СОШ № 2"])
        let warning = try #require(consolidation.issues.first { $0.code == .uploadOldVersion })
        #expect(warning.severity == .warning && warning.file == "old/regional.xlsx" && warning.value == "1")
        #expect(warning.message.contains("СОШ № 2"))
        #expect(consolidation.issues.count == 1 && !consolidation.hasErrors)
        #expect(RegionalUpload.formatVersion == "2")
    }
}
