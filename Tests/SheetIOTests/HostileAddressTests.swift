import Foundation
import Testing
import PackageIO
@testable import SheetIO

/// Addresses and archive layouts that cost or mislead out of proportion to a file's size: rows padded to a
/// far column, merged ranges written backwards, archives holding one name twice.
@Suite struct HostileAddressTests {
    @Test func rowsReachingColumnXFDWaitUnpaddedUntilHandedOut() throws {
        let source = try XLSXReader(path: TestSupport.fixture("wide_rows.xlsx"))
        let reader = try #require(try source.rows(ofSheet: 0) as? WorksheetReader)
        var rows = 0, farCells = 0
        while let row = try reader.next() {
            rows += 1
            if row.cells.count == Limits.excelColumns, row.cells[Limits.excelColumns - 1] == .number(Double(row.number)) { farCells += 1 }
        }
        #expect(rows == 4_001)
        #expect(farCells == 4_000)
        // Each row parsed ahead holds its 4 cells, not 16,384: the cells materialised at once stay within the
        // file's own cells (4 × 4,001 and the header) and one padded row, instead of 4,000 padded rows.
        #expect(reader.peakPendingCells <= 4 * 4_001 + Limits.excelColumns, "\(reader.peakPendingCells)")
        // With no column limit, each row is still padded to XFD once, when handed out (and the header row to C).
        #expect(reader.cellsPadded == 4_000 * Limits.excelColumns + 3, "\(reader.cellsPadded)")
    }

    @Test func odsRowsReachingColumnXFDWaitUnpaddedUntilHandedOut() throws {
        let source = try ODSReader(path: TestSupport.fixture("ods_wide_rows.ods"))
        let reader = try #require(try source.rows(ofSheet: 0) as? ODSRowReader)
        var rows = 0, farCells = 0
        while let row = try reader.next() {
            rows += 1
            if row.cells.count == Limits.excelColumns, row.cells[Limits.excelColumns - 1] == .number(Double(row.number)),
               row.cells[0] == .text("Иванов Иван") { farCells += 1 }
        }
        #expect(rows == 1_000)
        #expect(farCells == 1_000)
        #expect(reader.peakPendingCells <= 2 * 1_000, "\(reader.peakPendingCells)")
        // With no column limit, each row is padded to XFD as it is parsed, and again when handed out.
        #expect(reader.cellsPadded == 1_000 * 2 * Limits.excelColumns, "\(reader.cellsPadded)")
    }

    @Test func ordinaryRowsArePaddedAsBefore() throws {
        var pending = PendingRows()
        pending.append(number: 3, columns: [2, 1, 2], values: [.number(1), .text("a"), .number(2)], width: 2)
        pending.append(number: 4, columns: [200], values: [.number(7)], width: 200)
        #expect(pending.row(at: 0) == Row(number: 3, cells: [.text("a"), .number(2)]))
        let far = pending.row(at: 1)
        #expect(far.cells.count == 200 && far.cells[199] == .number(7) && far.cells[0] == .empty)
        #expect(pending.cells == 2 + 1)
        // Padded once each: the close row when stored, the far one when handed out.
        #expect(pending.cellsPadded == 2 + 200)
    }

    @Test func aReversedRangeIsNormalisedNotTrapped() throws {
        let range = try #require(CellRange(a1: "B2:A1"))
        #expect(range.isReversed)
        #expect(range.normalised == CellRange(a1: "A1:B2"))
        #expect(range.contains(CellAddress(row: 1, column: 2)))
        #expect(try #require(CellRange(a1: "A3:A2")).normalised.description == "A2:A3")
        #expect(!(try #require(CellRange(a1: "A2:A3")).isReversed))
    }

    @Test func anArchiveHoldingOneNameTwiceIsRefused() throws {
        #expect { _ = try ZipReader(path: TestSupport.fixture("duplicate_entry.xlsx")) } throws: { error in
            (error as? PackageError)?.kind == .duplicateEntry && (error as? PackageError)?.entry == "xl/worksheets/sheet1.xml"
        }
        for name in ["duplicate_entry.xlsx", "duplicate_entry.ods"] {
            #expect(throws: SpreadsheetError.self, "\(name)") { _ = try TestSupport.readAll(path: TestSupport.fixture(name)) }
            do {
                _ = try TestSupport.readAll(path: TestSupport.fixture(name))
            } catch let error as SpreadsheetError {
                #expect(error.kind == .unreadable, "\(name)")
                #expect(error.message.contains("two entries named"), "\(name): \(error.message)")
            }
        }
        // The ODS reader itself refuses it too, whatever the opener decides the file is.
        #expect(throws: SpreadsheetError.self) { _ = try ODSReader(path: TestSupport.fixture("duplicate_entry.ods")) }
    }
}
