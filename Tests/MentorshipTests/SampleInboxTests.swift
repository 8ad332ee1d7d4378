import Foundation
import Testing
@testable import Mentorship

/// The sample inbox end to end: what a curator gets back for the deliberate mistakes in it.
@Suite struct SampleInboxTests {
    static let inbox: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/samples/inbox"
    }()
    static let asOf = CalendarDate(iso: "2026-05-29")!

    static func build() -> Register { RegisterBuilder(inbox: inbox, excluded: nil, asOf: asOf).build() }

    @Test func rowsReconcile() {
        let register = Self.build()
        let r = register.reconciliation
        #expect(r.holds)
        #expect(r.rowsRead == 279)
        #expect(register.inputs.count == 15)
        #expect(register.inputs.allSatisfy { $0.status == .read })
    }

    @Test func deliberateMistakesArePointedAtTheirCells() {
        let issues = Self.build().issues
        func has(_ code: IssueCode, _ file: String, _ cell: String) -> Bool {
            issues.contains { $0.code == code && $0.file == file && $0.cell == cell }
        }
        #expect(has(.dateInvalid, "students.xlsx", "C18"))      // 31.02.2011
        #expect(has(.nameMixedScript, "students.xlsx", "B19"))  // a Latin «o»
        #expect(has(.snilsInvalid, "students.xlsx", "E23"))     // a wrong check number
        #expect(has(.formUnknown, "pairs.xlsx", "D4"))          // «учитель – ученик»
        #expect(has(.personNotFound, "pairs.xlsx", "B9"))       // a mentor in no roster
        #expect(has(.personNotInRoster, "questionnaire.csv", "B12"))
        #expect(issues.contains { $0.code == .encodingGuessed && $0.file == "questionnaire.csv" && $0.cell == nil })
        // The SpreadsheetML 2003 export under an «.xls» name is read; its partner without an agreement number is found.
        #expect(has(.partnerNoAgreement, "Партнёры_2003.xls", "C3"))
        // Consents: a 13-year-old who signed herself, a withdrawal, two participants without one.
        #expect(has(.consentWrongSigner, "consents.xlsx", "D6"))
        #expect(has(.consentWithdrawn, "consents.xlsx", "F11"))
        #expect(issues.filter { $0.code == .consentMissing }.compactMap(\.person).sorted() == ["Белова Ульяна Сергеевна", "Цветков Максим Олегович", "Шестакова Вера Антоновна"])
        // Diagnostics: a score off its declared scale, a second result, a member of an active pair not diagnosed.
        #expect(has(.scoreInvalid, "Диагностика_3кв_2025.xlsx", "C11"))
        #expect(has(.diagnosticDuplicate, "Диагностика_4кв_2025.xlsx", "C20"))
        #expect(issues.contains { $0.code == .diagnosticMissing && $0.value == "2026-Q1" && $0.person == "Ильин Матвей Алексеевич" })
        #expect(issues.contains { $0.code == .diagnosticMissing && $0.cell == "A10" && $0.value == "2025-Q3" && $0.person == "Полякова Юлия Андреевна" })
        // The roadmap: a past deadline not marked done, a deadline before the academic year, a position without one.
        #expect(has(.roadmapOverdue, "roadmap.xlsx", "B7"))            // «До декабря 2025 г», not marked done
        #expect(has(.roadmapOverdue, "roadmap.xlsx", "B14"))           // «До конца октября», not marked done
        #expect(has(.roadmapDeadlineOutOfYear, "roadmap.xlsx", "B16")) // «До мая 2025» in a 2025/2026 plan
        #expect(has(.roadmapDeadlineUnparsed, "roadmap.xlsx", "B20"))
        #expect(has(.roadmapDeadlineUnparsed, "roadmap.xlsx", "B24"))
        #expect(issues.filter { $0.file == "roadmap.xlsx" }.count == 5) // section headings merged across the table are not positions
        // Plans: a row for a unit the pairs table lacks; completion under 90% from the items marked done.
        #expect(has(.planUnitUnknown, "plans.xlsx", "A17"))
        #expect(has(.planBehind, "plans.xlsx", "D2"))
        #expect(has(.planBehind, "plans.xlsx", "D14"))
    }

    @Test func resolvedPairsAndParticipants() {
        let register = Self.build()
        let counts = register.counts
        #expect(counts.pairs == 6)
        #expect(counts.groups == 1)
        #expect(counts.mentors == 7)
        // «Ковалева Д.В.» (е for ё) and «Павлова М. А.» (spaced initials) resolve.
        let mentees = register.units.flatMap(\.mentees).map(\.name.surname)
        #expect(mentees.contains("Ковалёва") || mentees.contains("Ковалева"))
        #expect(register.units.contains { $0.mentor?.name.surname == "Павлова" })
        // The HTML-table export in Windows-1251 under an «.xls» name gives the external participants.
        #expect(register.people.contains { $0.name.description == "Назаров Олег Петрович" && $0.category == .parent })
        #expect(counts.partners == 2)
        #expect(register.periods.map(\.key) == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"])
        #expect(register.settings[.shortName] == "МАОУ СОШ № 7 г. Томска")
        #expect(register.academicYear.startYear == 2025)
        #expect(register.roadmap.count == 26)
        #expect(register.roadmap.first?.section == "Организационно-методическое сопровождение деятельности")
        // In the orders: a pair whose members both have valid consents.
        #expect(register.units.contains { OrderRule.decision(for: $0, in: register).included })
    }

    @Test func outputsAreByteIdenticalAcrossRuns() throws {
        let directory = NSTemporaryDirectory() + "nastavnik-sample-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try RegisterWorkbook.write(Self.build(), to: directory + "/a.xlsx")
        try RegisterWorkbook.write(Self.build(), to: directory + "/b.xlsx")
        #expect(FileManager.default.contents(atPath: directory + "/a.xlsx") == FileManager.default.contents(atPath: directory + "/b.xlsx"))
        let first = ReportJSON.render(Self.build(), outputs: [])
        #expect(first == ReportJSON.render(Self.build(), outputs: []))
        #expect((try? JSONSerialization.jsonObject(with: Data(first.utf8))) != nil)
    }
}
