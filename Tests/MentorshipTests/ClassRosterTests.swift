import Foundation
import SheetIO
import Testing
@testable import Mentorship

/// The class of a sheet: its name or a title line above the header (`inputs.md`, «Rosters as schools export them»).
@Suite struct SheetClassTests {
    static func row(_ number: Int, _ texts: [String]) -> Row { RecognitionTests.row(number, texts) }

    @Test func sheetNamesThatAreClasses() {
        #expect(SheetClass.named("1 А") == "1А")
        #expect(SheetClass.named("5-Б") == "5Б")
        #expect(SheetClass.named("11Б класс") == "11Б")
        #expect(SheetClass.named("7 «В»") == "7В")
        #expect(SheetClass.named("5 A") == "5А")          // a Latin look-alike
        #expect(SheetClass.named("7 класс") == "7")
        #expect(SheetClass.named("1") == nil)             // a sheet number, not a class
        #expect(SheetClass.named("Лист1") == nil)
        #expect(SheetClass.named("Согласия 7А") == nil)
        #expect(SheetClass.named("12 А") == nil)
    }

    @Test func titleLinesThatNameAClass() {
        #expect(SheetClass.titled("Список обучающихся 7 Б класса") == "7Б")
        #expect(SheetClass.titled("Список обучающихся 7-Б класса на 01.09.2025") == "7Б")
        #expect(SheetClass.titled("Класс: 7Б") == "7Б")
        #expect(SheetClass.titled("обучающиеся 10 кл.") == "10")
        #expect(SheetClass.titled("7 «Б» класс") == "7Б")
        #expect(SheetClass.titled("Список обучающихся 5–11 классов на 01.09.2022") == nil)
        #expect(SheetClass.titled("Классный руководитель: Иванова А.А.") == nil)
        #expect(SheetClass.titled("МБОУ СОШ № 5") == nil)
    }

    @Test func aSheetNamedAfterAClassIsARosterWithOnlyItsNameColumns() {
        let fullName = SheetRecognizer.recognise(rows: [Self.row(1, ["№", "ФИО"]), Self.row(2, ["1", "Иванов Иван Иванович"])],
                                                 sheetName: "5 Б", fileName: "выгрузка.xlsx")
        #expect(fullName.kind == .students)
        #expect(fullName.missingFields.isEmpty)
        #expect(fullName.absentFields == ["birth_date", "class"])
        #expect(fullName.sheetClass == "5Б")
        let threeColumns = SheetRecognizer.recognise(rows: [Self.row(1, ["Фамилия", "Имя", "Отчество"])], sheetName: "11Б класс", fileName: "Сотрудники.xlsx")
        #expect(threeColumns.kind == .students)
        #expect(threeColumns.sheetClass == "11Б")
        // Not named after a class: one name column is no table, as before.
        #expect(SheetRecognizer.recognise(rows: [Self.row(1, ["№", "ФИО"])], sheetName: "Лист1", fileName: "выгрузка.xlsx").kind == nil)
    }

    @Test func theClassComesFromATitleAndAColumnWins() {
        let titled = SheetRecognizer.recognise(rows: [Self.row(1, ["Список обучающихся 7 Б класса"]), Self.row(3, ["Фамилия", "Имя", "Отчество", "Пол"])],
                                               sheetName: "Лист2", fileName: "список.xlsx")
        #expect(titled.kind == .students && titled.headerRow == 3 && titled.sheetClass == "7Б")
        let column = SheetRecognizer.recognise(rows: [Self.row(1, ["ФИО", "Дата рождения", "Класс"])], sheetName: "5 А", fileName: "список.xlsx")
        #expect(column.sheetClass == nil && column.absentFields.isEmpty)
        let nowhere = SheetRecognizer.recognise(rows: [Self.row(1, ["Фамилия", "Имя", "Отчество", "Пол"])], sheetName: "Лист1", fileName: "список.xlsx")
        #expect(nowhere.kind == .students && nowhere.sheetClass == nil && nowhere.missingFields.isEmpty)
        // No class, no birth date and nothing that says pupils: not read as a pupils' list (a staff list without «Должность»?).
        let unclear = SheetRecognizer.recognise(rows: [Self.row(1, ["ФИО", "Телефон", "Email"])], sheetName: "Лист1", fileName: "список.xlsx")
        #expect(unclear.missingFields == ["birth_date", "class"])
        let saysPupils = SheetRecognizer.recognise(rows: [Self.row(1, ["ФИО", "Телефон", "Email"])], sheetName: "Лист1", fileName: "Контингент.xlsx")
        #expect(saysPupils.kind == .students && saysPupils.missingFields.isEmpty)
    }
}

/// The class-per-sheet roster of an e-journal export end to end (`Tests/Fixtures/rosters/class-per-sheet`,
/// made by `scripts/make_roster_fixtures.py`): 44 class sheets, a title-only sheet, a sheet with no class.
@Suite struct ClassRosterInboxTests {
    static let inbox: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.path + "/Fixtures/rosters/class-per-sheet"
    }()
    static let asOf = CalendarDate(iso: "2026-05-29")!
    static let roster = "Контингент_ЭлЖур.xlsx"
    static let register = RegisterBuilder(inbox: inbox, excluded: nil, asOf: asOf).build()

    var register: Register { Self.register }
    var pupils: [Person] { register.people.filter { $0.category == .student } }
    func issues(_ code: IssueCode) -> [Mentorship.Issue] { register.issues.filter { $0.code == code } }

    @Test func everyPupilIsReadAndCounted() throws {
        #expect(register.reconciliation.holds)
        #expect(register.reconciliation.rowsRead == 136 + 4 + 3)   // pupils, pairs, consents: the repeated header is not a row
        #expect(pupils.count == 136)
        #expect(pupils.allSatisfy { !$0.rejected })
        let input = try #require(register.inputs.first { $0.file == Self.roster })
        #expect(input.sheets.count == 46)
        #expect(input.sheets.allSatisfy { $0.kind == .students && $0.status == .read })
        #expect(input.sheets.map(\.rows).reduce(0, +) == 136)
        #expect(issues(.headerMissing).isEmpty && issues(.valueRequired).isEmpty)
        let fromStudents = try #require(register.indicators.first { $0.id == "mentors_from_students" })
        #expect(fromStudents.denominator == 136)
    }

    @Test func classesComeFromTheSheetNamesAndTitles() throws {
        func classes(of sheet: String) -> Set<String?> { Set(pupils.filter { $0.origin.sheet == sheet }.map(\.schoolClass)) }
        #expect(classes(of: "1 А") == ["1А"])
        #expect(classes(of: "5-Б") == ["5Б"])
        #expect(classes(of: "11В класс") == ["11В"])
        #expect(classes(of: "2 А") == ["2А"])              // one name column (ФИО)
        #expect(classes(of: "Прибывшие") == ["7Б"])         // «Список обучающихся 7 Б класса»
        #expect(classes(of: "Выбывшие") == [nil])
        let byClass = Dictionary(grouping: pupils.compactMap(\.schoolClass), by: { $0 }).mapValues(\.count)
        #expect(byClass.count == 44)
        #expect(byClass["7Б"] == 5)
        // The class narrows references: the pair naming «5А» resolves to the pupil of 5А.
        let first = try #require(register.units.first { $0.number == "1" })
        #expect(first.mentees.first?.schoolClass == "5А")
        // Контингент shows every pupil with the class.
        let folder = NSTemporaryDirectory() + "nastavnik-class-roster-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try RegisterWorkbook.write(register, to: folder + "/register.xlsx")
        let workbook = try XLSXReader(path: folder + "/register.xlsx")
        let sheet = try #require(workbook.sheets.first { $0.name == "Контингент" })
        let reader = try workbook.rows(ofSheet: sheet.index)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        let header = rows[0].cells.map(CellText.text)
        let nameColumn = try #require(header.firstIndex(of: "ФИО")) + 1, classColumn = try #require(header.firstIndex(of: "Класс / Должность")) + 1
        let shown = rows.dropFirst().map { (CellText.text($0[column: nameColumn]), CellText.text($0[column: classColumn])) }
        #expect(shown.count == 136)
        #expect(shown.filter { $0.1.isEmpty }.count == 2)   // «Выбывшие»
        #expect(Set(shown.filter { $0.0 == "Иванов Иван Иванович" }.map(\.1)) == ["5А", "8Б"])
    }

    @Test func oneWarningPerSheet() {
        let birth = issues(.birthDatesMissing)
        #expect(birth.count == 46)
        #expect(Set(birth.compactMap(\.sheet)).count == 46)
        #expect(birth.allSatisfy { $0.severity == .warning && $0.cell == nil && $0.file == Self.roster })
        #expect(issues(.classMissing).map(\.sheet) == ["Выбывшие"])
        #expect(issues(.classMissing).first?.severity == .warning)
    }

    @Test func aHeaderRepeatedInTheDataIsNotAPupil() {
        #expect(issues(.rowDuplicate).contains { $0.sheet == "6 А" && $0.cell == "A4" && $0.severity == .info })
        #expect(!pupils.contains { $0.name.surname == "Фамилия" })
        #expect(pupils.filter { $0.origin.sheet == "6 А" }.count == 3)
    }

    @Test func namesakesInDifferentClassesAreTwoPeople() {
        let namesakes = pupils.filter { $0.name.description == "Иванов Иван Иванович" }
        #expect(namesakes.map(\.schoolClass).sorted { ($0 ?? "") < ($1 ?? "") } == ["5А", "8Б"])
        #expect(Set(namesakes.map(\.id)).count == 2)
        // Without a class beside the name, the reference is ambiguous.
        #expect(issues(.personAmbiguous).map(\.cell) == ["C4"])
        // Everyone else keeps the ID of name and category: no class in it.
        let other = pupils.first { $0.name.description != "Иванов Иван Иванович" }!
        #expect(other.identityKey == other.name.key + "|student")
    }

    @Test func consentOfAPupilOfUnknownAgeNeedsALegalRepresentative() {
        let wrong = issues(.consentWrongSigner)
        #expect(wrong.map(\.cell) == ["D3", "D4"])         // signed «сам» by pupils with no birth date
        #expect(wrong.allSatisfy { $0.message.contains("дата рождения") && $0.message.contains("законный представитель") })
        let missing = issues(.consentMissing)
        #expect(missing.count == 4)
        #expect(missing.allSatisfy { $0.message.contains("законного представителя") })
        let consents = register.indicators.first { $0.id == "consents" }
        #expect(consents?.numerator == 1)                  // the one given by a legal representative
    }

    @Test func theIndicatorCountsGrades5To11As10To18() throws {
        let indicator = try #require(register.indicators.first { $0.id == "students_10_18_involved" })
        #expect(indicator.denominator == 7 * 4 * 3 + 2)   // grades 5–11, and the two of «Прибывшие» (7Б)
        #expect(indicator.numerator == 6)                  // four mentors of grades 8–11, mentees of 5А and 7Б; not the 3А mentee
        #expect(indicator.definition.contains("5–11 классы"))
        #expect(indicator.definition.contains("без даты рождения и класса (2 чел.) не учтены"))
    }
}

/// Identity without birth dates: the merge decision and IDs that survive September.
@Suite struct ClassRosterIdentityTests {
    static func build(_ files: [String: String], asOf: String) throws -> Register {
        let inbox = NSTemporaryDirectory() + "nastavnik-identity-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: inbox + "/" + name)) }
        return RegisterBuilder(inbox: inbox, excluded: nil, asOf: CalendarDate(iso: asOf)!).build()
    }

    static let header = "Фамилия;Имя;Отчество;Пол\n"

    @Test func idsDoNotChangeWhenTheClassesMoveUpInSeptember() throws {
        let may = try Self.build(["5 А.csv": Self.header + "Иванов;Иван;Иванович;м\nПетрова;Анна;Сергеевна;ж\n",
                                  "8-Б.csv": Self.header + "Иванов;Иван;Иванович;м\n"], asOf: "2026-05-29")
        let september = try Self.build(["6 А.csv": Self.header + "Иванов;Иван;Иванович;м\nПетрова;Анна;Сергеевна;ж\n",
                                        "9-Б.csv": Self.header + "Иванов;Иван;Иванович;м\n"], asOf: "2026-09-15")
        func ids(_ register: Register) -> [String: String] {
            Dictionary(uniqueKeysWithValues: register.people.map { ($0.name.surname + ($0.schoolClass?.last.map(String.init) ?? ""), $0.id) })
        }
        #expect(may.people.count == 3 && september.people.count == 3)
        #expect(ids(may) == ids(september))
        #expect(Set(may.people.map(\.id)).count == 3)
    }

    @Test func aRowWithoutAClassJoinsTheOneNamesakeItCanBe() throws {
        let register = try Self.build(["5 А.csv": Self.header + "Иванов;Иван;Иванович;м\n",
                                       "Лист1.csv": Self.header + "Иванов;Иван;Иванович;м\nПетров;Пётр;Петрович;м\n",
                                       "6 В.csv": Self.header + "Петров;Пётр;Петрович;м\n"], asOf: "2026-05-29")
        // «Лист1» (no class, read last): each of its pupils is the one namesake of a class sheet.
        #expect(register.people.count == 2)
        #expect(Set(register.people.compactMap(\.schoolClass)) == ["5А", "6В"])
        #expect(register.reconciliation.rowsMerged == 2 && register.reconciliation.holds)
    }

    @Test func theClassOfAReferringSheetNarrowsItsNames() throws {
        let register = try Self.build(["5 А.csv": Self.header + "Иванов;Иван;Иванович;м\n",
                                       "8-Б.csv": Self.header + "Иванов;Иван;Иванович;м\n",
                                       "8 Б.csv": "ФИО;Дата согласия;Кем дано\nИванов Иван Иванович;01.09.2025;законный представитель\n"], asOf: "2026-05-29")
        #expect(register.issues.filter { $0.code == .personAmbiguous }.isEmpty)
        #expect(register.people.filter { register.consent(of: $0) != nil }.map(\.schoolClass) == ["8Б"])
    }
}
