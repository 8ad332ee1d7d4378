/// The fixed XML parts of a workbook package written by ``XLSXWriter``.
enum PackageParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheets: Int, sharedStrings: Bool) -> String {
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for sheet in 1...max(sheets, 1) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(sheet).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        if sharedStrings {
            xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        }
        xml += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        xml += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return xml + "</Types>"
    }

    static let rootRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static func app(sheetNames: [String]) -> String {
        var xml = header + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
        xml += "<Application>Nastavnik</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        xml += #"<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>\#(sheetNames.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"#
        xml += #"<TitlesOfParts><vt:vector size="\#(sheetNames.count)" baseType="lpstr">"#
        for name in sheetNames { xml += "<vt:lpstr>\(escapeAttribute(name))</vt:lpstr>" }
        xml += "</vt:vector></TitlesOfParts><AppVersion>12.0000</AppVersion></Properties>"
        return xml
    }

    static func core(date: String) -> String {
        header + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:creator>Nastavnik</dc:creator>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(date)</dcterms:created>"#
            + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(date)</dcterms:modified>"#
            + "</cp:coreProperties>"
    }

    static func workbook(sheetNames: [String], definedNames: [String]) -> String {
        var xml = header + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192"/></bookViews><sheets>"#
        for (offset, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(escapeAttribute(name))" sheetId="\#(offset + 1)" r:id="rId\#(offset + 1)"/>"#
        }
        xml += "</sheets>"
        if !definedNames.isEmpty { xml += "<definedNames>" + definedNames.joined() + "</definedNames>" }
        return xml + #"<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#
    }

    static func workbookRelationships(sheets: Int, sharedStrings: Bool) -> String {
        var xml = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for sheet in 1...max(sheets, 1) {
            xml += #"<Relationship Id="rId\#(sheet)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#(sheet).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheets + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        if sharedStrings {
            xml += #"<Relationship Id="rId\#(sheets + 2)" Type="\#(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        return xml + "</Relationships>"
    }

    static func writeSharedStrings(_ strings: [String], to out: XMLByteWriter) {
        out.raw(header)
        out.raw(#"<sst xmlns="\#(mainNamespace)" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#)
        for text in strings {
            out.raw(needsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>")
            out.text(text)
            out.raw("</t></si>")
            out.flushIfLarge()
        }
        out.raw("</sst>")
    }
}
