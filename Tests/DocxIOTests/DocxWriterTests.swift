import Foundation
import Testing
import PackageIO
@testable import DocxIO

/// The parts of a written package, by entry name.
func packageParts(_ path: String) throws -> [String: String] {
    let reader = try ZipReader(path: path)
    var parts: [String: String] = [:]
    for entry in reader.entries { parts[entry.name] = String(decoding: try reader.readAll(entry), as: UTF8.self) }
    return parts
}

func temporaryPath(_ name: String) -> String {
    let folder = NSTemporaryDirectory() + "nastavnik-docx-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder + "/" + name
}

/// Whether libxml2 finds the part well-formed (the tree parser used for templates).
func wellFormed(_ text: String) -> Bool {
    (try? XMLTree(bytes: Array(text.utf8), file: "test", entry: "part")) != nil
}

@Suite struct DocxWriterTests {
    static func sample() -> Document {
        var document = Document()
        document.title = "Проба"
        document.date = "2026-05-29T00:00:00Z"
        document.append(Paragraph([Run("Жирный", bold: true), Run(" и "), Run("курсив", italic: true)], alignment: .center))
        let list = document.newList()
        for text in ["первый", "второй"] {
            var item = Paragraph(text)
            item.numbering = (list, 0)
            document.append(item)
        }
        document.append(Paragraph("A & B < C > D \"E\" \u{0001}\u{FFFF}строка\nвторая\tтаб"))
        var table = Table(columnWidths: [Twips.mm(20), Twips.mm(60)], rows: [TableRow([TableCell("№", bold: true), TableCell("ФИО", bold: true)], isHeader: true)])
        table.rows.append(TableRow([TableCell("Наставник", verticalMerge: .restart), TableCell("Первый")]))
        table.rows.append(TableRow([.continuesAbove, TableCell("Второй")]))
        table.rows.append(TableRow([TableCell([Paragraph("Итого")], columnSpan: 2)]))
        document.append(table)
        document.append(.section(PageSetup.a4GOST.landscape))
        document.append(Paragraph("Приложение", alignment: .right))
        return document
    }

    @Test func pageFontTablesAndNumberingAreWritten() throws {
        let path = temporaryPath("a.docx")
        try DocxWriter.write(Self.sample(), to: path)
        let parts = try packageParts(path)
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                                    "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/numbering.xml", "word/_rels/document.xml.rels"])
        for (name, text) in parts { #expect(wellFormed(text), "\(name) is not well-formed") }
        let body = try #require(parts["word/document.xml"])
        // A4 portrait with ГОСТ margins (20/10/20/20 mm), then the landscape section.
        #expect(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"567\" w:bottom=\"1134\" w:left=\"1134\""))
        #expect(body.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(body.contains("<w:tblHeader/>"))
        #expect(body.contains("<w:vMerge w:val=\"restart\"/>"))
        #expect(body.contains("<w:vMerge/>"))
        #expect(body.contains("<w:gridSpan w:val=\"2\"/>"))
        #expect(body.contains("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"))
        #expect(body.contains("<w:b/>") && body.contains("<w:i/>") && body.contains("<w:jc w:val=\"center\"/>"))
        // Escapes; characters XML cannot hold are dropped; a line break and a tab are elements.
        #expect(body.contains("A &amp; B &lt; C &gt; D \"E\" строка</w:t><w:br/><w:t xml:space=\"preserve\">вторая</w:t><w:tab/>"))
        let styles = try #require(parts["word/styles.xml"])
        #expect(styles.contains("w:ascii=\"Times New Roman\"") && styles.contains("<w:sz w:val=\"28\"/>"))
        #expect(try #require(parts["docProps/core.xml"]).contains("2026-05-29T00:00:00Z"))
        #expect(try #require(parts["word/numbering.xml"]).contains("<w:num w:numId=\"1\">"))
    }

    @Test func outputIsByteIdentical() throws {
        let first = temporaryPath("a.docx"), second = temporaryPath("b.docx")
        try DocxWriter.write(Self.sample(), to: first)
        try DocxWriter.write(Self.sample(), to: second)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }

    @Test func unwritablePathIsATypedError() {
        #expect(throws: PackageError.self) { try DocxWriter.write(Self.sample(), to: "/nonexistent-folder/x.docx") }
    }
}

@Suite struct DocxTemplateTests {
    /// A template as Word saves one: a placeholder split over runs, a table row to repeat.
    static func template() throws -> String {
        var document = Document()
        document.append(Paragraph([Run("Школа: {{sch", bold: true), Run("ool}}; директор {{ director }}"), Run(" {{unknown}}")]))
        var table = Table(columnWidths: [1000, 3000, 3000], rows: [TableRow([TableCell("№"), TableCell("Наставник"), TableCell("Наставляемый")], isHeader: true)])
        table.rows.append(TableRow([TableCell("{{n}}"), TableCell("{{mentor}}"), TableCell("{{mentee}}")]))
        document.append(table)
        let path = temporaryPath("template.docx")
        try DocxWriter.write(document, to: path)
        return path
    }

    @Test func placeholdersAndRepeatedRowsAreFilled() throws {
        let output = temporaryPath("filled.docx")
        let rows = [
            DocxTemplate.Row(values: ["n": "1", "mentor": "Соколова Е.В.", "mentee": "Мельников А.Д."], group: 1),
            DocxTemplate.Row(values: ["n": "2", "mentor": "Новикова А.Д.", "mentee": "Жуков А.Р."], group: 2),
            DocxTemplate.Row(values: ["n": "2", "mentor": "Новикова А.Д.", "mentee": "Егорова С.И."], group: 2),
        ]
        let outcome = try DocxTemplate.fill(template: try Self.template(), output: output,
                                            fields: ["school": "МАОУ СОШ № 7 & Ко", "director": "Кузнецова И.Н."], rows: rows,
                                            mergedFields: ["n", "mentor"])
        #expect(outcome.unknownPlaceholders == ["unknown"])
        #expect(outcome.repeatedRowFound)
        let body = try #require(try packageParts(output)["word/document.xml"])
        #expect(wellFormed(body))
        #expect(body.contains("Школа: МАОУ СОШ № 7 &amp; Ко"))
        #expect(body.contains("директор Кузнецова И.Н."))
        #expect(!body.contains("{{mentor}}") && !body.contains("{{sch"))
        #expect(body.components(separatedBy: "</w:tr>").count - 1 == 4)
        #expect(!body.contains("<w:tr xmlns"))  // the header and three rows
        #expect(body.contains("Мельников А.Д.") && body.contains("Жуков А.Р.") && body.contains("Егорова С.И."))
        // The group's number and mentor cells are merged down over its two rows; the pair's are not merged.
        #expect(body.components(separatedBy: "w:val=\"restart\"").count - 1 == 2)
        #expect(body.components(separatedBy: "Новикова А.Д.").count - 1 == 1)
    }

    @Test func hostileAndForeignTemplatesGiveTypedErrors() throws {
        let notZip = temporaryPath("plain.docx")
        try Data("просто текст".utf8).write(to: URL(fileURLWithPath: notZip))
        #expect(throws: PackageError.self) {
            _ = try DocxTemplate.fill(template: notZip, output: temporaryPath("x.docx"), fields: [:], rows: [])
        }
        // A document part declaring entities is refused before libxml2 parses the declarations.
        let bomb = temporaryPath("bomb.docx")
        let zip = try ZipWriter(path: bomb)
        try zip.add("word/document.xml", bytes: Array("""
            <?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """.utf8))
        try zip.close()
        do {
            _ = try DocxTemplate.fill(template: bomb, output: temporaryPath("y.docx"), fields: [:], rows: [])
            Issue.record("a DTD was accepted")
        } catch {
            #expect(error.kind == .badXML)
            #expect(error.entry == "word/document.xml")
        }
    }

    @Test func aTemplateHoldingOnePartTwiceIsRefused() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let template = root.appendingPathComponent("Tests/Fixtures/hostile/duplicate_entry.docx").path
        let output = temporaryPath("duplicate.docx")
        do {
            _ = try DocxTemplate.fill(template: template, output: output, fields: ["school": "МБОУ СОШ № 1"], rows: [])
            Issue.record("a template with word/document.xml twice was filled")
        } catch {
            #expect(error.kind == .duplicateEntry)
            #expect(error.entry == "word/document.xml")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
