import Foundation
import Testing
import SheetIO
import PackageIO
import DocxIO
@testable import Mentorship

/// What the curator sees: sheets that print, Russian names, contacts, the plans deadline, the orders' numbering.
@Suite struct CuratorOutputTests {
    static func part(_ path: String, _ name: String) throws -> String {
        let reader = try ZipReader(path: path)
        return String(decoding: try reader.readAll(try #require(reader.entry(named: name))), as: UTF8.self)
    }

    static func sampleOutputs() throws -> String {
        let folder = try OutputSetSupport.folder("curator-out")
        let keys = try OutputSetSupport.folder("curator-keys")
        _ = try OutputSetSupport.job(SampleInboxTests.inbox, folder + "/out", keyFolder: keys).run()
        return folder + "/out"
    }

    @Test func everySheetHasRowHeightsWidthsAndAPrintSetup() throws {
        let out = try Self.sampleOutputs()
        for workbook in ["register.xlsx", "diagnostics.xlsx", "regional.xlsx"] {
            let source = try XLSXReader(path: out + "/" + workbook)
            let workbookXML = try Self.part(out + "/" + workbook, "xl/workbook.xml")
            for (index, sheet) in source.sheets.enumerated() {
                let xml = try Self.part(out + "/" + workbook, "xl/worksheets/sheet\(index + 1).xml")
                #expect(xml.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#), "\(workbook) › \(sheet.name)")
                #expect(xml.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
                #expect(xml.contains("<oddHeader>&amp;C&amp;A</oddHeader><oddFooter>&amp;CСтраница &amp;P из &amp;N</oddFooter>"))
                #expect(xml.contains(#"customWidth="1""#))
                // The header repeats on every printed page.
                let title = "'\(sheet.name)'!$1:$1"
                #expect(workbookXML.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">\#(title)</definedName>"#))
            }
        }
        // «Замечания»: the messages wrap, and their rows are as tall as their lines.
        let issues = try Self.part(out + "/register.xlsx", "xl/worksheets/sheet10.xml")
        #expect(issues.contains(#"customHeight="1""#))
        let roadmap = try Self.part(out + "/register.xlsx", "xl/worksheets/sheet9.xml")
        #expect(roadmap.contains(#"customHeight="1""#))
    }

    @Test func rowHeightsFollowTheWrappedLines() throws {
        let path = NSTemporaryDirectory() + "nastavnik-heights-" + UUID().uuidString + ".xlsx"
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(named: "Лист", layout: SheetLayout(columnWidths: [10, 10], wrapsOverflowingText: true, print: .landscapeA4))
        try sheet.append([.text("коротко"), .text("очень длинный текст, который не помещается в одну строку столбца")])
        try sheet.append([.text("один"), .text("два")])
        let long = String(repeating: "слово ", count: 2000)
        try sheet.append([.text(long)])
        try writer.close()
        let xml = try Self.part(path, "xl/worksheets/sheet1.xml")
        let lines = TextMetrics.lines(of: "очень длинный текст, который не помещается в одну строку столбца", columnWidth: 10)
        #expect(lines >= 5)
        #expect(xml.contains(#"<row r="1" ht="\#(Int(TextMetrics.rowHeight(lines: lines)))" customHeight="1">"#))
        #expect(xml.contains(#"<row r="2">"#))                                  // one line: the default height
        #expect(xml.contains(#"<row r="3" ht="409" customHeight="1">"#))         // Excel's largest
        #expect(xml.contains(#"<c r="B1" s="4" t="inlineStr">"#))                // the overflowing text wraps
        #expect(xml.contains(#"<c r="B2" t="inlineStr">"#))
    }

    @Test func columnsAreAsWideAsTheirContentWithinLimits() {
        let widths = ColumnFitting.widths(headers: ["Категория", "Сообщение", "№"],
                                          rows: [[.text("молодой специалист"), .text(String(repeating: "а", count: 300)), .number(12)]],
                                          maximum: [30, 60, 30])
        #expect(widths[0] >= TextMetrics.width(of: "молодой специалист"[...]))   // never «молодой специали»
        #expect(widths[1] == 60)
        #expect(widths[2] < 6)
        // A short header stays on one line.
        #expect(ColumnFitting.widths(headers: ["Знаменатель"], rows: [[.number(3)]], maximum: [30])[0] >= TextMetrics.width(of: "Знаменатель"[...]))
    }

    @Test func theCuratorReadsRussianNamesAndPeriods() throws {
        let out = try Self.sampleOutputs()
        let source = try XLSXReader(path: out + "/register.xlsx")
        func sheet(_ name: String) throws -> [Row] {
            let rows = try source.rows(ofSheet: try #require(source.sheets.firstIndex { $0.name == name }))
            var all: [Row] = []
            while let row = try rows.next() { all.append(row) }
            return all
        }
        let issues = try sheet("Замечания")
        let fields = Set(issues.dropFirst().compactMap { row -> String? in if case .text(let t) = row[column: 6] { return t }; return nil })
        #expect(!fields.isEmpty)
        for field in fields { #expect(!field.contains("_") && field.unicodeScalars.contains { $0.value >= 0x400 }, "«Поле» = \(field)") }
        #expect(fields.contains("Участник"))
        #expect(!issues.contains { $0[column: 7] == .text("2025-Q3") })
        let indicators = try sheet("Показатели")
        #expect(indicators[0][column: 1] == .text("Показатель"))
        #expect(indicators[0][column: 8] == .text("Код (для программ)"))
        #expect(indicators.contains { $0[column: 2] == .text("3 кв. 2025") })
        #expect(!indicators.contains { $0[column: 2] == .text("2025-Q3") })
        // The regional upload keeps its codes and ISO periods.
        let report = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
        #expect(report.contains("\"period\": \"2025-Q3\""))
        #expect(Period.quarter(2025, 3).russian == "3 кв. 2025")
        #expect(Period.term(startYear: 2025, number: 2).russian == "II четв. 2025/26")
        #expect(Period.russianKeys(in: "нет результатов за 2025-Q3; второй за 2025-Q4 (строка 8)") == "нет результатов за 3 кв. 2025; второй за 4 кв. 2025 (строка 8)")
        #expect(Period.russianKeys(in: "код 12025-Q3 и 2025-Q5") == "код 12025-Q3 и 2025-Q5")
        #expect(!issues.contains { row in if case .text(let text) = row[column: 8] { return text.contains("-Q") }; return false })
    }

    @Test func contactsReachTheRegisterAndTheBases() throws {
        let register = try PipelineTests.build(["students.csv": """
        ФИО;Дата рождения;Класс;Телефон;Законный представитель;Телефон представителя;СНИЛС
        Смирнова Анна Олеговна;05.06.2009;10А;+7 913 111-22-33;;;
        Кузнецов Пётр Ильич;07.08.2013;6В;;Кузнецова Мария Петровна;+7 913 444-55-66;123-456-789 00
        """, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества
        1;Смирнова А.О.;Кузнецов П.И.;ученик – ученик
        """])
        let path = NSTemporaryDirectory() + "nastavnik-contacts-" + UUID().uuidString + ".xlsx"
        try RegisterWorkbook.write(register, to: path)
        let source = try XLSXReader(path: path)
        func rows(_ index: Int) throws -> [Row] {
            let reader = try source.rows(ofSheet: index)
            var all: [Row] = []
            while let row = try reader.next() { all.append(row) }
            return all
        }
        let people = try rows(0)
        #expect(people[0][column: 18] == .text("Телефон"))
        let smirnova = try #require(people.first { $0[column: 3] == .text("Смирнова") })
        let kuznetsov = try #require(people.first { $0[column: 3] == .text("Кузнецов") })
        #expect(smirnova[column: 18] == .text("+79131112233"))
        #expect(kuznetsov[column: 18] == .text("+79134445566 (законный представитель)"))
        let mentees = try rows(3)
        #expect(mentees[1][column: 2] == .text("законный представитель Кузнецова Мария Петровна: +79134445566"))
        // An invalid СНИЛС stays visible in «Контингент», with its remark.
        #expect(register.issues.contains { $0.code == .snilsInvalid })
        let roster = try rows(1)
        let row = try #require(roster.first { $0[column: 3] == .text("Кузнецов Пётр Ильич") })
        guard case .text(let snils) = row[column: 7] else { Issue.record("СНИЛС is blank"); return }
        #expect(snils.hasPrefix("123-456-789 00 (") && snils.contains("см. Замечания"))
        // So does a birth date that is not a date, in «Контингент».
        let samples = SampleInboxTests.build()
        let samplePath = NSTemporaryDirectory() + "nastavnik-refused-" + UUID().uuidString + ".xlsx"
        try RegisterWorkbook.write(samples, to: samplePath)
        let sampleRows = try XLSXReader(path: samplePath).rows(ofSheet: 1)
        var birthDates: [CellValue] = []
        while let next = try sampleRows.next() { birthDates.append(next[column: 4]) }
        #expect(birthDates.contains(.text("31.02.2011 (ошибка: см. Замечания, C18)")))
    }

    @Test func whatAQuestionnaireSaysOfSomeoneNotInTheRostersIsKept() throws {
        let register = try PipelineTests.build(["students.csv": PipelineTests.students, "questionnaire.csv": """
        ФИО;Желаемая роль;Категория;Класс / Должность;Интересы
        Смирнов Алексей Павлович;Наставник;Выпускник;инженер;робототехника
        """])
        #expect(register.issues.contains { $0.code == .personNotInRoster })
        let path = NSTemporaryDirectory() + "nastavnik-respondents-" + UUID().uuidString + ".xlsx"
        try RegisterWorkbook.write(register, to: path)
        let source = try XLSXReader(path: path)
        let reader = try source.rows(ofSheet: try #require(source.sheets.firstIndex { $0.name == "Потенциальные наставники" }))
        _ = try reader.next()
        let row = try #require(try reader.next())
        #expect(row[column: 1] == .text("Смирнов Алексей Павлович"))
        #expect(row[column: 2] == .text("Выпускник (по анкете; нет в списках)"))
        #expect(row[column: 3] == .text("инженер"))
    }

    @Test func theBuildReportsItsProgress() throws {
        let folder = try OutputSetSupport.folder("curator-progress")
        var job = OutputSetSupport.job(SampleInboxTests.inbox, folder + "/out", keyFolder: try OutputSetSupport.folder("curator-progress-keys"))
        final class Seen: @unchecked Sendable { var states: [BuildProgress] = [] }
        let seen = Seen()
        job.progress = { seen.states.append($0) }
        _ = try job.run()
        let stages = seen.states.map(\.stage)
        #expect(stages.first == .reading)
        #expect(stages.contains(.checking))
        // The register workbook, the page and the note on this thread; then waiting for the other lane's outputs.
        #expect(stages.suffix(4) == [.writing("register.xlsx"), .writing("отчёт.html"), .writing("справка.docx"), .writing("diagnostics.xlsx и orders")])
        let read = seen.states.filter { $0.stage == .reading }.map(\.filesRead)
        #expect(read == Array(0...(seen.states[0].filesTotal)))
        let last = try #require(seen.states.last)
        #expect(last.rows > 0 && last.filesRead == last.filesTotal)
        #expect(last.russian == "запись diagnostics.xlsx и orders: файлов \(last.filesTotal) из \(last.filesTotal), строк \(last.rows)")
    }

    @Test func thePlansDeadlineIsAWorkingDayWithinTheUnits() {
        func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
        #expect(WorkingDays.weekday(day("2026-05-29")) == 5)   // a Friday
        #expect(WorkingDays.weekday(day("2026-05-31")) == 7)
        // 30 days after a Wednesday, 2026-04-01, is Friday 2026-05-01: a holiday; then Thursday 30 April.
        #expect(PlansDeadline.date(asOf: day("2026-04-01"), endings: [], given: nil) == day("2026-04-30"))
        // Saturday 2026-10-03 + 30 = Monday 2026-11-02, a working day.
        #expect(PlansDeadline.date(asOf: day("2026-10-03"), endings: [], given: nil) == day("2026-11-02"))
        // 2026-10-05 + 30 = Wednesday 4 November, a holiday: Tuesday 3 November.
        #expect(PlansDeadline.date(asOf: day("2026-10-05"), endings: [], given: nil) == day("2026-11-03"))
        // 2025-12-10 + 30 = 9 January 2026, a Friday after the New Year holidays: kept.
        #expect(PlansDeadline.date(asOf: day("2025-12-10"), endings: [], given: nil) == day("2026-01-09"))
        // 2025-12-05 + 30 = 4 January: holidays back to Wednesday 31 December.
        #expect(PlansDeadline.date(asOf: day("2025-12-05"), endings: [], given: nil) == day("2025-12-31"))
        // Never after the earliest end: pairs end on Sunday 31 May 2026, so Friday 29 May.
        #expect(PlansDeadline.date(asOf: day("2026-05-15"), endings: [day("2026-06-30"), day("2026-05-31")], given: nil) == day("2026-05-29"))
        // Never before the as-of date: as-of Friday 29 May, the earliest end Sunday 31 May.
        #expect(PlansDeadline.date(asOf: day("2026-05-29"), endings: [day("2026-05-31")], given: nil) == day("2026-05-29"))
        // As-of Saturday 30 May, the earliest end Sunday 31 May: no working day in between; the as-of date.
        #expect(PlansDeadline.date(asOf: day("2026-05-30"), endings: [day("2026-05-31")], given: nil) == day("2026-05-30"))
        // The settings' date wins.
        #expect(PlansDeadline.date(asOf: day("2026-05-15"), endings: [day("2026-05-31")], given: day("2026-06-10")) == day("2026-06-10"))
    }

    @Test func theSettingsMayGiveThePlansDeadline() throws {
        let register = try PipelineTests.build(["students.csv": PipelineTests.students, "settings.csv": """
        Наименование ОО;МАОУ СОШ № 1
        Директор;Иванова Мария Петровна
        Срок представления планов;15.06.2026
        """])
        #expect(OrderDetails(register).plansDeadline == CalendarDate(iso: "2026-06-15"))
    }

    @Test func ordersNumberTheirPagesFromTheSecond() throws {
        let register = SampleInboxTests.build()
        let (folder, _) = try OrderDraftTests.written(register)
        for file in OrderDrafts.files {
            let path = folder + "/" + file
            let header = try Self.part(path, "word/header1.xml")
            #expect(header.contains(#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#))
            #expect(header.contains(#"<w:jc w:val="center"/>"#))
            let document = try Self.part(path, "word/document.xml")
            let sections = document.components(separatedBy: "<w:sectPr>").dropFirst()
            #expect(sections.count == 2)   // the order, then the landscape appendix
            #expect(sections.first?.contains(#"<w:headerReference w:type="first" r:id="rId6"/>"#) == true)
            #expect(sections.first?.contains("<w:titlePg/>") == true)
            #expect(sections.last?.contains(#"<w:headerReference w:type="default" r:id="rId5"/>"#) == true)
            #expect(sections.last?.contains("<w:titlePg/>") == false)
            #expect(try Self.part(path, "[Content_Types].xml").contains("/word/header1.xml"))
            #expect(try Self.part(path, "word/_rels/document.xml.rels").contains(#"Target="header1.xml""#))
        }
    }
}
