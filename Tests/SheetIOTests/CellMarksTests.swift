import Foundation
import Testing
import PackageIO
@testable import SheetIO

/// Marking cells of a workbook: the marks land, the parts they do not touch stay byte for byte.
@Suite struct CellMarksTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "nastavnik-marks-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func entries(_ path: String) throws -> [String: [UInt8]] {
        let reader = try ZipReader(path: path)
        var result: [String: [UInt8]] = [:]
        for entry in reader.entries { result[entry.name] = try reader.readAll(entry) }
        return result
    }

    static func workbook(_ path: String) throws {
        let writer = try XLSXWriter(path: path, options: XLSXWriteOptions(sharedStrings: true))
        let first = try writer.addSheet(named: "Лист1", layout: SheetLayout(columnWidths: [30, 14], frozenRows: 1, autoFilter: true))
        try first.append([.text("ФИО"), .text("Дата рождения")], style: .header)
        try first.append([.text("Иванов Иван Иванович"), .temporal(ExcelTemporal(year: 2012, month: 3, day: 14))])
        try first.append([.text("Петров Пётр"), .text("31.02.2011")])
        let second = try writer.addSheet(named: "Второй")
        try second.append([.text("не трогать"), .number(42)])
        try writer.close()
    }

    @Test func marksLandAndUntouchedPartsStayByteForByte() throws {
        let folder = try Self.folder()
        let source = folder + "/in.xlsx", output = folder + "/out.xlsx"
        try Self.workbook(source)
        let before = try Self.entries(source)
        try XLSXCellMarks.mark(source: source, output: output, marks: [
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "B3")!, level: .error, comment: "Ошибка: такой даты нет"),
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "B3")!, level: .warning, comment: "второе замечание"),
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "D7")!, level: .warning, comment: "ячейка, которой не было"),
            CellMark(sheet: "Нет такого", cell: CellAddress(a1: "C3")!, level: .warning, comment: "о файле"),
        ], ownerTag: "проверка")
        let after = try Self.entries(output)
        let rewritten: Set<String> = ["xl/worksheets/sheet1.xml", "xl/styles.xml", "[Content_Types].xml", "_rels/.rels"]
        for (name, bytes) in before where !rewritten.contains(name) {
            #expect(after[name] == bytes, "\(name) changed")
        }
        let comments = try #require(after["xl/comments1.xml"].map { String(decoding: $0, as: UTF8.self) })
        #expect(comments.contains("ref=\"B3\"") && comments.contains("ref=\"D7\"") && comments.contains("ref=\"A1\""))
        #expect(comments.contains("Ошибка: такой даты нет") && comments.contains("второе замечание"))
        #expect(after["xl/drawings/vmlDrawing1.vml"] != nil)
        let sheet = String(decoding: after["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(sheet.contains("<legacyDrawing r:id="))
        let styles = String(decoding: after["xl/styles.xml"]!, as: UTF8.self)
        #expect(styles.contains(XLSXCellMarks.errorFill) && styles.contains(XLSXCellMarks.warningFill))
        #expect(XLSXCellMarks.isMarkedCopy(path: output))
        #expect(!XLSXCellMarks.isMarkedCopy(path: source))
        // The values read back as they were.
        let original = try XLSXReader(path: source), marked = try XLSXReader(path: output)
        for index in 0..<2 {
            let a = try original.rows(ofSheet: index), b = try marked.rows(ofSheet: index)
            while let row = try a.next() {
                var other = try #require(try b.next())
                while other.cells.allSatisfy({ $0 == .empty }) { other = try #require(try b.next()) }
                #expect(row.cells == Array(other.cells.prefix(row.cells.count)))
            }
        }
    }

    /// Cell reference → style index of every cell of a sheet part.
    static func cellStyles(_ bytes: [UInt8]) throws -> [String: String] {
        let part = try XMLPart(bytes: bytes, file: "test", entry: "sheet")
        var result: [String: String] = [:]
        for row in part.root.child(named: "sheetData")?.children(named: "row") ?? [] {
            for cell in row.children(named: "c") { result[cell.attribute("r") ?? "?"] = cell.attribute("s") ?? "0" }
        }
        return result
    }

    @Test(arguments: [true, false])
    func splicedAndTreeEditedSheetsGetTheSameMarks(splicing: Bool) throws {
        let folder = try Self.folder()
        try Self.workbook(folder + "/in.xlsx")
        let marks = [
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "B3")!, level: .error, comment: "есть"),
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "D2")!, level: .warning, comment: "новая ячейка в конце строки"),
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "C9")!, level: .error, comment: ""),
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "A5")!, level: .warning, comment: "новая строка между"),
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "E1")!, level: .note, comment: "только примечание"),
        ]
        try XLSXCellMarks.mark(source: folder + "/in.xlsx", output: folder + "/out.xlsx", marks: marks, ownerTag: nil, author: "Nastavnik", splicing: splicing)
        let after = try Self.entries(folder + "/out.xlsx")
        let styles = try Self.cellStyles(after["xl/worksheets/sheet1.xml"]!)
        let errorStyle = styles["B3"], warningStyle = styles["D2"]
        #expect(errorStyle != nil && warningStyle != nil && errorStyle != warningStyle)
        #expect(styles["C9"] != nil && styles["A5"] == warningStyle && styles["A2"] == "0")
        let comments = String(decoding: after["xl/comments1.xml"]!, as: UTF8.self)
        #expect(comments.contains("ref=\"E1\"") && comments.contains("ref=\"A5\"") && !comments.contains("ref=\"C9\""))
        let rows = try XLSXReader(path: folder + "/out.xlsx").rows(ofSheet: 0)
        var numbers: [Int] = []
        while let row = try rows.next() { numbers.append(row.number) }
        #expect(numbers == [1, 2, 3])   // the new cells are empty: the rows read as before
        #expect(String(decoding: after["xl/worksheets/sheet1.xml"]!, as: UTF8.self).contains("<legacyDrawing r:id="))
    }

    /// openpyxl and others leave the relationships namespace undeclared on a sheet's root: the sheet is still spliced
    /// by bytes (a tree of a big sheet costs half a gigabyte), with the namespace declared on the root for the drawing.
    @Test func aSheetWithoutTheRelationshipsNamespaceIsStillSpliced() throws {
        let folder = try Self.folder()
        try Self.workbook(folder + "/written.xlsx")
        var parts = try Self.entries(folder + "/written.xlsx")
        let declaration = #" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        let sheet = String(decoding: parts["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(sheet.contains(declaration))
        let plain = sheet.replacingOccurrences(of: declaration, with: "")
            .replacingOccurrences(of: "</sheetData>", with: #"<row r="20" spans="1:2"></row></sheetData>"#)
        #expect(!plain.contains("xmlns:r=") && plain.contains(#"<row r="20" spans="1:2"></row>"#))
        parts["xl/worksheets/sheet1.xml"] = Array(plain.utf8)
        let zip = try ZipWriter(path: folder + "/in.xlsx")
        for name in parts.keys.sorted() { try zip.add(name, bytes: parts[name]!) }
        try zip.close()
        try XLSXCellMarks.mark(source: folder + "/in.xlsx", output: folder + "/out.xlsx",
                               marks: [CellMark(sheet: "Лист1", cell: CellAddress(a1: "B3")!, level: .error, comment: "такой даты нет")])
        let marked = String(decoding: try Self.entries(folder + "/out.xlsx")["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(marked.contains(declaration) && marked.contains("<legacyDrawing r:id="))
        // Spliced, not re-serialised from a tree: an untouched row keeps its exact bytes (a tree writes `<row …/>`).
        #expect(marked.contains(#"<row r="20" spans="1:2"></row>"#))
        #expect(try Self.cellStyles(Array(marked.utf8))["B3"] != "0")
    }

    /// A non-XLSX input is copied by its filled cells: a sheet whose every row has a cell in column XFD keeps
    /// those cells in the copy, and the rows are kept sparse until written (not 16,384 slots each).
    @Test func aWideRowInputIsCopiedWhole() throws {
        let folder = try Self.folder()
        let line = "имя" + String(repeating: ",", count: 16_383) + "далеко\n"
        try Data(String(repeating: line, count: 40).utf8).write(to: URL(fileURLWithPath: folder + "/wide.csv"))
        let source = try SpreadsheetOpener.open(path: folder + "/wide.csv")
        _ = try XLSXCellMarks.copyAsXLSX(source, to: folder + "/copy.xlsx")
        func filled(_ reader: any SpreadsheetSource) throws -> [[String]] {
            let rows = try reader.rows(ofSheet: 0)
            var result: [[String]] = []
            while let row = try rows.next() {
                let cells = row.cells.enumerated().filter { $0.element != .empty }.map { "\(row.number):\($0.offset):\($0.element)" }
                if !cells.isEmpty { result.append(cells) }
            }
            return result
        }
        let original = try filled(source), copied = try filled(try XLSXReader(path: folder + "/copy.xlsx"))
        #expect(original.count == 40 && copied == original)
        #expect(original.contains { $0.last?.contains(":16383:") == true })
    }

    @Test func aSecondMarkingAddsToTheExistingCommentsAndDrawing() throws {
        let folder = try Self.folder()
        try Self.workbook(folder + "/in.xlsx")
        try XLSXCellMarks.mark(source: folder + "/in.xlsx", output: folder + "/once.xlsx",
                               marks: [CellMark(sheet: "Лист1", cell: CellAddress(a1: "A2")!, level: .note, comment: "первое")])
        try XLSXCellMarks.mark(source: folder + "/once.xlsx", output: folder + "/twice.xlsx", marks: [
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "A2")!, level: .error, comment: "к тому же"),
            CellMark(sheet: "Лист1", cell: CellAddress(a1: "B2")!, level: .error, comment: "новое"),
        ])
        let after = try Self.entries(folder + "/twice.xlsx")
        let comments = String(decoding: after["xl/comments1.xml"]!, as: UTF8.self)
        #expect(comments.contains("первое") && comments.contains("к тому же") && comments.contains("новое"))
        #expect(after["xl/comments2.xml"] == nil)
        let drawing = String(decoding: after["xl/drawings/vmlDrawing1.vml"]!, as: UTF8.self)
        #expect(drawing.components(separatedBy: "<v:shape ").count - 1 == 2)
    }

    @Test func hyperlinksPointAtACellOfAnotherFile() throws {
        let folder = try Self.folder()
        try Self.workbook(folder + "/in.xlsx")
        try XLSXHyperlinks.add([CellLink(cell: CellAddress(a1: "B2")!, target: "исправить/мой файл.xlsx", location: "'Лист1'!C14")],
                               sheet: "Лист1", workbook: folder + "/in.xlsx")
        let after = try Self.entries(folder + "/in.xlsx")
        let sheet = String(decoding: after["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(sheet.contains("location=\"'Лист1'!C14\""))
        let rels = String(decoding: after["xl/worksheets/_rels/sheet1.xml.rels"]!, as: UTF8.self)
        #expect(rels.contains("Target=\"исправить/мой%20файл.xlsx\"") && rels.contains("TargetMode=\"External\""))
    }
}
