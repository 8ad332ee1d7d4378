import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import PackageIO
import DocxIO
@testable import Mentorship

/// The text of a `.docx` as a reader sees it: a line per paragraph; a table row as its cells joined by « | »,
/// a cell continuing a vertical merge as «↑».
func documentText(_ path: String) throws -> String {
    let reader = try ZipReader(path: path)
    let entry = try #require(reader.entry(named: "word/document.xml"))
    let collector = WordTextCollector()
    let parser = XMLParser(data: Data(try reader.readAll(entry)))
    parser.delegate = collector
    #expect(parser.parse())
    return collector.lines.joined(separator: "\n") + "\n"
}

final class WordTextCollector: NSObject, XMLParserDelegate {
    var lines: [String] = []
    private var paragraph = ""
    private var inText = false
    private var inTabStops = false
    private var tableDepth = 0
    private var cells: [String] = []
    private var cell: [String] = []
    private var continued = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:t": inText = true
        case "w:tabs": inTabStops = true
        case "w:tab": if !inTabStops { paragraph += "\t" }
        case "w:br": paragraph += attributes["w:type"] == "page" ? "" : "\n"
        case "w:p": paragraph = ""
        case "w:tbl": tableDepth += 1
        case "w:tr": cells = []
        case "w:tc": cell = []; continued = false
        case "w:vMerge": if attributes["w:val"] != "restart" { continued = true }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { paragraph += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:tabs": inTabStops = false
        case "w:p": if tableDepth > 0 { cell.append(paragraph) } else { lines.append(paragraph) }
        case "w:tc": cells.append(continued ? "↑" : cell.joined(separator: " / ").replacingOccurrences(of: "\n", with: " / "))
        case "w:tr": lines.append(cells.joined(separator: " | "))
        case "w:tbl": tableDepth -= 1
        default: break
        }
    }
}

@Suite struct OrderDraftTests {
    static let golden: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.path + "/Fixtures/golden"
    }()

    static func written(_ register: Register, templates: OrderDrafts.Templates = .init()) throws -> (folder: String, outcome: OrderDrafts.Outcome) {
        let folder = NSTemporaryDirectory() + "nastavnik-orders-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (folder, try OrderDrafts.write(register, to: folder, templates: templates))
    }

    /// Compares with the golden text; `NASTAVNIK_UPDATE_GOLDEN=1` rewrites it.
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let path = golden + "/" + name
        if ProcessInfo.processInfo.environment["NASTAVNIK_UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        return (try? String(contentsOfFile: path, encoding: .utf8)) == text
    }

    @Test func sampleOrdersMatchTheirGoldenText() throws {
        let (folder, outcome) = try Self.written(SampleInboxTests.build())
        #expect(outcome.files == OrderDrafts.files)
        #expect(outcome.warnings.isEmpty)
        #expect(try Self.matchesGolden(try documentText(folder + "/" + OrderDrafts.files[0]), "pairs-order.txt"))
        #expect(try Self.matchesGolden(try documentText(folder + "/" + OrderDrafts.files[1]), "plans-order.txt"))
    }

    /// The appendix rows are the clean pairs: valid units whose members have a valid consent; a group keeps the
    /// mentees who have one. Computed here from the register, independently of the order rule's code.
    @Test func appendixRowsAreTheCleanPairs() throws {
        let register = SampleInboxTests.build()
        let (folder, _) = try Self.written(register)
        let lines = try documentText(folder + "/" + OrderDrafts.files[0]).split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("№ п/п | № пары / группы | ФИО наставника") })
        let rows = lines[(header + 1)...].filter { $0.contains(" | ") }.map { $0.components(separatedBy: " | ") }
        var expected: [[String]] = []
        var expectedNumbers: [String] = []
        var mentor = ""
        for unit in register.units where !unit.hasError {
            guard let unitMentor = unit.mentor, register.consent(of: unitMentor)?.isValid == true else { continue }
            let consented = unit.mentees.filter { register.consent(of: $0)?.isValid == true }
            if consented.isEmpty || (unit.mentees.count == 1 && consented.count != 1) { continue }
            expectedNumbers.append(unit.number)
            for mentee in consented {
                expected.append([unitMentor.name.description, mentee.name.description])
            }
        }
        let found = rows.map { row -> [String] in
            if row[2] != "↑" { mentor = row[2] }
            return [mentor, row[4]]
        }
        #expect(found == expected)
        #expect(found.count == 7)   // six pairs and a group of two (its third mentee has no consent)
        #expect(rows.filter { $0[2] == "↑" }.count == 1)
        // «№ п/п» runs 1, 2, 3 … without gaps; «№ пары / группы» keeps the pairs table's own numbers.
        let firstRows = rows.filter { $0[0] != "↑" }
        #expect(firstRows.map { $0[0] } == (1...firstRows.count).map(String.init))
        #expect(firstRows.map { $0[1] } == expectedNumbers)
        #expect(expectedNumbers != (1...expectedNumbers.count).map(String.init))   // the samples leave units out
        #expect(!found.contains { $0[1].hasPrefix("Шестакова") || $0[1].hasPrefix("Зуева") })
    }

    @Test func missingSettingsGivePlaceholdersAndAWarning() throws {
        let register = try PipelineTests.build(["students.csv": PipelineTests.students, "pairs.csv": """
        № пары;Наставник;Наставляемый;Форма наставничества
        1;Смирнова А.О.;Кузнецов П.И.;ученик – ученик
        """])
        let (folder, outcome) = try Self.written(register)
        let text = try documentText(folder + "/" + OrderDrafts.files[0])
        #expect(text.contains("[наименование ОО]"))
        #expect(text.contains("[ФИО директора]"))
        #expect(text.contains("[населённый пункт]"))
        #expect(outcome.warnings.contains { $0.contains("наименование ОО") && $0.contains("директор") })
        // No consents in this inbox: nothing goes into the appendix, and the table says so.
        #expect(text.contains("Нет пар и групп, которые можно закрепить приказом"))
    }

    @Test func aCuratorsTemplateIsFilled() throws {
        var template = Document()
        template.append(Paragraph("{{school}}", alignment: .center))
        template.append(Paragraph("Директор {{director_short}}; учебный год {{academic_year}}"))
        var table = Table(columnWidths: [800, 3000, 3000], rows: [TableRow([TableCell("№"), TableCell("Наставник"), TableCell("Наставляемый")], isHeader: true)])
        table.rows.append(TableRow([TableCell("{{n}}"), TableCell("{{mentor}}"), TableCell("{{mentee}}")]))
        template.append(table)
        let templatePath = NSTemporaryDirectory() + "nastavnik-template-" + UUID().uuidString + ".docx"
        try DocxWriter.write(template, to: templatePath)
        let (folder, outcome) = try Self.written(SampleInboxTests.build(), templates: .init(pairs: templatePath))
        #expect(outcome.warnings.isEmpty)
        let lines = try documentText(folder + "/" + OrderDrafts.files[0]).split(separator: "\n").map(String.init)
        #expect(lines.first == "Муниципальное автономное общеобразовательное учреждение средняя общеобразовательная школа № 7 г. Томска")
        #expect(lines.contains("Директор И.Н. Кузнецова; учебный год 2025/2026"))
        #expect(lines.filter { $0.contains(" | ") }.count == 8)   // header and seven rows
        #expect(lines.contains("↑ | ↑ | Егорова Софья Игоревна"))
        // The plans order has no template: the built-in layout.
        #expect(try documentText(folder + "/" + OrderDrafts.files[1]).contains("Об утверждении индивидуальных планов"))
    }

    @Test func anUnusableTemplateFallsBackToTheBuiltInLayout() throws {
        let broken = NSTemporaryDirectory() + "nastavnik-broken-" + UUID().uuidString + ".docx"
        try Data("не docx".utf8).write(to: URL(fileURLWithPath: broken))
        let (folder, outcome) = try Self.written(SampleInboxTests.build(), templates: .init(pairs: broken))
        #expect(outcome.templateFailures.count == 1)
        #expect(try documentText(folder + "/" + OrderDrafts.files[0]).contains("О закреплении наставнических пар (групп)"))
    }

    @Test func ordersAreByteIdentical() throws {
        let (first, _) = try Self.written(SampleInboxTests.build())
        let (second, _) = try Self.written(SampleInboxTests.build())
        for file in OrderDrafts.files {
            #expect(FileManager.default.contents(atPath: first + "/" + file) == FileManager.default.contents(atPath: second + "/" + file))
        }
    }
}

@Suite struct NameCaseTests {
    @Test func curatorsAndDirectorsInRunningText() {
        #expect(NameCases.inflect("Лебедева Татьяна Александровна", .accusative) == "Лебедеву Т.А.")
        #expect(NameCases.inflect("Лебедева Татьяна Александровна", .dative) == "Лебедевой Т.А.")
        #expect(NameCases.inflect("Кузнецов Олег Ильич", .accusative) == "Кузнецова О.И.")
        #expect(NameCases.inflect("Кузнецов Олег Ильич", .dative) == "Кузнецову О.И.")
        #expect(NameCases.inflect("Достоевский Фёдор Михайлович", .dative) == "Достоевскому Ф.М.")
        #expect(NameCases.inflect("Толстая Анна Петровна", .accusative) == "Толстую А.П.")
        #expect(NameCases.inflect("Шевченко Ирина Петровна", .dative) == "Шевченко И.П.")
        #expect(NameCases.inflect("Черных Олег Ильич", .accusative) == "Черных О.И.")
        #expect(NameCases.inflect("Шмидт Анна Петровна", .dative) == "Шмидт А.П.")
        #expect(NameCases.inflect("Гоголь Николай Васильевич", .accusative) == "Гоголя Н.В.")
        #expect(NameCases.inflect("Петрова-Водкина Анна Кузьминична", .dative) == "Петровой-Водкиной А.К.")
        #expect(NameCases.inflect("[ФИО куратора]", .dative) == "[ФИО куратора]")
    }
}

@Suite struct PlansAndAttendanceTests {
    @Test func planItemsGiveTheCompletionShare() throws {
        let register = SampleInboxTests.build()
        let first = try #require(register.units.first { $0.number == "1" })
        #expect(first.planItems.count == 4)
        #expect(first.planDone == 0.75)
        #expect(register.units.first { $0.number == "2" }?.planDone == 1.0)
        let plans = try #require(register.indicators.first { $0.id == "plans_done" })
        #expect((plans.numerator, plans.denominator) == (4, 6))
    }

    @Test func gradesNamedByAnEvent() {
        #expect(AttendanceIndicators.grades(in: "Классный час 5–11 классы") == 5...11)
        #expect(AttendanceIndicators.grades(in: "классный час для 7-х классов") == 7...7)
        #expect(AttendanceIndicators.grades(in: "5-9 кл.") == 5...9)
        #expect(AttendanceIndicators.grades(in: "Классный час «Успех каждого ребенка»") == nil)
        #expect(AttendanceIndicators.EventKind.of("Педагогический совет") == .teachersCouncil)
        #expect(AttendanceIndicators.EventKind.of("педсовет № 2") == .teachersCouncil)
        #expect(AttendanceIndicators.EventKind.of("Итоговая деловая игра") == .finalGame)
        #expect(AttendanceIndicators.EventKind.of("Родительское собрание") == .other)
    }

    @Test func attendanceIndicatorsCountTheExpectedGroup() throws {
        let indicators = SampleInboxTests.build().indicators.filter { $0.id.hasPrefix("attendance_") }
        // Педсовет: nine pedagogical workers (the deputy head is not one), one marked absent.
        let council = try #require(indicators.first { $0.id == "attendance_teachers_council" })
        #expect((council.numerator, council.denominator) == (8, 9))
        // Классный час for classes 5–11 (the sheet's name): 24 pupils (one roster row rejected); two not on the list, two marked «-».
        let classHour = try #require(indicators.first { $0.id == "attendance_class_hour" })
        #expect((classHour.numerator, classHour.denominator) == (20, 24))
        #expect(classHour.event == "Классный час «Успех каждого ребенка» (16.09.2025)")
        // The final game: the participants; two marked 0.
        let game = try #require(indicators.first { $0.id == "attendance_final_game" })
        #expect((game.numerator, game.denominator) == (20, 22))
        #expect(game.met == true && council.met == false)
    }
}
