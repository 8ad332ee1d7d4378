import Foundation
import PackageIO
import Testing
@testable import SheetIO

/// The OpenDocument reader on the fixtures of `scripts/make_ods_fixtures.py`.
@Suite struct ODSReaderTests {
    static func fixture(_ name: String) -> String { TestSupport.packageRoot + "/Tests/Fixtures/ods/" + name }

    /// The temporal value of a cell, or nil with an issue recorded.
    func temporal(_ value: CellValue, _ place: String) -> ExcelTemporal? {
        guard case .temporal(let temporal) = value else {
            Issue.record("\(place) is \(value), not a temporal value")
            return nil
        }
        return temporal
    }

    func expectTemporal(_ value: CellValue, _ kind: TemporalKind, _ iso: String, _ place: String) {
        guard let temporal = temporal(value, place) else { return }
        #expect(temporal.kind == kind, "\(place)")
        #expect(temporal.isoString == iso, "\(place)")
        #expect(temporal.system == .excel1900, "\(place)")
    }

    // MARK: Hand-written markup

    @Test func handmadeSheetsAndVisibility() throws {
        let source = try ODSReader(path: Self.fixture("handmade.ods"))
        #expect(source.sheets.map(\.name) == ["Разметка", "Скрытый", "Пустой"])
        #expect(source.sheets.map(\.visibility) == [.visible, .hidden, .visible])
        #expect(source.sheets.allSatisfy { $0.kind == .worksheet })
        #expect(try TestSupport.readAll(source, sheet: 1) == [Row(number: 1, cells: [.number(1)])])
        // 1,048,576 empty rows of 16,384 empty cells: no row at all.
        #expect(try TestSupport.readAll(source, sheet: 2).isEmpty)
    }

    @Test func handmadeTextMarkup() throws {
        let rows = try TestSupport.readAll(path: Self.fixture("handmade.ods"))
        let first = rows[0]
        #expect(first.number == 1)
        #expect(first[column: 1] == .text("a\tb\nc   d e")) // text:tab, text:line-break, text:s c="3", text:s
        #expect(first[column: 2] == .text("Жирный link\nвторой абзац")) // spans, a link, two paragraphs, no annotation
        #expect(first[column: 3] == .text("из атрибута")) // office:string-value wins over the paragraph
        #expect(first[column: 4] == .empty) // text with no value type is no value (as in calamine)
        #expect(first[column: 5] == .number(-0.0015))
        #expect(first.cells.count == 5)
    }

    @Test func handmadeValueTypes() throws {
        let rows = try TestSupport.readAll(path: Self.fixture("handmade.ods"))
        #expect(rows[1].cells == [.number(0.125), .number(1500.5), .boolean(true), .error("#DIV/0!")])
        let dates = rows[2]
        expectTemporal(dates[column: 1], .date, "1899-12-31", "A3")
        expectTemporal(dates[column: 2], .dateTime, "2024-02-29T00:00:00", "B3")
        expectTemporal(dates[column: 3], .time, "23:59:59.500000", "C3")
        expectTemporal(dates[column: 4], .duration, "P1DT0H0M0S", "D3")
        expectTemporal(dates[column: 5], .duration, "P2DT3H0M0S", "E3")
        #expect(rows[3][column: 1] == .text("2024-13-01")) // not a date: kept as its text
        expectTemporal(rows[3][column: 2], .duration, "-P0DT1H0M0S", "B4")
        expectTemporal(rows[3][column: 3], .dateTime, "1900-03-01T12:00:00.250000", "C4")
        // 1900-03-01 is serial 61 in Excel's 1900 system.
        #expect(temporal(rows[3][column: 3], "C4")?.serial == 61 + 43_200.25 / 86_400)
    }

    @Test func handmadeRepeatsMergesAndSubTables() throws {
        let reader = try ODSReader(path: Self.fixture("handmade.ods")).rows(ofSheet: 0)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5, 6, 7, 8, 1009])
        #expect(rows[4].cells == [.empty, .empty, .number(7), .number(7), .number(7)]) // a value repeated 3 times
        for row in rows[5...7] {
            #expect(row.cells == [.text("повтор")]) // the covered cell's hidden text is not a value
        }
        // The sub-table's 99 is not a row of the sheet; the cell beside it is.
        #expect(rows[8].cells == [.empty, .text("последняя")])
        #expect(reader.mergedRanges.map(\.description) == ["B6:C6", "B7:C7", "B8:C8"])
    }

    // MARK: LibreOffice conversions

    @Test func rosterFromOpenpyxl() throws {
        let source = try SpreadsheetOpener.open(path: Self.fixture("roster.ods"))
        #expect(source is ODSReader)
        #expect(source.sheets.map(\.name) == ["Ученики", "Служебный", "Пусто"])
        #expect(source.sheets.map(\.visibility) == [.visible, .hidden, .visible])
        let reader = try source.rows(ofSheet: 0)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5, 7])
        #expect(rows[0].cells == [.text("Список учащихся 7 «Б» класса"), .empty, .empty, .empty, .empty, .text("Занятия")])
        #expect(rows[1].cells.prefix(5) == [.text("Фамилия"), .text("Имя"), .text("Отчество"), .text("Дата рождения"), .text("Класс")])

        let ivanova = rows[2]
        #expect(ivanova.cells.prefix(3) == [.text("Иванова"), .text("Мария"), .text("Алексеевна")])
        expectTemporal(ivanova[column: 4], .date, "2011-03-14", "D3")
        #expect(ivanova[column: 5] == .text("7Б"))
        expectTemporal(ivanova[column: 6], .time, "08:30:00", "F3")
        expectTemporal(ivanova[column: 7], .time, "00:45:00", "G3") // PT00H45M00S: a time of day, as python-calamine reads it
        #expect(ivanova[column: 8] == .number(0.95)) // percentage
        #expect(ivanova[column: 9] == .number(1500.5)) // currency
        #expect(ivanova[column: 10] == .number(1)) // LibreOffice turns the boolean into =TRUE() with a number result
        #expect(ivanova[column: 11] == .text("Иванова   Мария (три пробела)")) // text:s c="2"
        #expect(ivanova[column: 12] == .number(4.5))
        #expect(ivanova[column: 13] == .error("#DIV/0!"))

        let shcherbakov = rows[3]
        expectTemporal(shcherbakov[column: 7], .duration, "P1DT6H15M0S", "G4") // PT30H15M00S
        #expect(shcherbakov[column: 11] == .text("строка 1\nстрока 2"))
        #expect(shcherbakov[column: 13] == .error("#N/A"))

        let yolkina = rows[4]
        #expect(yolkina[column: 3] == .empty)
        expectTemporal(yolkina[column: 4], .dateTime, "2011-01-31T12:00:00", "D5")
        #expect(yolkina[column: 11] == .text("  ведущие пробелы"))
        #expect(yolkina[column: 13] == .number(9)) // =L3*2, computed by LibreOffice

        #expect(rows[5][column: 1] == .text("Итого"))
        #expect(rows[5][column: 12] == .number(4.75))
        #expect(Set(reader.mergedRanges.map(\.description)) == ["A1:E1", "F1:G1"])

        #expect(try TestSupport.readAll(source, sheet: 1) == [Row(number: 1, cells: [.text("код"), .number(42)])])
        #expect(try TestSupport.readAll(source, sheet: 2) == [Row(number: 3, cells: [.empty, .empty, .text("одна ячейка")])])
    }

    @Test func everyTypeOfPythonCalaminesBaseWorkbook() throws {
        let source = try ODSReader(path: Self.fixture("corpus_python_calamine_base.ods"))
        #expect(source.sheets.map(\.name) == ["Sheet1", "Sheet2", "Sheet3", "Merged Cells"])
        let rows = try TestSupport.readAll(source)
        #expect(rows.count == 1) // the 1,048,573 repeated empty rows after it are no rows
        let row = rows[0]
        #expect(row.number == 2)
        #expect(row.cells.prefix(5) == [.text("String"), .number(1), .number(1.1), .boolean(true), .boolean(false)])
        expectTemporal(row[column: 6], .date, "2010-10-10", "F2")
        expectTemporal(row[column: 7], .dateTime, "2010-10-10T10:10:10", "G2")
        expectTemporal(row[column: 8], .time, "10:10:10", "H2")
        expectTemporal(row[column: 9], .time, "10:10:10.100000", "I2")
        expectTemporal(row[column: 10], .duration, "P10DT15H10M10S", "J2") // PT255H10M10.000000001S
        #expect(row.cells.count == 10)

        let repeated = try TestSupport.readAll(source, sheet: 2)
        #expect(repeated.map(\.number) == [2, 3, 4])
        #expect(repeated[0].cells == [.empty, .text("line1"), .text("line1"), .text("line1")])

        let merged = try source.rows(ofSheet: 3)
        while try merged.next() != nil {}
        #expect(merged.mergedRanges.map(\.description) == ["A1:A2", "B1:B2"])
    }

    @Test func hiddenSheetsOfAConvertedWorkbook() throws {
        let source = try ODSReader(path: Self.fixture("corpus_calamine_any_sheets.ods"))
        #expect(source.sheets.map(\.name) == ["Visible", "Hidden", "VeryHidden", "Chart"])
        #expect(source.sheets.map(\.visibility) == [.visible, .hidden, .hidden, .visible])
    }

    // MARK: Repetition cost and limits

    @Test func repeatedEmptiesCostNothing() throws {
        // 5,000 rows of one value and 16,384 repeated empty cells, then 200 × 1,000,000 repeated empty rows.
        let source = try SpreadsheetOpener.open(path: TestSupport.fixture("ods_repeated_empties.ods"))
        let reader = try source.rows(ofSheet: 0)
        var count = 0, widest = 0, last = 0
        while let row = try reader.next() {
            count += 1
            widest = max(widest, row.cells.count)
            last = row.number
            #expect(row.cells == [.number(Double(row.number))])
        }
        #expect(count == 5000)
        #expect(widest == 1)
        #expect(last == 5000)
    }

    @Test func cellLimitCountsExpandedRepeats() throws {
        var limits = ReadLimits()
        limits.maxCellsPerSheet = 22
        let source = try ODSReader(path: Self.fixture("handmade.ods"), limits: limits)
        #expect(throws: SpreadsheetError.self) { _ = try TestSupport.readAll(source) }
        do {
            _ = try TestSupport.readAll(source)
        } catch let error as SpreadsheetError {
            #expect(error.kind == .limitExceeded)
            #expect(error.sheet == "Разметка")
        }
        limits.maxCellsPerSheet = 23 // 4 + 4 + 5 + 3 + 3 (one cell repeated) + 3 (one row repeated) + 1
        #expect(try TestSupport.readAll(ODSReader(path: Self.fixture("handmade.ods"), limits: limits)).count == 9)
    }

    /// Each hostile file gives a typed error of the documented kind, naming the file, without hanging.
    @Test(arguments: [
        ("ods_huge_row_repeat.ods", SpreadsheetError.Kind.limitExceeded, "beyond Excel's last row"),
        ("ods_huge_column_repeat.ods", .limitExceeded, "beyond Excel's last column"),
        ("ods_entity_bomb.ods", .unreadable, "DTD"),
        ("ods_truncated.ods", .unreadable, "truncated"),
        ("ods_missing_content.ods", .unreadable, "no content.xml"),
        ("ods_encrypted.ods", .unsupported, "encrypted; save it without a password"),
    ])
    func hostileFilesGiveTypedErrors(name: String, kind: SpreadsheetError.Kind, words: String) {
        TestSupport.expectTypedError(reading: name, kind: kind, words: words)
    }

    @Test func limitErrorsNameTheSheetAndCell() throws {
        do {
            _ = try TestSupport.readAll(path: TestSupport.fixture("ods_huge_column_repeat.ods"))
            Issue.record("no error")
        } catch let error as SpreadsheetError {
            #expect(error.sheet == "Лист1")
            #expect(error.cell == "A1")
        }
    }

    @Test func packagesThatAreNotSpreadsheets() throws {
        let folder = TestSupport.temporaryDirectory()
        let content = Array(#"<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>"#.utf8)

        let text = folder + "/letter.ods"
        let writer = try ZipWriter(path: text)
        try writer.add("mimetype", bytes: Array("application/vnd.oasis.opendocument.text".utf8), level: 0)
        try writer.add("content.xml", bytes: content)
        try writer.close()
        do {
            _ = try SpreadsheetOpener.open(path: text)
            Issue.record("a text document was opened as a spreadsheet")
        } catch let error as SpreadsheetError {
            #expect(error.kind == .unsupported)
            #expect(error.message.contains("not a spreadsheet"))
        }

        // No mimetype, but content.xml and no [Content_Types].xml: read as OpenDocument, with no sheets.
        let bare = folder + "/bare.ods"
        let bareWriter = try ZipWriter(path: bare)
        try bareWriter.add("content.xml", bytes: content)
        try bareWriter.close()
        let source = try SpreadsheetOpener.open(path: bare)
        #expect(source is ODSReader)
        #expect(source.sheets.isEmpty)
    }

    // MARK: Values

    @Test func timeValuesAsPythonCalamineTypesThem() {
        let cases: [(String, TemporalKind, String)] = [
            ("PT12H30M00S", .time, "12:30:00"),
            ("PT00H00M00S", .time, "00:00:00"),
            ("PT23H59M59.999S", .time, "23:59:59.999000"),
            ("PT24H00M00S", .duration, "P1DT0H0M0S"),
            ("PT36H00M00S", .duration, "P1DT12H0M0S"),
            ("PT12H30M", .duration, "P0DT12H30M0S"), // not hours, minutes and seconds: not read as a time by calamine
            ("P1DT2H", .duration, "P1DT2H0M0S"),
            ("-PT1H00M00S", .duration, "-P0DT1H0M0S"),
        ]
        for (text, kind, iso) in cases {
            guard let value = ODSTemporal.time(text) else { Issue.record("\(text) not read"); continue }
            #expect(value.kind == kind, "\(text)")
            #expect(value.isoString == iso, "\(text)")
        }
        for text in ["", "P", "PT", "P1Y", "P1M", "PT1H1H", "12:30:00", "PTxH", "P1DT", "PT5"] {
            #expect(ODSTemporal.time(text) == nil, "\(text)")
        }
    }
}
