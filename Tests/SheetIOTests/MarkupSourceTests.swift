import Foundation
import Testing
@testable import PackageIO
@testable import SheetIO

/// The `.xls` files school information systems export: HTML tables and SpreadsheetML 2003.
@Suite struct MarkupSourceTests {
    @Test func htmlTablesWithSpansAndCharset() throws {
        let html = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>
        <table><tr><td colspan="2">Список</td></tr>
        <tr><th>ФИО</th><th>Класс</th><th rowspan="2">Примечание</th></tr>
        <tr><td>Иванов&nbsp; Иван</td><td>7А</td></tr>
        <tr><td>Пётр<br>Петров</td><td></td><td>x</td></tr></table>
        <table><tr><td>второй</td></tr></table></body></html>
        """
        let path = TestSupport.temporaryDirectory() + "/export.xls"
        let cp1251 = html.unicodeScalars.map { scalar -> UInt8 in
            if scalar.value < 0x80 { return UInt8(scalar.value) }
            return Windows1251.byteForScalar[scalar.value] ?? 0x3F
        }
        TestSupport.write(bytes: cp1251, to: path)
        let source = try SpreadsheetOpener.open(path: path)
        #expect(source.sheets.map(\.name) == ["export", "export #2"])
        let reader = try source.rows(ofSheet: 0)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows[0].cells == [.text("Список")])
        #expect(rows[1].cells == [.text("ФИО"), .text("Класс"), .text("Примечание")])
        #expect(rows[2].cells == [.text("Иванов Иван"), .text("7А")]) // the rowspan keeps column C taken
        #expect(rows[3].cells == [.text("Пётр\nПетров"), .empty, .text("x")])
        #expect(reader.mergedRanges.contains(CellRange(a1: "A1:B1")!))
        #expect(reader.mergedRanges.contains(CellRange(a1: "C2:C3")!))
    }

    /// Crafted spans (every cell `rowspan="1000" colspan="1000"`) cost their width at most, counted, never their area:
    /// the work grows with the cells, bounded per cell by the column limit.
    @Test func spansCostTheirWidthNotTheirArea() {
        func steps(rows: Int) -> (steps: Int, rows: [Row], merges: Int) {
            let table = (0..<rows).map { _ in [HTMLTables.Cell(text: "x", columnSpan: 1000, rowSpan: 1000), HTMLTables.Cell(text: "y", columnSpan: 1, rowSpan: 1)] }
            var steps = 0
            let laid = MarkupSource.layOut(table, maxColumns: 1024, steps: &steps)
            return (steps, laid.rows, laid.merges.count)
        }
        let small = steps(rows: 500), large = steps(rows: 2_000)
        #expect(small.steps <= 500 * 2 * (1024 + 2) && large.steps <= 2_000 * 2 * (1024 + 2))
        #expect(Double(large.steps) <= Double(small.steps) * 4 * 1.1, "\(small.steps) → \(large.steps) for 4× the rows")
        // Row 1: «x» spans A:ALL, «y» lands in ALM. Row 2: «x» after the rowspan above, in ALM; «y» past the limit is
        // dropped. From row 3 the spans above cover every column within the limit: nothing is placed until they end.
        let first = large.rows.first?.cells ?? [], second = large.rows.dropFirst().first?.cells ?? []
        #expect(first.count == 1001 && first.first == .text("x") && first.last == .text("y"))
        #expect(second.count == 1001 && second.last == .text("x"))
        // Until the first spans end (row 1,000): each row placed holds one «x», whose span is a merged range.
        #expect(large.rows.prefix { $0.number <= 1_000 }.count == 2 && large.merges == large.rows.count)
    }

    /// `ss:Index`, `ss:MergeAcross` and `ss:MergeDown` near `Int.max` are bounded, never an overflow trap.
    @Test func spreadsheetMLHugeIndexesAreBounded() throws {
        let xml = """
        <?xml version="1.0"?>
        <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
         <Worksheet ss:Name="Лист"><Table>
          <Row ss:Index="9223372036854775807"><Cell ss:Index="9223372036854775807" ss:MergeAcross="9223372036854775807"><Data ss:Type="String">a</Data></Cell><Cell><Data ss:Type="String">b</Data></Cell></Row>
          <Row><Cell ss:MergeDown="9223372036854775807"><Data ss:Type="String">c</Data></Cell></Row>
         </Table></Worksheet></Workbook>
        """
        let path = TestSupport.temporaryDirectory() + "/huge.xml"
        TestSupport.write(bytes: Array(xml.utf8), to: path)
        let reader = try SpreadsheetOpener.open(path: path).rows(ofSheet: 0)
        while try reader.next() != nil {}
        #expect(reader.mergedRanges.allSatisfy { $0.last.row <= 2 * Limits.excelRows + 2 && $0.last.column <= 2 * Limits.excelColumns + 2 })
    }

    @Test func spreadsheetML2003() throws {
        let xml = """
        <?xml version="1.0"?>
        <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
         <Worksheet ss:Name="Данные"><Table>
          <Row><Cell ss:MergeAcross="1"><Data ss:Type="String">Заголовок</Data></Cell></Row>
          <Row ss:Index="3"><Cell><Data ss:Type="Number">4.5</Data></Cell><Cell ss:Index="3"><Data ss:Type="DateTime">2012-03-14T00:00:00.000</Data></Cell>
           <Cell><Data ss:Type="Boolean">1</Data></Cell><Cell><Data ss:Type="Error">#N/A</Data></Cell></Row>
         </Table></Worksheet>
         <Worksheet ss:Name="Второй"><Table/></Worksheet>
        </Workbook>
        """
        let path = TestSupport.temporaryDirectory() + "/list.xls"
        TestSupport.write(xml, to: path)
        let source = try SpreadsheetOpener.open(path: path)
        #expect(source.sheets.map(\.name) == ["Данные", "Второй"])
        let reader = try source.rows(ofSheet: 0)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map(\.number) == [1, 3])
        #expect(rows[1][column: 1] == .number(4.5))
        #expect(rows[1][column: 2] == .empty)
        guard case .temporal(let date) = rows[1][column: 3] else { Issue.record("C3 is not a date"); return }
        #expect(date.isoString == "2012-03-14")
        #expect(rows[1][column: 4] == .boolean(true))
        #expect(rows[1][column: 5] == .error("#N/A"))
        #expect(reader.mergedRanges == [CellRange(a1: "A1:B1")!])
    }

    @Test func spreadsheetMLWithADoctypeIsRefused() throws {
        let path = TestSupport.temporaryDirectory() + "/bomb.xls"
        TestSupport.write("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>", to: path)
        #expect(throws: SpreadsheetError.self) { _ = try SpreadsheetOpener.open(path: path) }
    }
}
