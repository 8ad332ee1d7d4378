import Foundation
import Testing
import SheetIO
@testable import Mentorship

/// Quarterly comparison tables: known scores give known changes; a missing period is reported and left
/// empty, never counted as 0. The long layout («Показатель», «Балл») and period columns are read.
@Suite struct DiagnosticsTests {
    @Test func knownScoresGiveKnownChanges() throws {
        let register = try PipelineTests.build(["students.csv": """
        ФИО;Дата рождения;Класс
        Смирнова Анна Олеговна;05.06.2009;10А
        Кузнецов Пётр Ильич;07.08.2013;6В
        """, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества;Дата начала
        1;Смирнова А.О.;Кузнецов П.И.;ученик – ученик;01.01.2025
        """, "diagnostics.csv": """
        ФИО;Период;Показатель;Балл
        Смирнова А.О.;1 кв. 2025;Мотивация;6
        Кузнецов П.И.;1 кв. 2025;Мотивация;4
        Смирнова А.О.;II квартал 2025;Мотивация;8,5
        Кузнецов П.И.;2025-Q3;Мотивация;7
        Смирнова А.О.;2025-Q3;Мотивация;9
        """])
        #expect(register.periods.map(\.key) == ["2025-Q1", "2025-Q2", "2025-Q3"])
        // Кузнецов has no result for 2025-Q2: reported, and his cell stays empty.
        #expect(register.issues.contains { $0.code == .diagnosticMissing && $0.value == "2025-Q2" && $0.person == "Кузнецов Пётр Ильич" })

        let path = NSTemporaryDirectory() + "nastavnik-diagnostics-" + UUID().uuidString + ".xlsx"
        try DiagnosticsWorkbook.write(register, to: path)
        let source = try XLSXReader(path: path)
        #expect(source.sheets.map(\.name) == ["По участникам", "По парам и группам", "По формам", "Охват"])
        let participants = try rows(source, 0)
        let kuznetsov = try #require(participants.first { $0[column: 1] == .text("Кузнецов Пётр Ильич") })
        #expect(kuznetsov[column: 6] == .number(4))
        #expect(kuznetsov[column: 7] == .empty)          // 2025-Q2: missing, not 0
        #expect(kuznetsov[column: 8] == .number(7))
        #expect(kuznetsov[column: 9] == .number(3))      // Δ to the previous result
        #expect(kuznetsov[column: 10] == .number(3))     // Δ to the first
        let smirnova = try #require(participants.first { $0[column: 1] == .text("Смирнова Анна Олеговна") })
        #expect(smirnova[column: 9] == .number(0.5))     // 9 − 8.5
        #expect(smirnova[column: 10] == .number(3))      // 9 − 6
        let unit = try #require(try rows(source, 1).dropFirst().first)
        #expect(unit[column: 5] == .number(5))           // Q1 mean of 6 and 4
        #expect(unit[column: 6] == .number(8.5))
        let coverage = try rows(source, 3)
        #expect(coverage[2].cells.prefix(3) == [.text("2025-Q2"), .number(2), .number(1)])
    }

    func rows(_ source: XLSXReader, _ sheet: Int) throws -> [Row] {
        let reader = try source.rows(ofSheet: sheet)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }
}
