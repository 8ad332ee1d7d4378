import Foundation
import Testing
import PackageIO
@testable import SheetIO

/// Marking every workbook of the corpus (written by Excel, LibreOffice, Google Sheets, openpyxl, XlsxWriter …) and
/// the hostile fixtures: a marked copy reads back with the same values, or the marking fails with an error; never a crash.
@Suite(.serialized) struct CellMarksCorpusTests {
    /// Every sheet's rows, empty cells dropped (a mark may add an empty cell).
    static func values(_ path: String) throws -> [[String]] {
        let reader = try XLSXReader(path: path)
        var result: [[String]] = []
        for sheet in reader.sheets where sheet.kind == .worksheet {
            let rows = try reader.rows(ofSheet: sheet.index)
            while let row = try rows.next() {
                let cells = row.cells.enumerated().filter { $0.element != .empty }.map { "\(sheet.index)!\(row.number),\($0.offset):\($0.element)" }
                if !cells.isEmpty { result.append(cells) }
            }
        }
        return result
    }

    @Test(arguments: [true, false])
    func everyCorpusWorkbookMarkedReadsBackTheSame(splicing: Bool) throws {
        let files = ConformanceTests.corpusFiles + ["valid.xlsx", "huge_cell.xlsx", "deep_nesting.xlsx", "bad_xml.xlsx", "entity_bomb.xlsx",
                                                     "external_entity.xlsx", "missing_workbook.xlsx", "truncated.xlsx"].map(TestSupport.fixture)
        let folder = NSTemporaryDirectory() + "nastavnik-marks-corpus-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var marked = 0, refused: [String] = []
        for (number, file) in files.enumerated() {
            guard let original = try? Self.values(file), let names = try? XLSXReader(path: file).sheets.filter({ $0.kind == .worksheet }).map(\.name) else { continue }
            let output = folder + "/\(number).xlsx"
            let marks = names.flatMap { name in
                [CellMark(sheet: name, cell: CellAddress(a1: "B2")!, level: .error, comment: "ошибка <&> \"тут\""),
                 CellMark(sheet: name, cell: CellAddress(a1: "A1")!, level: .warning, comment: "предупреждение"),
                 CellMark(sheet: name, cell: CellAddress(a1: "Z700")!, level: .warning, comment: "")]
            }
            do {
                try XLSXCellMarks.mark(source: file, output: output, marks: marks, ownerTag: "проверка", author: "Nastavnik", splicing: splicing)
            } catch {
                refused.append("\(URL(fileURLWithPath: file).lastPathComponent): \(error)")
                continue
            }
            marked += 1
            #expect(try Self.values(output) == original, "\(file): values changed by marking")
            #expect(XLSXCellMarks.isMarkedCopy(path: output), "\(file): no owner property")
            // The marks are there: a comments part names B2, and a fill was added.
            let reader = try ZipReader(path: output)
            let comments = try reader.entries.filter { $0.name.lowercased().contains("comments") && $0.name.hasSuffix(".xml") }
                .map { String(decoding: try reader.readAll($0), as: UTF8.self) }.joined()
            #expect(comments.contains("ошибка &lt;&amp;&gt;"), "\(file): the comment is missing")
            let styles = try reader.entries.filter { $0.name.lowercased().contains("styles") && $0.name.hasSuffix(".xml") }.map { String(decoding: try reader.readAll($0), as: UTF8.self) }.joined()
            #expect(styles.contains(XLSXCellMarks.errorFill), "\(file): the fill is missing")
        }
        print("marks (splicing \(splicing)): \(marked) of \(files.count) workbooks marked; refused: \(refused)")
        #expect(refused.count <= 3, "refused: \(refused)")
    }
}
