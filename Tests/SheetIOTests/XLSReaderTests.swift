import Foundation
import Testing
@testable import SheetIO

/// The binary Excel reader on the fixtures of `Tests/Fixtures/xls` (made by `scripts/make_xls_fixtures.py`).
@Suite struct XLSReaderTests {
    static func xls(_ name: String) -> String { TestSupport.packageRoot + "/Tests/Fixtures/xls/" + name }

    static func open(_ name: String) throws -> XLSReader {
        let source = try SpreadsheetOpener.open(path: xls(name))
        guard let reader = source as? XLSReader else { throw SpreadsheetError(.unreadable, file: name, message: "not read as .xls: \(type(of: source))") }
        return reader
    }

    static func temporal(_ value: CellValue) -> (TemporalKind, String)? {
        guard case .temporal(let temporal) = value else { return nil }
        return (temporal.kind, temporal.isoString)
    }

    @Test func formulasKeepTheirCachedResults() throws {
        let source = try Self.open("formulas_cells.xls")
        #expect(source.version == .biff8)
        #expect(source.sheets.map(\.name) == ["Формулы", "Диаграмма"])
        #expect(source.sheets.map(\.kind) == [.worksheet, .chartsheet])
        let rows = try TestSupport.readAll(source)
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(rows[0].cells == [.text("Формулы")])
        // A2 number, B2 string (STRING record), C2 boolean, D2 error, E2 empty string, F2 a date-formatted result.
        #expect(Array(rows[1].cells.prefix(5)) == [.number(42.5), .text("итог: 7"), .boolean(true), .error("#DIV/0!"), .empty])
        #expect(Self.temporal(rows[1][column: 6])! == (.date, "2010-01-01"))
        // BOOLERR: booleans and errors kept apart.
        #expect(rows[2].cells == [.boolean(true), .boolean(false), .error("#N/A"), .error("#REF!")])
        // MULRK: an integer, a negative integer, hundredths, a double's high bits, a date.
        #expect(Array(rows[3].cells.prefix(4)) == [.number(1), .number(-7), .number(3.14), .number(0.5)])
        #expect(Self.temporal(rows[3][column: 5])! == (.date, "1933-10-18"))
        // RK, NUMBER and LABELSST with a gap; a row padded only to its last cell.
        #expect(rows[4].cells == [.number(1_000_000), .empty, .number(0.1), .text("текст")])
        // LABEL, and RSTRING (8-bit text followed by formatting runs).
        #expect(rows[5].cells == [.empty, .text("надпись LABEL"), .text("rich 8")])
        // Shared strings: rich text (runs skipped), phonetic data skipped, a string that turns from 8-bit to
        // UTF-16 at a CONTINUE record, and one whose header opens the CONTINUE.
        #expect(rows[6].cells == ["жирный и обычный", "漢字", "ABCDEFЖЗИ", "after"].map(CellValue.text))
        // A chart sheet is listed with no rows.
        #expect(try TestSupport.readAll(source, sheet: 1).isEmpty)
    }

    @Test func cyrillicSharedStringsAcrossContinueRecordsMergesAndVisibility() throws {
        let source = try Self.open("cyrillic_merges.xls")
        #expect(source.sheets.map(\.name) == ["Кириллица", "Скрытый", "Очень скрытый"])
        #expect(source.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
        let reader = try source.rows(ofSheet: 0)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map(\.number) == [1, 2, 4, 5])
        #expect(rows[0].cells == [.text("Сведения об ученике")])
        #expect(rows[1].cells == [.text("ФИО"), .text("Класс"), .text("Ёлка")])
        #expect(rows[2].cells == [.text("Щукина Юлия Эдуардовна"), .text("7А"), .text("ёж")])
        // 9,439 Cyrillic characters: 18,878 bytes of UTF-16, over two CONTINUE records of the SST.
        let sentence = "Съешь же ещё этих мягких французских булок, да выпей чаю. "
        let long = String(String(repeating: sentence, count: 160).dropLast())
        #expect(rows[3].cells == [.text(long), .text("после длинной строки")])
        #expect(Set(reader.mergedRanges) == [CellRange(a1: "A1:C1")!, CellRange(a1: "A2:A3")!])
        #expect(try TestSupport.readAll(source, sheet: 1) == [Row(number: 1, cells: [.text("не видно")])])
        #expect(try TestSupport.readAll(source, sheet: 2) == [Row(number: 2, cells: [.empty, .number(5)])])
    }

    @Test(arguments: [("dates_1900.xls", DateSystem.excel1900), ("dates_1904.xls", .excel1904)])
    func datesByNumberFormatInBothDateSystems(name: String, system: DateSystem) throws {
        let source = try Self.open(name)
        #expect(source.dateSystem == system)
        let rows = try TestSupport.readAll(source)
        let values = rows.map { $0[column: 2] }
        #expect(Self.temporal(values[0])! == (.date, "2010-09-15"))
        #expect(Self.temporal(values[1])! == (.dateTime, "2024-02-29T13:45:30"))
        #expect(Self.temporal(values[2])! == (.time, "08:30:15"))
        #expect(Self.temporal(values[3])! == (.duration, "P1DT2H3M4S"))
        #expect(values[4] == .number(45000.25))
        #expect(Self.temporal(values[5])! == (.time, "17:05:00")) // h:mm AM/PM
        #expect(Self.temporal(values[6])! == (.date, "1999-12-31"))
        if case .temporal(let date) = values[0] { #expect(date.system == system) }
    }

    /// `convert` to XLSX keeps every value and its type; a 1904 time of day stays a time in the 1900 system.
    @Test(arguments: ["dates_1904.xls", "formulas_cells.xls", "cyrillic_merges.xls"])
    func convertingToXLSXKeepsTheValues(name: String) throws {
        let source = try Self.open(name)
        let path = TestSupport.temporaryDirectory() + "/converted.xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XLSXWriter(path: path)
        for sheet in source.sheets {
            let target = try writer.addSheet(named: sheet.name)
            for row in try TestSupport.readAll(source, sheet: sheet.index) {
                while target.rowCount + 1 < row.number { try target.append([]) }
                try target.append(row.cells)
            }
        }
        try writer.close()
        let back = try XLSXReader(path: path)
        for sheet in source.sheets {
            let original = try TestSupport.readAll(source, sheet: sheet.index).map { $0.cells.map(CellJSON.cell) }
            #expect(try TestSupport.readAll(back, sheet: sheet.index).map { $0.cells.map(CellJSON.cell) } == original)
        }
    }

    @Test func rosterWithRussianHeaders() throws {
        let rows = try TestSupport.readAll(Self.open("roster.xls"))
        #expect(rows.count == 5)
        #expect(rows[0].cells == ["№", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"].map(CellValue.text))
        #expect(Array(rows[1].cells.prefix(4)) == [.number(1), .text("Иванова"), .text("Мария"), .text("Петровна")])
        #expect(Self.temporal(rows[1][column: 5])! == (.date, "2011-03-14"))
        #expect(rows[1][column: 6] == .text("8Б"))
        #expect(rows[4][column: 4] == .empty) // no patronymic
        #expect(rows[4][column: 6] == .text("10А"))
    }

    @Test func biff5DecodesItsCodePage() throws {
        let source = try Self.open("biff5_cp1251.xls")
        #expect(source.version == .biff5)
        #expect(source.codePage == .windows1251)
        #expect(source.sheets.map(\.name) == ["Ученики «А»"])
        let rows = try TestSupport.readAll(source)
        #expect(rows[0].cells == ["Фамилия", "Имя", "Дата рождения", "Балл"].map(CellValue.text))
        #expect(Array(rows[1].cells.prefix(2)) == [.text("Ёлкина"), .text("Светлана")])
        #expect(Self.temporal(rows[1][column: 3])! == (.date, "2010-09-15"))
        #expect(rows[1][column: 4] == .number(4.75))
        #expect(Self.temporal(rows[2][column: 3])! == (.date, "2010-01-01"))
        #expect(rows[2][column: 4] == .text("пять №")) // a BIFF5 STRING record after a formula
        #expect(rows[3].cells == [.boolean(true), .text("Жирно")]) // RSTRING in the code page
    }

    /// Version 4 (4,096-byte sectors) and a FAT listed partly in a DIFAT sector; each with a mini stream beside.
    @Test(arguments: ["cfb_v4_4096.xls", "cfb_difat.xls"])
    func containerVariants(name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.xls(name))))
        let header = LittleEndianBytes(bytes)
        #expect(name == "cfb_v4_4096.xls" ? header.u16(26) == 4 && header.u16(30) == 12 : header.u32(72) == 1) // DIFAT sectors
        let container = try CompoundFile(bytes: bytes, file: name)
        let summary = try #require(container.stream(namedAnyOf: ["\u{05}SummaryInformation"]))
        let contents = try container.contents(of: summary) // from the mini stream
        #expect(contents.count == 48 && contents.starts(with: [0xFE, 0xFF]))
        let rows = try TestSupport.readAll(Self.open(name))
        #expect(rows == [Row(number: 1, cells: ["Фамилия", "Имя", "Класс"].map(CellValue.text)),
                         Row(number: 2, cells: ["Петрова", "Анна", "5А"].map(CellValue.text))])
    }

    @Test func codePagesDecodeEightBitText() {
        #expect(CodePage(number: 1251).decode([0xC0, 0xE1, 0xE2, 0xA8, 0xB8, 0xB9]) == "Абв Ёё№".replacingOccurrences(of: " ", with: ""))
        #expect(CodePage(number: 1252).decode([0x80, 0xE9, 0x41]) == "€éA")
        #expect(CodePage(number: 1200).decode([0xE9]) == "é")
        #expect(CodePage(number: 1251).decode([]) == "")
    }

    @Test func rowsOutOfOrderComeOutSortedAndEmbeddedChartsAreSkipped() throws {
        let source = try Self.open("unordered_rows.xls")
        let reader = try source.rows(ofSheet: 0)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows == [Row(number: 1, cells: [.number(1), .empty, .empty, .number(4)]),
                         Row(number: 2, cells: [.empty, .empty, .number(2)]),
                         Row(number: 3, cells: [.empty, .number(3)])])
        #expect(reader.mergedRanges == [CellRange(a1: "C2:D3")!])
    }

    @Test func theCellLimitHolds() throws {
        var limits = ReadLimits()
        limits.maxCellsPerSheet = 10
        let source = try XLSReader(path: Self.xls("roster.xls"), limits: limits)
        #expect {
            _ = try TestSupport.readAll(source)
        } throws: { error in
            (error as? SpreadsheetError)?.kind == .limitExceeded && (error as? SpreadsheetError)?.sheet == "Список"
        }
    }

    @Test func aFileOverTheSizeLimitIsNotRead() throws {
        var limits = ReadLimits()
        limits.zip.maxEntrySize = 4096
        #expect {
            _ = try XLSReader(path: Self.xls("roster.xls"), limits: limits)
        } throws: { error in
            (error as? SpreadsheetError)?.kind == .limitExceeded
        }
    }

    @Test func aLegacyWorkbookRenamedXLSXNowReads() throws {
        let source = try SpreadsheetOpener.open(path: TestSupport.fixture("legacy_renamed.xlsx"))
        #expect(source is XLSReader)
        #expect(source.sheets.map(\.name) == ["Лист1"])
        #expect(try TestSupport.readAll(source).isEmpty)
    }

    @Test func theSummaryNamesTheFormat() throws {
        let summary = try SpreadsheetSummary(source: Self.open("roster.xls"), headRows: 1)
        #expect(summary.format == "xls")
    }

    /// Each hostile `.xls` gives a typed error of the documented kind naming the file and the problem, at once.
    @Test(arguments: [
        ("xls_truncated.xls", SpreadsheetError.Kind.unreadable, "truncated"),
        ("xls_sector_loop.xls", .unreadable, "loops"),
        ("xls_fat_outside.xls", .unreadable, "outside the file"),
        ("xls_absurd_size.xls", .unreadable, "declares 2147483632 bytes"),
        ("xls_record_too_long.xls", .unreadable, "declares 4000 bytes, past the end of the"),
        ("xls_filepass.xls", .unsupported, "encrypted"),
        ("encrypted.xlsx", .unsupported, "password-protected"),
    ])
    func hostileFilesGiveTypedErrors(name: String, kind: SpreadsheetError.Kind, words: String) {
        TestSupport.expectTypedError(reading: name, kind: kind, words: words)
    }

    @Test func bareExcel4WorksheetsAreNamed() throws {
        let path = TestSupport.temporaryDirectory() + "/old.xls"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // BIFF4 BOF (worksheet), then EOF: what Excel 4.0 saved, with no compound-file container.
        TestSupport.write(bytes: [0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00], to: path)
        #expect {
            _ = try SpreadsheetOpener.open(path: path)
        } throws: { error in
            guard let error = error as? SpreadsheetError else { return false }
            return error.kind == .unsupported && error.message.contains("Excel 2.x–4.0")
        }
    }

    /// Garbage in an OLE2 shell: a signature and zeros, random sectors, a header cut short.
    @Test func damagedContainersNeverTrap() throws {
        let dir = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var generator = SeededGenerator(seed: 7)
        let signature = CompoundFile.signature
        let valid = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.xls("formulas_cells.xls"))))
        var samples: [[UInt8]] = [signature + [UInt8](repeating: 0, count: 504), signature + [1, 2, 3], Array(valid.prefix(700))]
        for _ in 0..<200 {
            var bytes = valid
            for _ in 0..<8 { bytes[Int.random(in: 8..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            samples.append(bytes)
        }
        for (index, bytes) in samples.enumerated() {
            let path = dir + "/sample\(index).xls"
            TestSupport.write(bytes: bytes, to: path)
            do {
                let source = try SpreadsheetOpener.open(path: path)
                for sheet in source.sheets { _ = try TestSupport.readAll(source, sheet: sheet.index) }
            } catch let error as SpreadsheetError {
                #expect(error.file == path)
            }
        }
    }
}

/// Workbooks saved by LibreOffice itself (`scripts/make_xls_fixtures.py --libreoffice`) read as the XLSX they came from.
@Suite struct LibreOfficeXLSTests {
    @Test func theRosterSavedByLibreOfficeHasTheSameCells() throws {
        let xls = try SpreadsheetOpener.open(path: TestSupport.packageRoot + "/Tests/Fixtures/xls/libreoffice_roster.xls")
        let xlsx = try SpreadsheetOpener.open(path: TestSupport.packageRoot + "/Tests/Fixtures/rosters/class-per-sheet/Контингент_ЭлЖур.xlsx")
        #expect(xls.sheets.map(\.name) == xlsx.sheets.map(\.name))
        #expect(xls.sheets.count > 40)
        for sheet in xlsx.sheets {
            let ours = try TestSupport.readAll(xls, sheet: sheet.index), theirs = try TestSupport.readAll(xlsx, sheet: sheet.index)
            #expect(ours.map(\.number) == theirs.map(\.number), "\(sheet.name)")
            for (a, b) in zip(ours, theirs) {
                // Trailing empty cells aside, every cell is the same value of the same type.
                let width = max(a.cells.count, b.cells.count)
                #expect((1...max(width, 1)).allSatisfy { a[column: $0] == b[column: $0] }, "\(sheet.name)!\(a.number)")
            }
        }
    }
}
