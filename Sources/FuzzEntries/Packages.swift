/// Minimal packages around one fuzzed part: a workbook around a worksheet, an OpenDocument spreadsheet around
/// its `content.xml`, a Word document around `word/document.xml`.
enum Packages {
    static func workbook(sheet: [UInt8]) -> [(String, [UInt8])] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return [
            ("[Content_Types].xml", Array("""
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """.utf8)),
            ("_rels/.rels", Array("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """.utf8)),
            ("xl/workbook.xml", Array("""
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(relationships)">\
                <sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """.utf8)),
            ("xl/_rels/workbook.xml.rels", Array("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/sharedStrings" Target="sharedStrings.xml"/>\
                <Relationship Id="rId3" Type="\(relationships)/styles" Target="styles.xml"/></Relationships>
                """.utf8)),
            ("xl/sharedStrings.xml", Array("""
                <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)" count="3" uniqueCount="3">\
                <si><t>ФИО</t></si><si><t>Класс</t></si><si><r><t>Иванов </t></r><r><t>Иван</t></r></si></sst>
                """.utf8)),
            ("xl/styles.xml", Array("""
                <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(main)"><numFmts count="1">\
                <numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>\
                <xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>
                """.utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
    }

    static func openDocument(content: [UInt8]) -> [(String, [UInt8])] {
        [
            ("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)),
            ("content.xml", content),
            ("META-INF/manifest.xml", Array("""
                <?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
                """.utf8)),
        ]
    }

    static func document(_ document: [UInt8]) -> [(String, [UInt8])] {
        [
            ("[Content_Types].xml", Array("""
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """.utf8)),
            ("_rels/.rels", Array("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """.utf8)),
            ("word/document.xml", document),
        ]
    }
}
