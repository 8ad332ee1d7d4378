import Foundation
import Testing
import PackageIO
@testable import SheetIO

/// A column limit (``ReadLimits/maxColumns``) drops the cells beyond it as they are parsed: rows come out at
/// most that wide, and the cells written padding them follow the rows and the limit, never the far addresses
/// nor the repeat counts. Counted (``WorksheetReader/cellsPadded``, ``ODSRowReader/cellsPadded``), never timed.
@Suite struct ColumnLimitTests {
    /// The limit a build reads with: its widest table.
    static let limits = ReadLimits(maxColumns: 1_024)

    // MARK: XLSX

    /// An XLSX workbook of `rows` rows, each its number in A and 1 in column `far`.
    static func xlsx(rows: Int, far: Int) throws -> String {
        let letters = CellAddress.columnName(far)
        let cells = (1...rows).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c><c r="\#(letters)\#($0)"><v>1</v></c></row>"# }
        return try MinimalPackage.write(sheetXML: #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + cells.joined() + "</sheetData></worksheet>")
    }

    /// Every row of the workbook at `path` under `limits`, and the cells written padding them.
    static func readXLSX(_ path: String, limits: ReadLimits = Self.limits, fast: Bool = true) throws -> (rows: [Row], padded: Int) {
        let source = try XLSXReader(path: path, limits: limits)
        source.useFastScanner = fast
        let reader = try #require(try source.rows(ofSheet: 0) as? WorksheetReader)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return (rows, reader.cellsPadded)
    }

    @Test func xlsxCellsBeyondTheLimitAreDroppedBeforePadding() throws {
        for far in [2_000, Limits.excelColumns] {
            for count in [500, 2_000] {
                let (rows, padded) = try Self.readXLSX(Self.xlsx(rows: count, far: far))
                #expect(rows.count == count)
                #expect(rows.allSatisfy { $0.cells == [.number(Double($0.number))] }, "column \(far)")
                // One cell padded a row: linear in the rows, the same for column 2,000 as for XFD.
                #expect(padded == count, "column \(far), \(count) rows: \(padded)")
            }
        }
    }

    @Test func xlsxKeepsTheLastColumnWithinTheLimitOnBothParsers() throws {
        // Row 1: A, the limit's column and the next; row 2: only beyond the limit; row 3: A.
        let sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + #"<row r="1"><c r="A1"><v>1</v></c><c r="AMJ1"><v>2</v></c><c r="AMK1"><v>3</v></c></row>"#
            + #"<row r="2"><c r="AMK2" t="inlineStr"><is><t>далеко</t></is></c></row><row r="3"><c r="A3"><v>5</v></c></row></sheetData></worksheet>"#
        let path = try MinimalPackage.write(sheetXML: sheet)
        #expect(CellAddress.columnName(1_024) == "AMJ")
        var first = [CellValue](repeating: .empty, count: 1_024)
        first[0] = .number(1)
        first[1_023] = .number(2)
        for fast in [true, false] {
            let (rows, padded) = try Self.readXLSX(path, fast: fast)
            // A row left with no cell is not handed out, as a row with none in the file.
            #expect(rows == [Row(number: 1, cells: first), Row(number: 3, cells: [.number(5)])], "fast: \(fast)")
            #expect(padded == 1_024 + 1, "fast: \(fast)")
        }
        // With no limit, as before: every cell, rows padded to their last.
        let (all, _) = try Self.readXLSX(path, limits: .default)
        #expect(all.map(\.cells.count) == [1_025, 1_025, 1])
        #expect(all[1].cells.last == .text("далеко"))
    }

    // MARK: ODS

    static let name = #"<table:table-cell office:value-type="string"><text:p>Иванов Иван</text:p></table:table-cell>"#

    static func empties(_ count: Int) -> String { #"<table:table-cell table:number-columns-repeated="\#(count)"/>"# }

    static func number(_ value: Int, repeated: Int = 1) -> String {
        #"<table:table-cell office:value-type="float" office:value="\#(value)" table:number-columns-repeated="\#(repeated)"/>"#
    }

    /// An OpenDocument spreadsheet of one table whose rows hold `rows` (the cells of each `table:table-row`), each
    /// row repeated `rowRepeats` times.
    static func ods(_ rows: [String], rowRepeats: Int = 1) throws -> String {
        let path = TestSupport.temporaryDirectory() + "/test.ods"
        let zip = try PackageIOBridge.writer(path)
        try zip.add("mimetype", bytes: Array("application/vnd.oasis.opendocument.spreadsheet".utf8), level: 0)
        let content = #"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#
            + #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">"#
            + #"<office:body><office:spreadsheet><table:table table:name="Лист1">"#
            + rows.map { #"<table:table-row table:number-rows-repeated="\#(rowRepeats)">\#($0)</table:table-row>"# }.joined()
            + "</table:table></office:spreadsheet></office:body></office:document-content>"
        try zip.add("content.xml", bytes: Array(content.utf8))
        try zip.close()
        return path
    }

    /// Every row of the spreadsheet at `path` under `limits`, and the cells written padding them.
    static func readODS(_ path: String, limits: ReadLimits = Self.limits) throws -> (rows: [Row], padded: Int) {
        let reader = try #require(try ODSReader(path: path, limits: limits).rows(ofSheet: 0) as? ODSRowReader)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return (rows, reader.cellsPadded)
    }

    @Test func odsCellsBeyondTheLimitAreDroppedBeforePadding() throws {
        for empties in [2_000, 16_000] {
            for count in [200, 800] {
                let (rows, padded) = try Self.readODS(Self.ods(Array(repeating: Self.name + Self.empties(empties) + Self.number(7), count: count)))
                #expect(rows.count == count)
                #expect(rows.allSatisfy { $0.cells == [.text("Иванов Иван")] }, "\(empties) empties")
                #expect(padded == count, "\(empties) empties, \(count) rows: \(padded)")
            }
        }
    }

    @Test func odsARepeatedValueCostsNothingPastTheLimit() throws {
        for repeats in [100, 10_000] {
            // Wholly beyond the limit: the row keeps its name alone.
            let beyond = try Self.readODS(Self.ods(Array(repeating: Self.name + Self.empties(2_000) + Self.number(7, repeated: repeats), count: 100)))
            #expect(beyond.rows.allSatisfy { $0.cells == [.text("Иванов Иван")] })
            #expect(beyond.padded == 100, "\(repeats) repeats: \(beyond.padded)")
            // Across the limit: columns 1,001 to 1,024 keep the value, whatever the repeat count.
            let across = try Self.readODS(Self.ods(Array(repeating: Self.empties(1_000) + Self.number(7, repeated: repeats), count: 100)))
            #expect(across.rows.allSatisfy { $0.cells.count == 1_024 && $0.cells[1_000...].allSatisfy { $0 == .number(7) } && $0.cells[999] == .empty })
            // Padded from A as parsed, and again when handed out (24 cells in 1,024 columns wait unpadded).
            #expect(across.padded == 100 * 2 * 1_024, "\(repeats) repeats: \(across.padded)")
        }
        // A repetition past Excel's last column is still refused, limit or not.
        let past = try Self.ods([Self.number(7, repeated: 20_000)])
        #expect { _ = try Self.readODS(past) } throws: { ($0 as? SpreadsheetError)?.kind == .limitExceeded }
        // The cells dropped still count towards the sheet's cell limit, so a limited reader refuses what any other does.
        var small = Self.limits
        small.maxCellsPerSheet = 1_000
        for row in [Self.name + Self.empties(2_000), Self.empties(2_001)] {
            let many = try Self.ods([row + Self.number(7, repeated: 10_000)])
            #expect { _ = try Self.readODS(many, limits: small) } throws: { ($0 as? SpreadsheetError)?.kind == .limitExceeded }
        }
        // And a row repeated past Excel's last row is refused though none of its cells is kept.
        let tall = try Self.ods([Self.empties(2_000) + Self.number(7)], rowRepeats: 2_000_000)
        #expect { _ = try Self.readODS(tall) } throws: { ($0 as? SpreadsheetError)?.message.contains("beyond Excel's last row") == true }
    }
}

/// The other readers keep to the column limit too, so that a row is at most that wide whatever the format.
@Suite struct ColumnLimitOtherReaderTests {
    /// `row` as a reader limited to `width` columns gives it: nil when no cell is left.
    static func cut(_ row: Row, to width: Int) -> Row? {
        var cells = Array(row.cells.prefix(width))
        while cells.last == .empty { cells.removeLast() }
        return cells.isEmpty ? nil : Row(number: row.number, cells: cells)
    }

    @Test func xlsRowsStopAtTheLimitInOrderAndOutOfOrder() throws {
        let narrow = ReadLimits(maxColumns: 2)
        for name in ["unordered_rows.xls", "roster.xls"] {
            let all = try TestSupport.readAll(XLSReader(path: XLSReaderTests.xls(name)))
            let limited = try TestSupport.readAll(XLSReader(path: XLSReaderTests.xls(name), limits: narrow))
            #expect(all.contains { $0.cells.count > 2 }, "\(name)")
            #expect(limited == all.compactMap { Self.cut($0, to: 2) }, "\(name)")
        }
    }

    @Test func csvRecordsStopAtTheLimit() throws {
        let path = TestSupport.temporaryDirectory() + "/wide.csv"
        TestSupport.write("a;b;c\n;;x\nd\n", to: path)
        let rows = try TestSupport.readAll(SpreadsheetOpener.open(path: path, limits: ReadLimits(maxColumns: 2)))
        // A record with nothing left within the limit is skipped, as a blank line is.
        #expect(rows == [Row(number: 1, cells: [.text("a"), .text("b")]), Row(number: 3, cells: [.text("d")])])
        // Any limit is safe: none at all, or none kept.
        #expect(try TestSupport.readAll(SpreadsheetOpener.open(path: path, limits: ReadLimits(maxColumns: .max))).count == 3)
        #expect(try TestSupport.readAll(SpreadsheetOpener.open(path: path, limits: ReadLimits(maxColumns: -1))).isEmpty)
    }

    @Test func markupCellsBeyondTheLimitAreDropped() throws {
        let folder = TestSupport.temporaryDirectory()
        let html = folder + "/table.xls"
        TestSupport.write("<html><body><table><tr><td>a</td><td colspan=\"3\">b</td><td>c</td></tr></table></body></html>", to: html)
        let source = try SpreadsheetOpener.open(path: html, limits: ReadLimits(maxColumns: 4))
        let reader = try source.rows(ofSheet: 0)
        #expect(try reader.next() == Row(number: 1, cells: [.text("a"), .text("b")]))
        #expect(reader.mergedRanges == [CellRange(a1: "B1:D1")!])

        // `ss:Index` may name any column: past the limit (Excel's last column by default) a cell is dropped, not padded to.
        let xml = folder + "/list.xls"
        TestSupport.write("""
            <?xml version="1.0"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
             <Worksheet ss:Name="Данные"><Table><Row><Cell><Data ss:Type="String">a</Data></Cell><Cell><Data ss:Type="String">b</Data></Cell>
              <Cell ss:Index="2000000000"><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet>
            </Workbook>
            """, to: xml)
        #expect(try TestSupport.readAll(path: xml) == [Row(number: 1, cells: [.text("a"), .text("b")])])
        #expect(try TestSupport.readAll(SpreadsheetOpener.open(path: xml, limits: ReadLimits(maxColumns: 1))) == [Row(number: 1, cells: [.text("a")])])
    }
}
