import Foundation
import Testing
@testable import Mentorship

/// The domain rules of `Rules/`, each declared once: the behaviour the review found drifting between copies.
@Suite struct RulesTests {
    static func build(_ files: [String: String], asOf: CalendarDate = PipelineTests.asOf) throws -> Register {
        let inbox = NSTemporaryDirectory() + "nastavnik-rules-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for (name, text) in files {
            let path = inbox + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return RegisterBuilder(inbox: inbox, excluded: nil, asOf: asOf).build()
    }

    static func codes(_ register: Register, _ code: IssueCode) -> [Mentorship.Issue] { register.issues.filter { $0.code == code } }

    /// Recognition and reading use one key table: a sheet keyed «ФИО директора», «Субъект РФ» is the settings.
    @Test func settingsSynonymsAreRecognisedAndRead() throws {
        let register = try Self.build(["settings.csv": """
        ФИО директора;Петров Пётр Петрович
        Субъект РФ;Томская область
        Краткое наименование ОО;МАОУ СОШ № 1
        """])
        #expect(Self.codes(register, .sheetUnrecognised).isEmpty)
        #expect(register.settings[.director] == "Петров Пётр Петрович")
        #expect(register.settings[.region] == "Томская область")
        #expect(register.settings[.shortName] == "МАОУ СОШ № 1")
    }
}

/// Every date field goes through one rule: a value that is not a date is `DATE_INVALID` at its cell.
@Suite struct DateFieldTests {
    @Test func everyDateFieldReportsAnInvalidDate() throws {
        let base = try RulesTests.build(Self.files(withdrawal: ""))
        let register = try RulesTests.build(Self.files(withdrawal: "31.02.2025"))
        let invalid = RulesTests.codes(register, .dateInvalid).map { "\($0.file)!\($0.cell ?? "")!\($0.field ?? "")" }.sorted()
        #expect(invalid == ["attendance.csv!C2!date", "consents.csv!C3!withdrawal_date", "diagnostics.csv!B2!diagnostic_date",
                            "partners.csv!D2!agreement_date", "staff.csv!C2!teaching_start"])
        // The consent whose withdrawal cannot be read is not relied on: the consents indicator drops.
        func consents(_ register: Register) -> Int? { register.indicators.first { $0.id == "consents" }?.numerator }
        #expect(consents(register) == (consents(base) ?? 0) - 1)
        #expect(register.reconciliation.holds)
    }

    static func files(withdrawal: String) -> [String: String] {
        ["students.csv": PipelineTests.students, "staff.csv": """
        ФИО;Должность;Дата начала педагогической деятельности
        Петрова Анна Ивановна;учитель;31.02.2020
        """, "partners.csv": """
        Наименование организации;ИНН;Номер соглашения;Дата соглашения
        ООО «Ромашка»;7017123456;12;31.02.2025
        """, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества
        1;Смирнова А.О.;Иванов Илья;ученик – ученик
        """, "consents.csv": """
        ФИО;Дата согласия;Дата отзыва;Кем дано
        Смирнова Анна Олеговна;01.09.2025;;законный представитель
        Иванов Илья Петрович;01.09.2025;\(withdrawal);законный представитель
        """, "diagnostics.csv": """
        ФИО;Дата диагностики;Мотивация (1–10)
        Смирнова Анна Олеговна;31.02.2025;7
        """, "attendance.csv": """
        ФИО;Мероприятие;Дата
        Смирнова Анна Олеговна;Педсовет;31.02.2025
        """]
    }
}

/// The roadmap's one boundary: a deadline is the last allowed day.
@Suite struct RoadmapRuleTests {
    @Test func statusIsOneOfFourAndTheBoundaryIsInclusive() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "roadmap.csv": """
        Мероприятие;Сроки;Отметка о выполнении
        Срок сегодня, не выполнено;До 10.10.2025;
        Срок вчера, не выполнено;До 09.10.2025;
        Срок вчера, выполнено;До 09.10.2025;выполнено
        По графику;По отдельному графику;
        Ежеквартально;1 раз в квартал;
        Ежеквартально, выполнено;1 раз в квартал;выполнено
        """, "diagnostics.csv": """
        ФИО;Дата диагностики;Мотивация (1–10)
        Смирнова Анна Олеговна;15.09.2025;7
        """], asOf: CalendarDate(iso: "2025-10-10")!)
        let statuses = register.roadmap.map(\.status)
        #expect(statuses == [.onTime, .overdue, .done, .noDeadline, .overdue, .done])
        #expect(RulesTests.codes(register, .roadmapOverdue).map(\.cell) == ["B3", "B6"])
        // Due by the as-of date: today's, yesterday's two and the two recurring (2025-Q3 has ended); done: two of them.
        let indicator = try #require(register.indicators.first { $0.id == "roadmap_done" })
        #expect(indicator.denominator == 5 && indicator.numerator == 2)
    }
}
