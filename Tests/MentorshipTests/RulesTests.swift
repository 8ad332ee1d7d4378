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

/// Indicators that follow the one rule of their definition.
@Suite struct IndicatorRuleTests {
    static func indicator(_ register: Register, _ id: String) throws -> Indicator {
        try #require(register.indicators.first { $0.id == id })
    }

    /// `partners_with_mentors`: employer mentors matched either way (the partner's name in the organisation's, or
    /// the organisation's in the partner's); a parent's workplace does not make a partner provide mentors.
    @Test func partnersWithMentorsMatchesBothWaysAndOnlyEmployers() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "external.csv": """
        ФИО;Категория;Организация
        Орлов Денис Сергеевич;работодатель;ООО «Ромашка» (филиал)
        Зайцева Ольга Ивановна;работодатель;Лютик
        Волков Павел Андреевич;родитель;АО «Василёк»
        Белкин Иван Иванович;работодатель;МБУ «Берёзка»
        """, "partners.csv": """
        Наименование организации;ИНН;Номер соглашения;Дата соглашения
        Ромашка;7707083893;1;01.09.2025
        ООО «Лютик и партнёры»;7736050003;2;01.09.2025
        АО «Василёк»;7702070139;3;01.09.2025
        Берёзка;7708004767;4;01.09.2025
        """, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества
        1;Орлов Д.С.;Иванов Илья;работодатель – ученик
        2;Зайцева О.И.;Смирнова Анна;работодатель – ученик
        3;Волков П.А.;Кузнецов Пётр;работодатель – ученик
        4;Белкин И.И.;Иванов Игорь;работодатель – ученик
        """])
        let indicator = try Self.indicator(register, "partners_with_mentors")
        #expect(indicator.denominator == 4)
        #expect(indicator.numerator == 3)   // Ромашка, Лютик, Берёзка; not Василёк
        #expect(register.units.filter(\.isValid).count == 4)
    }

    /// `plans_done` counts valid units only; completion from the pairs table where there is no plans file.
    @Test func plansDoneCountsValidUnitsOnly() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества;Выполнение плана, %
        1;Смирнова А.О.;Иванов Илья;ученик – ученик;95
        2;Нетов Н.Н.;Кузнецов Пётр;ученик – ученик;50
        """])
        let indicator = try Self.indicator(register, "plans_done")
        #expect(indicator.denominator == 1 && indicator.numerator == 1)
    }
}

/// The tool's own outputs found in an inbox are skipped with an info issue naming them.
@Suite struct OwnOutputTests {
    @Test func ownOutputsAreNotInputs() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "register.xlsx": "not read", "diagnostics.xlsx": "not read",
                                             "regional-2025.xlsx": "not read", "report.json": "{}", "прошлый/report.json": "{}",
                                             "прошлый/register.xlsx": "not read"])
        let skipped = RulesTests.codes(register, .ownOutputSkipped)
        #expect(skipped.map(\.file).sorted() == ["diagnostics.xlsx", "regional-2025.xlsx", "register.xlsx", "report.json", "прошлый"])
        #expect(skipped.allSatisfy { $0.severity == .info && $0.message.contains("не прочитан") })
        #expect(register.issues.filter { $0.code == .fileUnreadable || $0.code == .fileSkipped }.isEmpty)
        #expect(register.inputs.filter { $0.status == .skipped }.count == 5)
    }
}

/// A sheet of strangers is one issue, not one per row.
@Suite struct PeopleFloodTests {
    static func strangers(_ count: Int) -> [String] {
        let stems = ["Бар", "Вер", "Гор", "Дор", "Жар"], endings = ["ов", "ин", "ев", "ан", "ук"]
        return (0..<count).map { "\(stems[$0 / 5 % 5])\(endings[$0 % 5])\($0 >= 25 ? "ский" : "") Пётр Ильич" }
    }

    static func attendance(_ names: [String]) -> String {
        (["ФИО;Мероприятие"] + names.map { "\($0);Олимпиада по математике" }).joined(separator: "\n")
    }

    @Test func aSheetOfStrangersIsOneWarning() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students,
                                             "олимпиада.csv": Self.attendance(Self.strangers(25) + ["Смирнова Анна Олеговна", "Кузнецов Пётр Ильич"])])
        let flood = RulesTests.codes(register, .sheetPeopleUnknown)
        #expect(flood.count == 1)
        #expect(flood.first?.cell == nil && flood.first?.severity == .warning)
        #expect(flood.first?.value == Self.strangers(5).joined(separator: ", "))
        #expect(flood.first?.message.contains("25 строк") == true)
        #expect(RulesTests.codes(register, .personNotFound).isEmpty)
        #expect(register.reconciliation.holds && register.reconciliation.rowsRejected == 25)
        #expect(register.attendance.count == 2)
    }

    @Test func belowTheThresholdEachRowIsReported() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "олимпиада.csv": Self.attendance(Self.strangers(19))])
        #expect(RulesTests.codes(register, .sheetPeopleUnknown).isEmpty)
        #expect(RulesTests.codes(register, .personNotFound).count == 19)
    }
}

/// Recognition chooses a kind only by its own identifying headers.
@Suite struct KindIdentityTests {
    @Test func aTimetableIsNotAPairsTable() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "расписание.csv": """
        День;Урок;Начало;Окончание;Кабинет
        Понедельник;1;08:30;09:15;12
        Понедельник;2;09:25;10:10;12
        """, "звонки.csv": """
        №;Начало;Окончание;Перемена
        1;08:30;09:15;10 мин
        2;09:25;10:10;20 мин
        """])
        #expect(RulesTests.codes(register, .headerMissing).isEmpty)
        #expect(RulesTests.codes(register, .sheetUnrecognised).map(\.file).sorted() == ["звонки.csv", "расписание.csv"])
        #expect(RulesTests.codes(register, .sheetUnrecognised).allSatisfy { $0.severity == .warning })
    }

    @Test func genericHeadersStillMapColumnsOfAChosenKind() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "pairs.csv": """
        №;Наставник;Наставляемый;Начало;Окончание
        1;Смирнова А.О.;Иванов Илья;01.09.2025;31.05.2026
        """])
        #expect(register.units.first?.start == CalendarDate(iso: "2025-09-01"))
        #expect(register.units.first?.end == CalendarDate(iso: "2026-05-31"))
    }
}

/// Vocabulary values: normalised, a combined spelling split, accepted when its parts mean one value.
@Suite struct VocabularyRuleTests {
    @Test func combinedSpellingsMeaningOneValueAreAccepted() {
        #expect(Category.parse("родитель (законный представитель)") == .parent)
        #expect(Category.parse("Родитель / законный представитель") == .parent)
        #expect(Category.parse("обучающийся (ученик)") == .student)
        #expect(Category.parse("  ВЫПУСКНИК, выпускница ") == .graduate)
        #expect(Category.parse("студент или выпускник") == nil)
        #expect(Category.parse("космонавт") == nil)
        #expect(Role.parse("наставник (хочу быть наставником)") == .mentor)
        #expect(Role.parse("наставник или наставляемый") == nil)
        #expect(MentoringForm.parse("ученик – ученик (У–У)") == .studentStudent)
        #expect(MentoringForm.parse("ученик/ученик") == .studentStudent)
        #expect(ContactReading.yesNo("да (получено)") == true)
        #expect(ContactReading.yesNo("да / нет") == nil)
    }

    @Test func aRosterCategoryWithTwoMeaningsIsUnknown() throws {
        let register = try RulesTests.build(["external.csv": """
        ФИО;Категория
        Орлов Денис Сергеевич;родитель (законный представитель)
        Зайцева Ольга Ивановна;студент или выпускник
        """])
        #expect(RulesTests.codes(register, .categoryUnknown).map(\.cell) == ["B3"])
        #expect(register.people.first { $0.name.surname == "Орлов" }?.category == .parent)
    }
}

/// Attendance: who an event is for, from the event cell, the sheet name and the title lines.
@Suite struct AttendanceRuleTests {
    static let pairs = """
    № пары;Наставник;Наставляемый;Форма наставничества
    1;Смирнова А.О.;Иванов Илья;ученик – ученик
    """

    static func indicator(_ register: Register, event: String) throws -> Indicator {
        try #require(register.indicators.first { $0.event?.hasPrefix(event) == true })
    }

    @Test func gradesNamedInTheTitleLines() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "явка.csv": """
        Классный час для 5–7 классов
        ФИО;Мероприятие;Присутствовал
        Иванов Илья Петрович;Классный час «Профессии»;да
        """])
        let indicator = try Self.indicator(register, event: "Классный час")
        #expect(indicator.id == "attendance_class_hour")
        #expect(indicator.denominator == 2 && indicator.numerator == 1)   // 7А and 6В
    }

    @Test func theClosingBusinessGameExpectsAllParticipants() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "pairs.csv": Self.pairs, "явка.csv": """
        ФИО;Мероприятие;Присутствовал
        Иванов Илья Петрович;Деловая игра участников программы;да
        """])
        let indicator = try Self.indicator(register, event: "Деловая игра")
        #expect(indicator.id == "attendance_final_game")
        #expect(indicator.denominator == register.participants.count && indicator.denominator == 2 && indicator.numerator == 1)
    }

    @Test func theListIsTheGroupOnlyWhenNoneIsNamed() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "явка.csv": """
        ФИО;Мероприятие;Присутствовал
        Иванов Илья Петрович;Экскурсия на завод для 9–10 классов;да
        Кузнецов Пётр Ильич;Экскурсия в музей;да
        """])
        #expect(try Self.indicator(register, event: "Экскурсия на завод").denominator == 2)   // 9Б and 10А
        #expect(try Self.indicator(register, event: "Экскурсия в музей").denominator == 1)    // the list itself
    }
}

/// Remarks in correct Russian: no name declined, both sides of a conflict named.
@Suite struct RemarkTests {
    @Test func aConflictNamesBothValuesAndBothCells() throws {
        let register = try RulesTests.build(["students.csv": """
        ФИО;Дата рождения;Класс
        Иванов Илья Петрович;01.02.2012;7А
        Иванов Илья Петрович;01.02.2012;8Б
        """])
        let conflict = try #require(RulesTests.codes(register, .personConflict).first)
        #expect(conflict.cell == "C3" && conflict.value == "8Б")
        #expect(conflict.message == "Иванов И.П.: Класс здесь «8Б», а в students.csv!students!C2 — «7А»")
    }

    @Test func aPupilWhoSignedHerselfIsNotDeclined() throws {
        let register = try RulesTests.build(["students.csv": PipelineTests.students, "consents.csv": """
        ФИО;Дата согласия;Кем дано
        Иванов Илья Петрович;01.09.2025;сам
        """])
        let issue = try #require(RulesTests.codes(register, .consentWrongSigner).first)
        #expect(issue.person == "Иванов Илья Петрович")
        #expect(issue.message == "на дату согласия — 13 лет: согласие даёт законный представитель")
    }
}
