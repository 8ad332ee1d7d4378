import Foundation
import Testing
import SheetIO
@testable import Mentorship

/// Quarterly comparison tables: known scores give known changes; a missing period is reported and left
/// empty, never counted as 0. The long layout («Показатель», «Балл») and period columns are read.
@Suite struct DiagnosticsTests {
    /// A pair of two pupils, begun 01.01.2025: the inbox the diagnostics below are added to.
    static let pair = ["students.csv": """
        ФИО;Дата рождения;Класс
        Смирнова Анна Олеговна;05.06.2009;10А
        Кузнецов Пётр Ильич;07.08.2013;6В
        """, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества;Дата начала
        1;Смирнова А.О.;Кузнецов П.И.;ученик – ученик;01.01.2025
        """]

    @Test func knownScoresGiveKnownChanges() throws {
        let register = try PipelineTests.build(Self.pair.merging(["diagnostics.csv": """
        ФИО;Период;Показатель;Балл
        Смирнова А.О.;1 кв. 2025;Мотивация;6
        Кузнецов П.И.;1 кв. 2025;Мотивация;4
        Смирнова А.О.;II квартал 2025;Мотивация;8,5
        Кузнецов П.И.;2025-Q3;Мотивация;7
        Смирнова А.О.;2025-Q3;Мотивация;9
        """]) { $1 })
        #expect(register.periods.map(\.key) == ["2025-Q1", "2025-Q2", "2025-Q3"])
        // Кузнецов has no result for 2025-Q2: reported, and his cell stays empty.
        #expect(register.issues.contains { $0.code == .diagnosticMissing && $0.value == "2025-Q2" && $0.person == "Кузнецов Пётр Ильич" })

        let path = NSTemporaryDirectory() + "nastavnik-diagnostics-" + UUID().uuidString + ".xlsx"
        try DiagnosticsWorkbook.write(register, to: path)
        let source = try XLSXReader(path: path)
        #expect(source.sheets.map(\.name) == ["По участникам", "По парам и группам", "По формам", "Охват"])
        let participants = try rows(source, 0)
        // Periods as the curator writes them; Δ to the previous names the two periods it compares.
        #expect(participants[0].cells[5...9] == [.text("1 кв. 2025"), .text("2 кв. 2025"), .text("3 кв. 2025"),
                                                 .text("Δ к предыдущему (3 кв. 2025 к 2 кв. 2025)"), .text("Первый замер")])
        let kuznetsov = try #require(participants.first { $0[column: 1] == .text("Кузнецов Пётр Ильич") })
        #expect(kuznetsov[column: 6] == .number(4))
        #expect(kuznetsov[column: 7] == .text("нет данных"))   // 2025-Q2: missing, not 0 and not blank
        #expect(kuznetsov[column: 8] == .number(7))
        #expect(kuznetsov[column: 9] == .text("нет данных"))   // no Q2 to compare Q3 with: never a skip to Q1
        #expect(kuznetsov[column: 10] == .text("1 кв. 2025"))
        #expect(kuznetsov[column: 11] == .number(3))           // 7 − 4
        let smirnova = try #require(participants.first { $0[column: 1] == .text("Смирнова Анна Олеговна") })
        #expect(smirnova[column: 9] == .number(0.5))     // 9 − 8.5
        #expect(smirnova[column: 11] == .number(3))      // 9 − 6
        let unit = try #require(try rows(source, 1).dropFirst().first)
        #expect(unit[column: 5] == .number(5))           // Q1 mean of 6 and 4
        #expect(unit[column: 6] == .number(8.5))         // Q2: the one member measured
        #expect(unit[column: 7] == .number(8))           // Q3 mean of 9 and 7
        // Q2 → Q3 over the same people: Смирнова alone, 9 − 8.5, and the cell says so (not 8 − 8.5).
        #expect(unit[column: 8] == .text("+0,50 (по 1 из 2)"))
        #expect(unit[column: 10] == .number(3))          // Q1 → Q3, both members: 8 − 5
        let coverage = try rows(source, 3)
        #expect(coverage[2].cells.prefix(3) == [.text("2 кв. 2025"), .number(2), .number(1)])
    }

    @Test func anInvalidScoreIsAnErrorCellWithItsRemark() throws {
        let register = try PipelineTests.build(Self.pair.merging(["diagnostics.csv": """
        ФИО;Период;Показатель;Балл
        Смирнова А.О.;1 кв. 2025;Мотивация;6
        Кузнецов П.И.;1 кв. 2025;Мотивация;4
        Смирнова А.О.;2 кв. 2025;Мотивация;8
        Кузнецов П.И.;2 кв. 2025;Мотивация;много
        """]) { $1 })
        #expect(register.issues.contains { $0.code == .scoreInvalid && $0.value == "много" })
        let path = NSTemporaryDirectory() + "nastavnik-diagnostics-" + UUID().uuidString + ".xlsx"
        try DiagnosticsWorkbook.write(register, to: path)
        let participants = try rows(try XLSXReader(path: path), 0)
        let kuznetsov = try #require(participants.first { $0[column: 1] == .text("Кузнецов Пётр Ильич") })
        #expect(kuznetsov[column: 7] == .text("ошибка"))
        guard case .text(let remark) = kuznetsov[column: 11] else { Issue.record("no remark"); return }
        #expect(remark.contains("2 кв. 2025") && remark.contains("«много»") && remark.contains("diagnostics.csv"))
        let smirnova = try #require(participants.first { $0[column: 1] == .text("Смирнова Анна Олеговна") })
        #expect(smirnova[column: 7] == .number(8))
        #expect(smirnova[column: 8] == .number(2))
    }

    @Test func changesAreOverTheSameMembers() {
        func period(_ quarter: Int) -> Period { .quarter(2025, quarter) }
        let pair = QuarterlyChange(members: [["2025-Q1": 8, "2025-Q2": 9], ["2025-Q1": 9]])
        #expect(pair.mean(in: period(1)) == 8.5)
        #expect(pair.mean(in: period(2)) == 9)
        let change = pair.change(from: period(1), to: period(2))
        #expect(change == .init(value: 1, compared: 1, of: 2))
        #expect(change?.text == "+1,00 (по 1 из 2)")
        #expect(pair.change(from: period(2), to: period(3)) == nil)
        #expect(QuarterlyChange.Change(value: -2.5, compared: 2, of: 2).text == "−2,50")
    }

    func rows(_ source: XLSXReader, _ sheet: Int) throws -> [Row] {
        let reader = try source.rows(ofSheet: sheet)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }
}
