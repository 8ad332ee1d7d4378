import Foundation
import Testing
@testable import Mentorship

/// Small inboxes written as CSV, each exercising a group of checks.
@Suite struct PipelineTests {
    static let asOf = CalendarDate(iso: "2025-10-01")!

    static func build(_ files: [String: String], mentorLimit: Int = 10) throws -> Register {
        let inbox = NSTemporaryDirectory() + "nastavnik-pipeline-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: inbox + "/" + name)) }
        var builder = RegisterBuilder(inbox: inbox, excluded: nil, asOf: asOf)
        builder.mentorLimit = mentorLimit
        return builder.build()
    }

    static let students = """
    ФИО;Дата рождения;Класс
    Иванов Илья Петрович;01.02.2012;7А
    Иванов Игорь Сергеевич;03.04.2010;9Б
    Смирнова Анна Олеговна;05.06.2009;10А
    Кузнецов Пётр Ильич;07.08.2013;6В
    Младенцев Олег Ильич;07.08.2018;1А
    """

    static func issues(_ register: Register, _ code: IssueCode) -> [Mentorship.Issue] { register.issues.filter { $0.code == code } }

    @Test func referencesAmbiguousNarrowedAndSelf() throws {
        let register = try Self.build(["students.csv": Self.students, "pairs.csv": """
        № пары;Наставник;Наставляемый;Класс наставляемого;Форма наставничества
        1;Смирнова А.О.;Иванов И.;;ученик – ученик
        2;Смирнова А.О.;Иванов И.;7А;ученик – ученик
        3;Смирнова А.О.;Смирнова А.;;ученик – ученик
        """])
        #expect(Self.issues(register, .personAmbiguous).map(\.cell) == ["C2"])
        #expect(register.units.first { $0.number == "2" }?.mentees.first?.name.given == "Илья")
        #expect(Self.issues(register, .pairSelf).map(\.cell) == ["C4"])
        #expect(register.reconciliation.holds)
    }

    @Test func formsSeniorityOverloadAndDuplicates() throws {
        let register = try Self.build(["students.csv": Self.students, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества;Дата начала;Дата окончания
        1;Кузнецов П.И.;Иванов Илья;ученик – ученик;01.09.2025;
        2;Смирнова А.О.;Иванов Илья;учитель – учитель;01.09.2025;
        3;Смирнова А.О.;Кузнецов П.И.;;01.09.2025;01.08.2025
        4;Смирнова А.О.;Кузнецов П.И.;ученик – ученик;;
        5;Иванов Игорь;Младенцев О.И.;ученик – ученик;;
        """], mentorLimit: 1)
        #expect(Self.issues(register, .mentorNotSenior).map(\.cell) == ["B2"])          // 6th grade mentor of a 7th grader
        #expect(Self.issues(register, .formMismatch).map(\.cell) == ["D3"])             // pupils in «учитель – учитель»
        #expect(Self.issues(register, .formInferred).map(\.cell) == ["D4"])
        #expect(Self.issues(register, .dateOutOfRange).map(\.cell) == ["F4"])           // end before start
        #expect(Self.issues(register, .pairDuplicate).map(\.cell) == ["C5"])
        #expect(Self.issues(register, .mentorOverload).map(\.cell) == ["B4"])           // Смирнова's second mentee, limit 1
        #expect(Self.issues(register, .menteeUnder10).map(\.cell) == ["C6"])
        #expect(register.reconciliation.rowsMerged == 1)
    }

    @Test func conflictsBetweenSourcesAreReportedAtTheLessAuthoritativeCell() throws {
        let register = try Self.build(["a_students.csv": Self.students, "b_students.csv": """
        ФИО;Дата рождения;Класс
        Смирнова Анна Олеговна;05.06.2009;11А
        """, "questionnaire.csv": """
        ФИО;Желаемая роль;Класс / Должность
        Кузнецов Пётр Ильич;наставляемый;7Г
        Петров Пётр Петрович;наставник;
        """])
        let conflicts = Self.issues(register, .personConflict)
        #expect(conflicts.contains { $0.file == "b_students.csv" && $0.cell == "C2" })
        #expect(conflicts.contains { $0.file == "questionnaire.csv" && $0.cell == "C2" })
        #expect(Self.issues(register, .personNotInRoster).map(\.cell) == ["A3"])
        #expect(register.reconciliation.rowsMerged == 1)
        #expect(Self.issues(register, .participantUnpaired).map(\.person) == ["Кузнецов Пётр Ильич"])
    }
}

@Suite struct ProvenanceTests {
    @Test func everyValueTracesToItsCell() throws {
        let register = try PipelineTests.build(["students.csv": """
        ФИО;Дата рождения;Класс;Кружок
        Иванов Илья Петрович;01.02.2012;7А;шахматы
        """, "more.csv": """
        ФИО;Дата рождения;Класс;СНИЛС
        Иванов Илья Петрович;01.02.2012;7А;112-233-445 95
        """])
        let person = try #require(register.people.first)
        // Files are read in name order: «more.csv» defines the person, «students.csv» adds to it.
        #expect(person.fieldSources["class"]?.description == "more.csv!more!C2")
        #expect(person.fieldSources["snils"]?.description == "more.csv!more!D2")
        #expect(person.sources.map(\.rowReference) == ["more.csv!more!2", "students.csv!students!2"])
        #expect(person.otherValues == ["Кружок: шахматы"])
        #expect(register.issues.contains { $0.code == .columnUnknown && $0.value == "Кружок" })
    }
}

@Suite struct RejectedRosterRowTests {
    /// A reference to a person whose roster row was rejected resolves (no second error); the unit is not valid and says why.
    @Test func unitsOfRejectedPeopleSayWhy() throws {
        let register = try PipelineTests.build(["students.csv": """
        ФИО;Дата рождения;Класс
        Смирнова Анна Олеговна;05.06.2009;10А
        Кузнецов Пётр Ильич;07.08.2013;15Б
        """, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества
        1;Смирнова А.О.;Кузнецов П.И.;ученик – ученик
        """])
        #expect(register.issues.filter { $0.file == "pairs.csv" && $0.code != .encodingGuessed }.isEmpty)
        #expect(register.issues.contains { $0.code == .classInvalid && $0.cell == "C3" })
        let unit = try #require(register.units.first)
        #expect(!unit.isValid)
        #expect(OrderRule.decision(for: unit, in: register).text.contains("ошибка в строке списка: Кузнецов П.И."))
        #expect(register.participants.count == 2)
    }
}
