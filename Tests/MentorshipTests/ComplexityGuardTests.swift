import Foundation
import Testing
@testable import Mentorship

/// The cost of a build grows linearly with its inbox: a synthetic school is built, with every output
/// written, at two sizes, and each counted step (``OperationCounter``) may grow at most a little faster
/// than the inbox (sorting adds a logarithm). Counting, not timing, so the machine's speed cannot matter.
@Suite struct ComplexityGuardTests {
    static let asOf = CalendarDate(iso: "2026-04-15")!

    /// A school of `pupils` pupils (grades 5–11), a teacher per 20 pupils, employers of partner organisations,
    /// pairs and groups with start dates, consents for all, and three quarters of wide diagnostics. Surnames,
    /// given names and patronymics come from small pools, so that names repeat as in a real school, while
    /// full names stay unique; references are full names.
    static func writeSchool(pupils: Int, to folder: String) throws {
        let syllables = ["Ал", "Бор", "Вес", "Гор", "Дуб", "Ер", "Жук", "Зим"], endings = ["ов", "ин", "ев", "ский", "цов"]
        let surnames = syllables.flatMap { s in endings.map { s + $0 } }                 // 40
        let givens = ["Иван", "Пётр", "Олег", "Глеб", "Лев", "Марк", "Ян", "Юрий"].flatMap { g in ["", "ислав", "ат", "ий", "ен"].map { g + $0 } } // 40
        func name(_ index: Int) -> String {
            "\(surnames[index % 40]) \(givens[index / 40 % 40]) \(givens[index / 1600 % 40])ович"
        }
        var students = ["ФИО;Дата рождения;Класс"], staff = ["ФИО;Должность;Дата рождения"], external = ["ФИО;Категория;Организация;Дата рождения"]
        var partners = ["Наименование организации;ИНН;Номер соглашения;Дата соглашения"]
        func inn(_ index: Int) -> String {
            let digits = Array(String(format: "70%07d", index)).map { Int(String($0))! }
            let check = zip(digits, [2, 4, 10, 3, 5, 9, 4, 6, 8]).map { $0 * $1 }.reduce(0, +) % 11 % 10
            return digits.map(String.init).joined() + String(check)
        }
        var person = 0
        var pupilsByGrade: [Int: [String]] = [:]
        for index in 0..<pupils {
            let grade = 5 + index % 7
            let full = name(person); person += 1
            pupilsByGrade[grade, default: []].append(full)
            students.append("\(full);\(String(format: "%02d", 1 + index % 28)).03.\(2025 - grade - 7);\(grade)\(["А", "Б", "В"][index / 7 % 3])")
        }
        var teachers: [String] = []
        for _ in 0..<max(2, pupils / 20) {
            let full = name(person); person += 1
            teachers.append(full)
            staff.append("\(full);учитель;01.02.1980")
        }
        var employers: [String] = []
        for index in 0..<max(2, pupils / 50) {
            let full = name(person); person += 1
            employers.append(full)
            partners.append("Партнёр-\(index) «Мастерская»;\(inn(index));С-\(index);15.01.2025")
            external.append("\(full);работодатель;ООО «Партнёр-\(index) «Мастерская»»;01.02.1985")
        }
        var pairs = ["№ пары / группы;Наставник;Наставляемый;Форма наставничества;Дата начала"]
        var unit = 0
        let mentors = (8...11).flatMap { pupilsByGrade[$0] ?? [] }, mentees = (5...7).flatMap { pupilsByGrade[$0] ?? [] }
        var members: [String] = []
        for (index, mentor) in mentors.prefix(mentees.count / 2).enumerated() {
            unit += 1
            for mentee in mentees[(index * 2)..<(index * 2 + (index % 4 == 0 ? 2 : 1))] {
                pairs.append("\(unit);\(mentor);\(mentee);ученик – ученик;15.09.2025")
                members += [mentor, mentee]
            }
        }
        for index in stride(from: 1, to: teachers.count, by: 2) {
            unit += 1
            pairs.append("\(unit);\(teachers[index - 1]);\(teachers[index]);учитель – учитель;15.09.2025")
            members += [teachers[index - 1], teachers[index]]
        }
        for (index, employer) in employers.enumerated() where index < mentees.count {
            unit += 1
            pairs.append("\(unit);\(employer);\(mentees[mentees.count - 1 - index]);работодатель – ученик;15.09.2025")
            members += [employer, mentees[mentees.count - 1 - index]]
        }
        var seen = Set<String>()
        let participants = members.filter { seen.insert($0).inserted }
        let consents = ["ФИО;Дата согласия;Кем дано"] + participants.map { "\($0);10.09.2025;законный представитель" }
        var files = ["students.csv": students, "staff.csv": staff, "external.csv": external, "partners.csv": partners,
                     "pairs.csv": pairs, "consents.csv": consents]
        for (number, quarter) in ["3 кв. 2025", "4 кв. 2025", "1 кв. 2026"].enumerated() {
            files["diagnostics\(number).csv"] = ["ФИО;Период;Мотивация (1–10);Самооценка (1–10)"]
                + participants.enumerated().map { "\($1);\(quarter);\(3 + ($0 + number) % 8);\(2 + $0 % 9)" }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (file, lines) in files { try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/" + file)) }
    }

    /// Builds the school and writes every output, counting.
    static func measure(pupils: Int) throws -> (counts: [OperationCounter.Step: Int], rows: Int) {
        let root = NSTemporaryDirectory() + "nastavnik-complexity-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeSchool(pupils: pupils, to: root + "/inbox")
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        var rows = 0
        let counts = try OperationCounter.measure {
            let register = RegisterBuilder(inbox: root + "/inbox", excluded: nil, asOf: asOf).build()
            rows = register.reconciliation.rowsRead
            try RegisterWorkbook.write(register, to: root + "/out/register.xlsx")
            try DiagnosticsWorkbook.write(register, to: root + "/out/diagnostics.xlsx")
            _ = try RegionalUpload.write(register, to: root + "/out")
            _ = try OrderDrafts.write(register, to: root + "/out", templates: .init(pairs: nil, plans: nil))
            _ = ReportJSON.render(register, outputs: [])
        }
        return (counts, rows)
    }

    @Test func everyCountedStepGrowsLinearly() throws {
        let small = try Self.measure(pupils: 600), large = try Self.measure(pupils: 2400)
        let growth = Double(large.rows) / Double(small.rows)
        #expect(growth > 3.5 && growth < 4.5, "the inbox grows fourfold: \(small.rows) → \(large.rows) rows")
        // The school is CSV: no merged cells (their fill is bounded by `MalformedMergeTests`).
        for step in OperationCounter.Step.allCases where step != .mergeFillCell {
            let before = small.counts[step] ?? 0, after = large.counts[step] ?? 0
            #expect(before > 0, "the synthetic school exercises \(step)")
            // Linear growth gives about 4×, n log n a little more; a scan inside a loop gives 16×.
            #expect(Double(after) <= Double(before) * growth * 1.35, "\(step): \(before) → \(after) for \(small.rows) → \(large.rows) rows")
        }
    }
}
