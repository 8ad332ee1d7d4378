import Foundation
import Testing
@testable import SheetIO
import PackageIO

/// The specialised worksheet scanner must give exactly what libxml2 gives: on every corpus workbook,
/// on generated workbooks, and on the hostile files.
@Suite struct ScannerDifferentialTests {
    /// Rows, merged ranges and the error (if any) of every sheet, read one way.
    struct Outcome: Equatable {
        var sheets: [[Row]] = []
        var merges: [[CellRange]] = []
        var error: String?
    }

    static func read(_ path: String, fast: Bool) -> Outcome {
        var outcome = Outcome()
        do {
            let source = try XLSXReader(path: path)
            source.useFastScanner = fast
            for sheet in source.sheets {
                let reader = try source.rows(ofSheet: sheet.index)
                var rows: [Row] = []
                while let row = try reader.next() { rows.append(row) }
                outcome.sheets.append(rows)
                outcome.merges.append(reader.mergedRanges)
            }
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    static var files: [String] {
        var files = ConformanceTests.corpusFiles
        let hostile = TestSupport.packageRoot + "/Tests/Fixtures/hostile"
        files += ((try? FileManager.default.contentsOfDirectory(atPath: hostile)) ?? [])
            .filter { $0.hasSuffix(".xlsx") }.sorted().map { hostile + "/" + $0 }
        return files
    }

    @Test func bothPathsAgreeOnEveryFile() {
        for file in Self.files {
            let fast = Self.read(file, fast: true)
            let general = Self.read(file, fast: false)
            #expect(fast == general, "\(file)")
        }
    }

    /// Hand-made parts that exercise what the scanner decodes itself or hands over.
    @Test(arguments: [
        // entities, character references, CR/LF normalisation, attributes in single quotes, comments, PIs
        #"<?xml version="1.0" encoding="UTF-8"?><!-- c --><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><?pi x?><sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>a &amp; b &lt;&#1078;&#x416;&gt; &quot;&apos;</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> x&#13;&#10;y&#9; </t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>line1\#r\#nline2\#rline3</t></is></c></row></sheetData></worksheet>"#,
        // prefixes, self-closing cells, whitespace inside tags
        #"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r = "3" ><x:c r="C3" /><x:c r="D3"  t="b" ><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
        // CDATA and a DTD: handed to libxml2
        #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<raw>]]></t></is></c></row></sheetData></worksheet>"#,
        #"<?xml version="1.0" encoding="ISO-8859-1"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>caf\#u{E9}</t></is></c></row></sheetData></worksheet>"#,
        // malformed: mismatched tag, unknown entity, truncated document, text after the root
        #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData></worksheet>"#,
        #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>"#,
        #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>"#,
        #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>trailing"#,
    ])
    func handMadePartsAgree(sheetXML: String) throws {
        let path = try MinimalPackage.write(sheetXML: sheetXML)
        #expect(Self.read(path, fast: true) == Self.read(path, fast: false))
    }

    @Test func generatedWorkbooksAgreeAcrossChunkBoundaries() throws {
        var random = SeededGenerator(seed: 77)
        let path = TestSupport.temporaryDirectory() + "/big.xlsx"
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(named: "Данные")
        let words = ["Иванов", "Пётр", "a&b", "<tag>", "x\r\ny", " lead", "trail ", "_x0041_", "\u{1}", "😀", "=1+1"]
        for row in 0..<30_000 {
            try sheet.append([.number(Double(row)), .text(words.randomElement(using: &random)! + String(row)),
                              .temporal(ExcelTemporal(serial: Double(40_000 + row) + 0.25, system: .excel1900, kind: .dateTime)),
                              .boolean(row % 2 == 0), row % 7 == 0 ? .empty : .number(Double.random(in: -1...1, using: &random))])
        }
        try writer.close()
        let fast = Self.read(path, fast: true)
        #expect(fast.error == nil)
        #expect(fast.sheets.first?.count == 30_000)
        #expect(fast == Self.read(path, fast: false))
    }
}
