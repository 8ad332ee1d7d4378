import Foundation
import Testing
@testable import SheetIO

@Suite struct XLSXWriterTests {
    static let sample: [[CellValue]] = [
        [.text("ФИО"), .text("Дата"), .text("Баллы"), .text("Флаг")],
        [.text("Иванов Иван"), .temporal(ExcelTemporal(year: 2022, month: 9, day: 15)), .number(4.5), .boolean(true)],
        [.text("=1+1"), .temporal(ExcelTemporal(year: 2022, month: 9, day: 15, hour: 8, minute: 30)), .number(-1e-7), .error("#N/A")],
        [.text("  padded\ttext  "), .text("line1\nline2\r\nline3"), .text("ctrl\u{01}\u{1F}"), .text("_x0041_ & <tag> \"q\"")],
        [.empty, .text("после пустой"), .number(1e20), .temporal(ExcelTemporal(serial: 0.25, system: .excel1900, kind: .time))],
    ]

    private func write(_ rows: [[CellValue]], to path: String, options: XLSXWriteOptions = .init()) throws {
        let writer = try XLSXWriter(path: path, options: options)
        let sheet = try writer.addSheet(named: "Данные", layout: SheetLayout(columnWidths: [30, 12, nil, 8], frozenRows: 1, autoFilter: true,
            validations: [ListValidation(range: CellRange(a1: "D2:D100")!, values: ["да", "нет"])]))
        try sheet.append(rows[0], style: .header)
        for row in rows.dropFirst() { try sheet.append(row) }
        _ = try writer.addSheet(named: "Второй")
        try writer.close()
    }

    @Test(arguments: [false, true])
    func everyTypeReadsBackUnchanged(sharedStrings: Bool) throws {
        let path = TestSupport.temporaryDirectory() + "/out.xlsx"
        try write(Self.sample, to: path, options: XLSXWriteOptions(sharedStrings: sharedStrings))
        let source = try XLSXReader(path: path)
        #expect(source.sheets.map(\.name) == ["Данные", "Второй"])
        let rows = try TestSupport.readAll(source)
        #expect(rows.count == Self.sample.count)
        for (row, expected) in zip(rows, Self.sample) {
            var trimmed = expected
            while trimmed.last == .empty { trimmed.removeLast() }
            #expect(row.cells == trimmed)
        }
        #expect(try TestSupport.readAll(source, sheet: 1).isEmpty)
    }

    @Test func outputIsByteIdenticalAcrossRunsAndTimeZones() throws {
        let directory = TestSupport.temporaryDirectory()
        try write(Self.sample, to: directory + "/a.xlsx")
        setenv("TZ", "Asia/Tomsk", 1)
        tzset()
        defer { unsetenv("TZ"); tzset() }
        try write(Self.sample, to: directory + "/b.xlsx")
        let first = try Data(contentsOf: URL(fileURLWithPath: directory + "/a.xlsx"))
        let second = try Data(contentsOf: URL(fileURLWithPath: directory + "/b.xlsx"))
        #expect(first == second)
        // Every entry is dated 1980-01-01 00:00 (DOS date 0x0021, time 0) in its local header.
        let bytes = [UInt8](first)
        var headers = 0
        for index in 0..<(bytes.count - 30) where bytes[index] == 0x50 && bytes[index + 1] == 0x4B && bytes[index + 2] == 3 && bytes[index + 3] == 4 {
            headers += 1
            #expect(bytes[index + 10] == 0 && bytes[index + 11] == 0)
            #expect(bytes[index + 12] == 0x21 && bytes[index + 13] == 0)
        }
        #expect(headers >= 8)
        // No spool files are left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["a.xlsx", "b.xlsx"])
    }

    @Test func sheetNamesFollowExcelsRules() throws {
        let writer = try XLSXWriter(path: TestSupport.temporaryDirectory() + "/names.xlsx")
        _ = try writer.addSheet(named: "Лист")
        for bad in ["", String(repeating: "я", count: 32), "a/b", "a[1]", "лист", "'quoted'"] {
            #expect(throws: SpreadsheetError.self) { _ = try writer.addSheet(named: bad) }
        }
        #expect(SheetName.sanitized("a/b:c", existing: []) == "a_b_c")
        #expect(SheetName.sanitized("Лист", existing: ["лист"]) == "Лист (2)")
        #expect(SheetName.sanitized(String(repeating: "я", count: 40), existing: []).count == 31)
    }

    @Test func overlongCellIsRefusedWithItsAddress() throws {
        let writer = try XLSXWriter(path: TestSupport.temporaryDirectory() + "/long.xlsx")
        let sheet = try writer.addSheet(named: "A")
        do {
            try sheet.append([.empty, .text(String(repeating: "x", count: 32_768))])
            Issue.record("an over-long cell was accepted")
        } catch let error as SpreadsheetError {
            #expect(error.cell == "B1")
            #expect(error.kind == .writeFailed)
        }
    }

    @Test func unwritableOutputIsAWriteError() {
        #expect(throws: SpreadsheetError.self) {
            let writer = try XLSXWriter(path: "/nonexistent-folder/x.xlsx")
            _ = try writer.addSheet(named: "A")
            try writer.close()
        }
    }

    @Test func randomTablesRoundTrip() throws {
        var random = SeededGenerator(seed: 20_221_015)
        let alphabet = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯabcXYZ 0123456789=+-@_&<>\"'\t\n\r\u{7}.,;")
        for round in 0..<20 {
            var rows: [[CellValue]] = []
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                var row: [CellValue] = []
                for _ in 0..<Int.random(in: 1...9, using: &random) {
                    switch Int.random(in: 0..<6, using: &random) {
                    case 0: row.append(.empty)
                    case 1, 2: row.append(.text(String((0..<Int.random(in: 1...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! })))
                    case 3: row.append(.number(Double.random(in: -1e9...1e9, using: &random)))
                    case 4: row.append(.boolean(Bool.random(using: &random)))
                    default: row.append(.temporal(ExcelTemporal(year: Int.random(in: 1901...2099, using: &random), month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))))
                    }
                }
                rows.append(row)
            }
            let path = TestSupport.temporaryDirectory() + "/random\(round).xlsx"
            let writer = try XLSXWriter(path: path, options: XLSXWriteOptions(sharedStrings: round % 2 == 0))
            let sheet = try writer.addSheet(named: "R")
            for row in rows { try sheet.append(row) }
            try writer.close()
            let back = try TestSupport.readAll(path: path)
            let expected = rows.enumerated().compactMap { index, cells -> Row? in
                var cells = cells
                while let last = cells.last, last.isEmpty { cells.removeLast() }
                return cells.isEmpty ? nil : Row(number: index + 1, cells: cells)
            }
            #expect(back == expected)
        }
    }
}
