import Foundation
import Testing
import SheetIO
@testable import Mentorship

/// Merged ranges and addresses that cost out of proportion to the file: a range written backwards, tall
/// one-column merges over sparse rows (overlapping too), a lone cell in column XFD on every row. Counted
/// (``OperationCounter``), never timed.
@Suite struct MalformedMergeTests {
    static func fixture(_ name: String) -> String { OutputSetSupport.root + "/Tests/Fixtures/hostile/" + name }

    /// Reads one fixture as the pipeline does, counting.
    static func read(_ name: String) -> (input: InputFile, sheets: [RecognisedSheet], log: IssueLog, counts: [OperationCounter.Step: Int]) {
        let log = IssueLog()
        var result: (InputFile, [RecognisedSheet])?
        let counts = OperationCounter.measure {
            result = InboxReader(inbox: OutputSetSupport.root, excluded: nil).read(name, path: fixture(name), log: log)
        }
        return (result!.0, result!.1, log, counts)
    }

    @Test func aReversedMergeIsReadSwappedWithAWarningAndBuildWritesItsOutputs() throws {
        let inbox = try OutputSetSupport.folder("merge-inbox")
        try FileManager.default.copyItem(atPath: Self.fixture("merge_reversed.xlsx"), toPath: inbox + "/merge_reversed.xlsx")
        let work = try OutputSetSupport.folder("merge-out")
        let output = work + "/out"
        _ = try OutputSetSupport.job(inbox, output, keyFolder: work + "/config").run()
        try OutputSetSupport.wholeSet(output)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/report.json"))) as? [String: Any])
        let issues = try #require(report["issues"] as? [[String: Any]])
        let merges = issues.filter { $0["code"] as? String == "MERGE_INVALID" }
        #expect(Set(merges.compactMap { $0["cell"] as? String }) == ["A1", "C2"])
        #expect(Set(merges.compactMap { $0["value"] as? String }) == ["B2:A1", "C3:C2"])
        #expect(merges.allSatisfy { $0["severity"] as? String == "warning" })

        // The class merged down (C3:C2) reaches the second pupil.
        let (_, sheets, _, _) = Self.read("merge_reversed.xlsx")
        let rows = try #require(sheets.first?.rows)
        #expect(rows.map { $0.row[column: 3] } == [.text("7А"), .text("7А")])
    }

    @Test func tallMergesFillOnlyRowsThatExistAndEachCellOnce() throws {
        let (input, sheets, log, counts) = Self.read("tall_merges.xlsx")
        #expect(input.status == .read)
        // 100 pupils, not 10,000 rows made up for the merged addresses.
        #expect(input.sheets.first?.rows == 100)
        let rows = try #require(sheets.first?.rows)
        #expect(rows.allSatisfy { $0.row[column: 3] == .text("7А") })
        // The table is A:D (D2 «группа» stands beside the header's run): every row filled up to D, no further.
        #expect(rows.allSatisfy { $0.row.cells == [$0.row.cells[0], .text("12.03.2012"), .text("7А"), .text("группа")] })
        // Three ranges of 10,000 rows, each listed 101 times: the fill stops at its budget, linear in the table's
        // cells (4 per cell, 16 per row, the header zone across the width), instead of 303 × 10,000 rows.
        let budget = 4 * 101 * 4 + 16 * 101 + 30 * 4 + 1_000
        #expect(counts[.mergeFillCell, default: 0] <= budget, "\(counts[.mergeFillCell, default: 0]) of \(budget)")
        #expect(counts[.mergeFillCell, default: 0] >= 3 * 100)
        #expect(!log.issues.contains { $0.code == .mergeInvalid })
    }

    @Test func overlappingRangesStopAtTheBudget() {
        let rows = (1...1_000).map { Row(number: $0, cells: [.text("Ученик \($0)"), .text("7А")]) }
        let merges = Array(repeating: CellRange(a1: "B1:B1048576")!, count: 500)
        var outcome: MergedCells.Outcome?
        let counts = OperationCounter.measure { outcome = MergedCells.fill(rows, merges: merges, headerZone: 30, width: 2) }
        let budget = MergedCells.budget(rows: rows, width: 2, headerZone: 30)
        #expect(outcome?.budgetExhausted == true)
        #expect(outcome?.rows == rows)
        // 500 ranges × 1,000 rows asked for; the budget (linear in the table) is what is spent.
        #expect(counts[.mergeFillCell, default: 0] <= budget && budget < 30_000)
    }

    @Test func rowsKeptForASheetAreCutToTheTablesWidth() throws {
        let (input, sheets, _, counts) = Self.read("wide_rows.xlsx")
        #expect(input.sheets.first?.rows == 4_000)
        let rows = try #require(sheets.first?.rows)
        #expect(rows.allSatisfy { $0.row.cells.count == 3 })
        // Rows × width kept: 4,001 rows of 3 cells, not of 16,384.
        #expect(counts[.sheetCellKept, default: 0] <= 4_001 * 3, "\(counts[.sheetCellKept, default: 0])")
        // And read so: the reader drops the cell in XFD instead of padding each row to it.
        #expect(counts[.sheetCellRead, default: 0] == 4_001 * 3, "\(counts[.sheetCellRead, default: 0])")
    }

    /// A roster header and `pupils` rows of three cells, each row also holding a number in column `far`.
    static func writeWideRoster(pupils: Int, far: Int, to path: String) throws {
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(named: "Ученики")
        try sheet.append([.text("ФИО"), .text("Дата рождения"), .text("Класс")])
        var cells = [CellValue](repeating: .empty, count: far)
        for pupil in 1...pupils {
            cells[0] = .text("Ученик \(pupil)")
            cells[1] = .text("12.03.2012")
            cells[2] = .text("7А")
            cells[far - 1] = .number(Double(pupil))
            try sheet.append(cells)
        }
        try writer.close()
    }

    @Test func aBuildReadsNoCellPastTheWidestTable() throws {
        let folder = try OutputSetSupport.folder("wide-columns")
        var read: [Int: Int] = [:]
        for far in [2_000, Limits.excelColumns] {
            let name = "wide-\(far).xlsx"
            try Self.writeWideRoster(pupils: 200, far: far, to: folder + "/" + name)
            let log = IssueLog()
            var result: (InputFile, [RecognisedSheet])?
            let counts = OperationCounter.measure {
                result = InboxReader(inbox: folder, excluded: nil).read(name, path: folder + "/" + name, log: log)
            }
            #expect(result?.0.sheets.first?.rows == 200)
            #expect(result?.1.first?.rows.allSatisfy { $0.row.cells.count == 3 } == true)
            read[far] = counts[.sheetCellRead, default: 0]
        }
        // The cells handed out are the table's: the same for a far cell in column 2,000 as in XFD.
        #expect(read[2_000] == 201 * 3)
        #expect(read[Limits.excelColumns] == 201 * 3)
        #expect(InboxReader.readLimits.maxColumns == TableArea.maxWidth)
    }

    @Test func theTablesWidthIsItsWidestRunOfColumns() {
        func row(_ number: Int, _ columns: [Int]) -> Row {
            var cells = [CellValue](repeating: .empty, count: columns.max() ?? 0)
            for column in columns { cells[column - 1] = .text("x") }
            return Row(number: number, cells: cells)
        }
        #expect(TableArea.width(of: [row(1, [1, 2, 3]), row(2, [1, 16_384])]) == 3)
        // A column without a title inside the table does not end it; a note far left does not start it.
        #expect(TableArea.width(of: [row(1, [1, 2, 4, 5, 6])]) == 6)
        #expect(TableArea.width(of: [row(1, [1]), row(3, Array(20...27))]) == 27)
        #expect(TableArea.width(of: []) == 0)
    }
}
