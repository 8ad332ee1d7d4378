import Testing
import SheetIO
@testable import Mentorship

@Suite struct NameTests {
    @Test(arguments: [
        ("Иванов Иван Иванович", "Иванов Иван Иванович", false),
        ("ИВАНОВ иван иванович", "Иванов Иван Иванович", false),
        ("  Петрова-водкина\u{00A0}\u{00A0}Анна  Сергеевна ", "Петрова-Водкина Анна Сергеевна", false),
        ("Мамедов Эльчин Рашид оглы", "Мамедов Эльчин Рашид оглы", false),
        ("Сидоров Пётр", "Сидоров Пётр", false),
        ("Иванoв Иван", "Иванов Иван", true),       // Latin o
        ("KОЗЛОВА Мария", "Козлова Мария", true),   // Latin K
    ])
    func fullNamesAreNormalised(raw: String, expected: String, latin: Bool) {
        let reading = NameNormaliser.readFull(raw)
        #expect(reading.problem == nil)
        #expect(reading.name?.description == expected)
        #expect(reading.replacedLatin == latin)
    }

    @Test(arguments: ["Иванов", "Иванов 2 Иван", "Иванов И.И.", "Иванов Иван #", "Smith John", ""])
    func notNamesAreRejected(raw: String) {
        if raw == "Smith John" {
            #expect(NameNormaliser.readFull(raw).problem == nil) // a Latin name is still a name
        } else {
            #expect(NameNormaliser.readFull(raw).problem != nil)
        }
    }

    @Test func identityKeyFoldsCaseAndYo() {
        let a = NameNormaliser.readFull("Ковалёва Алёна Петровна").name!
        let b = NameNormaliser.readFull("КОВАЛЕВА алена петровна").name!
        #expect(a.key == b.key)
        #expect(a.short == "Ковалёва А.П.")
    }

    @Test func threeColumnNames() {
        let reading = NameNormaliser.readParts(surname: "петрова-водкина", given: " анна", patronymic: "")
        #expect(reading.name == PersonName(surname: "Петрова-Водкина", given: "Анна"))
    }

    @Test(arguments: [
        ("Иванов И.И.", "Иванов", "И", "И"), ("Иванов И. И.", "Иванов", "И", "И"), ("И.И. Иванов", "Иванов", "И", "И"),
        ("Иванов Иван", "Иванов", "Иван", ""), ("иванов", "Иванов", "", ""),
    ])
    func referencesAreParsed(raw: String, surname: String, given: String, patronymic: String) {
        let reference = NameReference.parse(raw).reference
        #expect(reference?.surname == surname)
        #expect(reference?.given == given)
        #expect(reference?.patronymic == patronymic)
    }

    @Test func referencesMatchByGivenParts() {
        let igor = PersonName(surname: "Иванов", given: "Игорь", patronymic: "Петрович")
        let ilya = PersonName(surname: "Иванов", given: "Илья")
        let reference = NameReference.parse("Иванов И.").reference!
        #expect(reference.matches(igor) && reference.matches(ilya))
        #expect(NameReference.parse("Иванов И.П.").reference!.matches(igor))
        #expect(!NameReference.parse("Иванов И.П.").reference!.matches(ilya)) // a given initial must match a part the person has
        #expect(NameReference.parse("Иванов Игорь").reference!.matches(igor)) // an omitted patronymic matches anything
        #expect(!NameReference.parse("Иванов А.").reference!.matches(igor))
        #expect(NameReference.parse("Ковалева Алёна").reference!.matches(PersonName(surname: "Ковалёва", given: "Алена")))
    }
}

@Suite struct DateReadingTests {
    static let pivot = 2023

    @Test(arguments: [
        ("15.09.2022", "2022-09-15"), ("15.9.22", "2022-09-15"), ("15/09/2022", "2022-09-15"), ("2022-09-15", "2022-09-15"),
        ("15 сентября 2022 г.", "2022-09-15"), ("1 марта 2023 года", "2023-03-01"), ("5 мая 2010", "2010-05-05"),
        ("02.09.2025 18:41:07", "2025-09-02"), ("15.09.98", "1998-09-15"), ("15-09-2022", "2022-09-15"),
    ])
    func textForms(text: String, iso: String) {
        #expect(DateReading.read(.text(text), pivotYear: Self.pivot) == .date(CalendarDate(iso: iso)!))
    }

    @Test func cellsAndSerials() {
        #expect(DateReading.read(.temporal(ExcelTemporal(year: 2012, month: 3, day: 14)), pivotYear: 2023) == .date(CalendarDate(iso: "2012-03-14")!))
        #expect(DateReading.read(.number(44819), pivotYear: 2023) == .date(CalendarDate(iso: "2022-09-15")!))
        #expect(DateReading.read(.empty, pivotYear: 2023) == .empty)
        #expect(DateReading.read(.text("  "), pivotYear: 2023) == .empty)
    }

    @Test(arguments: ["31.02.2010", "сегодня", "15.13.2020", "2022-02-30", "12345"])
    func invalidDates(text: String) {
        guard case .invalid = DateReading.read(.text(text), pivotYear: 2023) else {
            Issue.record("\(text) was accepted")
            return
        }
    }

    @Test func ages() {
        let birth = CalendarDate(iso: "2010-09-15")!
        #expect(birth.years(until: CalendarDate(iso: "2024-09-14")!) == 13)
        #expect(birth.years(until: CalendarDate(iso: "2024-09-15")!) == 14)
    }
}

@Suite struct ContactTests {
    @Test(arguments: [("7А", "7А"), ("7 а", "7А"), ("7-А", "7А"), ("7«А»", "7А"), ("7а кл.", "7А"), ("7A", "7А"), ("7", "7"), ("11б", "11Б"), ("10 Б класс", "10Б")])
    func classes(raw: String, expected: String) { #expect(ContactReading.schoolClass(raw) == expected) }

    @Test(arguments: ["12А", "0", "7АБ", "седьмой", "7Z"])
    func invalidClasses(raw: String) { #expect(ContactReading.schoolClass(raw) == nil) }

    @Test(arguments: ["+7 (913) 123-45-67", "8 913 123 45 67", "89131234567", "9131234567", "8-913-123-45-67"])
    func phones(raw: String) { #expect(ContactReading.phone(raw) == "+79131234567") }

    @Test(arguments: ["123-45", "+1 202 555 0100", "звонить маме"])
    func invalidPhones(raw: String) { #expect(ContactReading.phone(raw) == nil) }

    @Test func emails() {
        #expect(ContactReading.email(" Ivanov@School.RU ") == "ivanov@school.ru")
        #expect(ContactReading.email("ivanov@school") == nil)
        #expect(ContactReading.email("ivanov school.ru") == nil)
        #expect(ContactReading.email("a@b@c.ru") == nil)
    }

    @Test func snils() {
        #expect(ContactReading.snils("112-233-445 95") == .valid("112-233-445 95"))
        #expect(ContactReading.snils("11223344595") == .valid("112-233-445 95"))
        guard case .invalid = ContactReading.snils("112-233-445 96") else { Issue.record("bad check number accepted"); return }
        guard case .invalid = ContactReading.snils("112-233-445") else { Issue.record("short number accepted"); return }
    }

    @Test func inn() {
        #expect(ContactReading.inn("7707083893") == .valid("7707083893"))     // an organisation
        #expect(ContactReading.inn("500100732259") == .valid("500100732259")) // a person
        guard case .invalid = ContactReading.inn("7707083894") else { Issue.record("bad check digit accepted"); return }
        guard case .invalid = ContactReading.inn("77070838") else { Issue.record("short number accepted"); return }
    }

    @Test func yesNo() {
        for yes in ["да", "Да", "+", "1", "✓", "есть", "получено", "имеется"] { #expect(ContactReading.yesNo(yes) == true) }
        for no in ["нет", "НЕТ", "-", "−", "0"] { #expect(ContactReading.yesNo(no) == false) }
        #expect(ContactReading.yesNo("может быть") == nil)
    }
}

@Suite struct VocabularyTests {
    @Test(arguments: [
        ("ученик-ученик", MentoringForm.studentStudent), ("У–У", .studentStudent), ("обучающийся – обучающийся", .studentStudent),
        ("педагог – педагог", .teacherTeacher), ("Учитель-учитель", .teacherTeacher), ("студент – обучающийся", .universityStudentStudent),
        ("работодатель – обучающийся", .employerStudent), ("Работодатель - ученик", .employerStudent),
    ])
    func forms(raw: String, form: MentoringForm) { #expect(MentoringForm.parse(raw) == form) }

    @Test func unknownForms() {
        #expect(MentoringForm.parse("учитель – ученик") == nil)
        #expect(MentoringForm.parse("что-то") == nil)
    }

    @Test func categoriesAndRoles() {
        #expect(Category.parse("Обучающийся") == .student)
        #expect(Category.parse("молодой специалист") == .youngSpecialist)
        #expect(Category.parse("Законный представитель") == .parent)
        #expect(Category.parse("инопланетянин") == nil)
        #expect(Role.parse("Наставник") == .mentor)
        #expect(Role.parse("наставляемый") == .mentee)
    }
}

@Suite struct RecognitionTests {
    static func row(_ number: Int, _ texts: [String]) -> Row {
        Row(number: number, cells: texts.map { $0.isEmpty ? .empty : .text($0) })
    }

    @Test func headerBelowTitlesAndKindByRequiredFields() {
        let rows = [Self.row(1, ["Список обучающихся 5–11 классов на 01.09.2025"]), Self.row(3, ["№ п/п", "ФИО", "Дата рождения", "Класс", "Примечание"]),
                    Self.row(4, ["1", "Иванов Иван", "01.01.2012", "7А", ""])]
        let recognition = SheetRecognizer.recognise(rows: rows, sheetName: "Лист1", fileName: "список.xlsx")
        #expect(recognition.kind == .students)
        #expect(recognition.headerRow == 3)
        #expect(recognition.column(of: "class") == 4)
        #expect(recognition.unknownHeaders == ["Примечание"])
        #expect(recognition.missingFields.isEmpty)
    }

    @Test func threeColumnNamesAndMissingRequiredColumn() {
        let rows = [Self.row(1, ["Фамилия", "Имя", "Отчество", "Класс"])]
        let recognition = SheetRecognizer.recognise(rows: rows, sheetName: "Лист1", fileName: "ученики.xlsx")
        #expect(recognition.kind == .students)
        // A pupils' roster is read without birth dates (one warning for the sheet), not skipped.
        #expect(recognition.missingFields.isEmpty)
        #expect(recognition.absentFields == ["birth_date"])
        let staff = SheetRecognizer.recognise(rows: [Self.row(1, ["Фамилия", "Имя", "Отчество", "Стаж"])], sheetName: "Лист1", fileName: "педагоги.xlsx")
        #expect(staff.kind == .staff)
        #expect(staff.missingFields == ["position"])
    }

    @Test func diagnosticsByNumericColumnsAndScales() {
        let rows = [Self.row(1, ["ФИО", "Роль", "Мотивация (1–10)", "Самооценка"]), Self.row(2, ["Иванов И.И.", "наставляемый", "7", "4,5"]),
                    Self.row(3, ["Петров П.П.", "наставник", "9", "5"])]
        let recognition = SheetRecognizer.recognise(rows: rows, sheetName: "2 кв. 2025", fileName: "Диагностика.xlsx")
        #expect(recognition.kind == .diagnostics)
        #expect(recognition.indicators.map(\.name) == ["Мотивация", "Самооценка"])
        #expect(recognition.indicators.first?.scale == 1...10)
    }

    @Test func unknownSheets() {
        let rows = [Self.row(1, ["Расписание", "Кабинет"]), Self.row(2, ["Пн", "12"])]
        let recognition = SheetRecognizer.recognise(rows: rows, sheetName: "Лист2", fileName: "прочее.xlsx")
        #expect(recognition.kind == nil)
        #expect(recognition.firstRowText == ["Расписание", "Кабинет"])
    }

    @Test func mergedHeaderAndMentorCells() {
        let rows = [Self.row(1, ["ФИО", "", "Класс"]), Self.row(2, ["Наставник", "Наставляемый"]), Self.row(3, ["", "Петров П."])]
        let filled = MergedCells.fill(rows, merges: [CellRange(a1: "A1:B1")!, CellRange(a1: "A2:A3")!], headerZone: 1)
        #expect(filled[0].cells == [.text("ФИО"), .text("ФИО"), .text("Класс")])
        #expect(filled[2].cells == [.text("Наставник"), .text("Петров П.")])
    }
}

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2 кв. 2023", "2023-Q2"), ("II квартал 2023", "2023-Q2"), ("2023-Q2", "2023-Q2"), ("15.05.2023", "2023-Q2"),
        ("Диагностика_2кв_2023.xlsx", "2023-Q2"), ("IV квартал 2025", "2025-Q4"), ("II четверть 2022/23", "2022/23-T2"),
        ("3 четверть 2022/2023", "2022/23-T3"),
    ])
    func periodsAreRead(text: String, key: String) {
        #expect(Period.parse(text, pivotYear: 2025)?.key == key)
    }

    @Test func periodsAreOrderedByStart() {
        let periods = [Period.quarter(2023, 2), Period.term(startYear: 2022, number: 3), Period.quarter(2022, 4)].sorted()
        #expect(periods.map(\.key) == ["2022-Q4", "2022/23-T3", "2023-Q2"])
        #expect(Period.term(startYear: 2022, number: 2).end == CalendarDate(iso: "2022-12-31"))
        #expect(Period.parse("Лист1", pivotYear: 2025) == nil)
    }
}

@Suite struct DeadlineTests {
    static let year = AcademicYear(startYear: 2022)

    static func read(_ text: String) -> DeadlineReading.Reading { DeadlineReading.read(text, year: year, pivotYear: 2023) }

    /// The «Сроки» phrases of the school's roadmap (`roadmap-school44.txt`) and the listed forms.
    @Test(arguments: [
        ("15.09.2022", "2022-09-15"), ("До 10.10.2022г", "2022-10-10"), ("До декабря 2022 г", "2022-11-30"),
        ("До конца октября", "2022-10-31"), ("До конца августа", "2023-08-31"), ("Май 2023", "2023-05-31"),
        ("До октября", "2022-09-30"), ("сентябрь", "2022-09-30"), ("До конца сентября 2022", "2022-09-30"),
    ])
    func datedDeadlines(text: String, iso: String) {
        #expect(Self.read(text).deadline == .date(CalendarDate(iso: iso)!))
    }

    @Test func rules() {
        #expect(Self.read("В течение всего периода реализации ЦМН").deadline == .continuous(CalendarDate(iso: "2023-08-31")!))
        #expect(Self.read("В течение года").deadline == .continuous(CalendarDate(iso: "2023-08-31")!))
        #expect(Self.read("1 раз в квартал").deadline == .quarterly)
        #expect(Self.read("По отдельному графику").deadline == .separateSchedule)
        #expect(Self.read("").deadline == .none)
        #expect(Self.read("когда получится").deadline == .none)
    }

    @Test func deadlinesBeforeTheAcademicYearAreDropped() {
        let reading = Self.read("До мая 2022")
        #expect(reading.deadline == .none)
        #expect(reading.outOfYear == CalendarDate(iso: "2022-04-30"))
    }

    @Test func academicYears() {
        #expect(AcademicYear(text: "2022/2023")?.startYear == 2022)
        #expect(AcademicYear(text: "2022–23 учебный год")?.startYear == 2022)
        #expect(AcademicYear(containing: CalendarDate(iso: "2023-05-31")!).startYear == 2022)
        #expect(AcademicYear(containing: CalendarDate(iso: "2023-09-01")!).startYear == 2023)
    }
}
