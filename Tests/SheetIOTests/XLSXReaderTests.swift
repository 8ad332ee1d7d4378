import Foundation
import Testing
@testable import SheetIO

@Suite struct XLSXReaderTests {
    @Test func readsTheBaselineWorkbook() throws {
        let source = try XLSXReader(path: TestSupport.fixture("valid.xlsx"))
        #expect(source.sheets.map(\.name) == ["Лист1"])
        let rows = try TestSupport.readAll(source)
        #expect(rows.count == 2)
        #expect(rows[0].cells == [.text("ФИО"), .number(42)])
        #expect(rows[1][column: 1] == .text("Иванов Иван"))
        guard case .temporal(let date) = rows[1][column: 2] else { Issue.record("B2 is not a date"); return }
        #expect(date.kind == .date)
        #expect(date.isoString == "2023-03-15")
    }

    @Test func aCellOverExcelsLengthIsStillRead() throws {
        let rows = try TestSupport.readAll(path: TestSupport.fixture("huge_cell.xlsx"))
        guard case .text(let text) = rows[0][column: 1] else { Issue.record("A1 is not text"); return }
        #expect(text.count == 40_000)
    }

    /// Each hostile file gives a typed error of the documented kind, naming the file, without hanging.
    @Test(arguments: [
        ("zip_bomb.xlsx", SpreadsheetError.Kind.limitExceeded, "compression ratio"),
        ("zip_bomb_lying_header.xlsx", .limitExceeded, "more than the 1000 bytes"),
        ("entity_bomb.xlsx", .unreadable, "DTD"),
        ("external_entity.xlsx", .unreadable, "DTD"),
        ("deep_nesting.xlsx", .limitExceeded, "nested deeper"),
        ("truncated.xlsx", .unreadable, "truncated"),
        ("truncated_entry.xlsx", .unreadable, "damaged entry"),
        ("encrypted.xlsx", .unsupported, "password-protected"),
        ("not_a_zip.xlsx", .unreadable, "not a zip archive"),
        ("empty_file.xlsx", .unreadable, "empty"),
        ("missing_workbook.xlsx", .unreadable, "no workbook part"),
        ("bad_shared_string_index.xlsx", .unreadable, "shared string 99"),
        ("bad_xml.xlsx", .unreadable, "not well-formed"),
    ])
    func hostileFilesGiveTypedErrors(name: String, kind: SpreadsheetError.Kind, words: String) {
        TestSupport.expectTypedError(reading: name, kind: kind, words: words)
    }

    @Test func limitsAreConfigurable() throws {
        var limits = ReadLimits()
        limits.maxCellsPerSheet = 3
        let path = TestSupport.temporaryDirectory() + "/many.xlsx"
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(named: "A")
        for row in 0..<2 { try sheet.append([.number(Double(row)), .number(1)]) }
        try writer.close()
        #expect(throws: SpreadsheetError.self) { _ = try TestSupport.readAll(XLSXReader(path: path, limits: limits)) }
        limits.maxCellsPerSheet = 4
        #expect(try TestSupport.readAll(XLSXReader(path: path, limits: limits)).count == 2)
    }

    @Test func sparseRowsMissingReferencesAndPrefixes() throws {
        let sheetXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
        <x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>
        <x:row r="5"><x:c r="C5" t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>
        <x:row><x:c t="str"><x:f>A1</x:f><x:v>a_x000D_b</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>rich </x:t></x:r><x:r><x:t>text</x:t></x:r><x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c></x:row>
        </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B2"/></x:mergeCells></x:worksheet>
        """
        let path = try MinimalPackage.write(sheetXML: sheetXML)
        let source = try XLSXReader(path: path)
        let reader = try source.rows(ofSheet: 0)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        #expect(rows.map(\.number) == [1, 5, 6])
        #expect(rows[0].cells == [.text("a"), .number(1)])
        #expect(rows[1].cells == [.empty, .empty, .boolean(true), .error("#N/A")])
        #expect(rows[2].cells == [.text("a\rb"), .text("rich text")])
        #expect(reader.mergedRanges == [CellRange(a1: "A1:B2")!])
    }

    @Test func percentEncodedTargetsFindTheirEntries() throws {
        let sheetXML = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>"#
        let path = try MinimalPackage.write(sheetXML: sheetXML, sheetPath: "xl/worksheets/лист 1.xml", target: "worksheets/%D0%BB%D0%B8%D1%81%D1%82%201.xml")
        #expect(try TestSupport.readAll(XLSXReader(path: path))[0].cells == [.number(7)])
    }

    @Test func strictNamespaceAndRelationshipTargetsAreFollowed() throws {
        let sheetXML = """
        <worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData><row r="1"><c r="B1"><v>2.5</v></c></row></sheetData></worksheet>
        """
        let path = try MinimalPackage.write(sheetXML: sheetXML, sheetPath: "xl/sheets/data.xml", strict: true)
        let source = try XLSXReader(path: path)
        #expect(try TestSupport.readAll(source)[0].cells == [.empty, .number(2.5)])
    }
}

/// Builds tiny XLSX packages around a hand-written sheet part, through the project's own zip writer.
enum MinimalPackage {
    static func write(sheetXML: String, sheetPath: String = "xl/worksheets/sheet1.xml", strict: Bool = false, target explicitTarget: String? = nil) throws -> String {
        let relationships = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let main = strict ? "http://purl.oclc.org/ooxml/spreadsheetml/main" : "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let path = TestSupport.temporaryDirectory() + "/test.xlsx"
        let zip = try PackageIOBridge.writer(path)
        try zip.add("_rels/.rels", bytes: Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8))
        try zip.add("xl/workbook.xml", bytes: Array(#"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>"#.utf8))
        let target = explicitTarget ?? (sheetPath.hasPrefix("xl/") ? String(sheetPath.dropFirst(3)) : "/" + sheetPath)
        try zip.add("xl/_rels/workbook.xml.rels", bytes: Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="\#(relationships)/worksheet" Target="\#(target)"/></Relationships>"#.utf8))
        try zip.add(sheetPath, bytes: Array(sheetXML.utf8))
        try zip.close()
        return path
    }
}
