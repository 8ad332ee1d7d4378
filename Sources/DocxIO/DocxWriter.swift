import PackageIO

/// Writes a ``Document`` as a `.docx` package through the zip layer: deterministic (every entry dated
/// 1980-01-01, properties dated ``Document/date``) and atomic (the archive is renamed into place).
public enum DocxWriter {
    /// Writes `document` to `path`.
    public static func write(_ document: Document, to path: String) throws(PackageError) {
        let zip = try ZipWriter(path: path)
        for (name, text) in parts(of: document) {
            try zip.add(name, bytes: Array(text.utf8), level: 6)
        }
        try zip.close()
    }

    /// The package's parts, in the order they are stored.
    static func parts(of document: Document) -> [(String, String)] {
        let numbered = document.pageNumbers != nil
        return [
            ("[Content_Types].xml", numbered ? contentTypes.replacingEnd("</Types>", with: headerContentTypes + "</Types>") : contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", core(document)),
            ("docProps/app.xml", app),
            ("word/document.xml", body(document)),
            ("word/styles.xml", styles(document)),
            ("word/settings.xml", settings),
            ("word/fontTable.xml", fontTable(document)),
            ("word/numbering.xml", numbering(document)),
            ("word/_rels/document.xml.rels", numbered ? documentRelationships.replacingEnd("</Relationships>", with: headerRelationships + "</Relationships>")
                : documentRelationships),
        ] + (numbered ? [("word/header1.xml", pageNumberHeader), ("word/header2.xml", emptyHeader)] : [])
    }

    static let headerContentTypes = """
        <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
        <Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
        """

    static let headerRelationships = """
        <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
        <Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>
        """

    /// The default header: the page number, a PAGE field, centred.
    static let pageNumberHeader = declaration + "<w:hdr xmlns:w=\"\(WordXML.namespace)\" xmlns:r=\"\(WordXML.relationshipsNamespace)\">"
        + "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        + "<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>"

    /// The first page's header: empty.
    static let emptyHeader = declaration + "<w:hdr xmlns:w=\"\(WordXML.namespace)\" xmlns:r=\"\(WordXML.relationshipsNamespace)\"><w:p/></w:hdr>"

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static let documentRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        </Relationships>
        """

    static func core(_ document: Document) -> String {
        let date = WordXML.escape(document.date)
        return declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(WordXML.escape(document.title))</dc:title><dc:creator>\(WordXML.escape(document.creator))</dc:creator>\
            <cp:lastModifiedBy>\(WordXML.escape(document.creator))</cp:lastModifiedBy>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(date)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(date)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    static let app = declaration + """
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>nastavnik</Application></Properties>
        """

    static let settings = declaration + """
        <w:settings xmlns:w="\(WordXML.namespace)"><w:defaultTabStop w:val="709"/>\
        <w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" \
        w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
        """

    static func fontTable(_ document: Document) -> String {
        declaration + "<w:fonts xmlns:w=\"\(WordXML.namespace)\"><w:font w:name=\"\(WordXML.escape(document.fontName, attribute: true))\">"
            + "<w:charset w:val=\"CC\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>"
    }

    static func styles(_ document: Document) -> String {
        let font = WordXML.escape(document.fontName, attribute: true)
        let size = Int((document.fontSize * 2).rounded())
        return declaration + """
            <w:styles xmlns:w="\(WordXML.namespace)"><w:docDefaults><w:rPrDefault><w:rPr>\
            <w:rFonts w:ascii="\(font)" w:hAnsi="\(font)" w:eastAsia="\(font)" w:cs="\(font)"/>\
            <w:sz w:val="\(size)"/><w:szCs w:val="\(size)"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/>\
            </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
            </w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>\
            <w:uiPriority w:val="1"/><w:semiHidden/></w:style>\
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>\
            <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
            <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            <w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>\
            <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr>\
            <w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            </w:tblBorders></w:tblPr></w:style>\
            </w:styles>
            """
    }

    /// One abstract decimal list («1.», «1.1.») and a numbering instance per list, each restarting at 1.
    static func numbering(_ document: Document) -> String {
        var xml = declaration + "<w:numbering xmlns:w=\"\(WordXML.namespace)\"><w:abstractNum w:abstractNumId=\"0\">"
            + "<w:multiLevelType w:val=\"multilevel\"/>"
        let formats = ["%1.", "%1.%2.", "%1.%2.%3."]
        for (level, format) in formats.enumerated() {
            let indent = 709 + level * 567
            xml += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"\(format)\"/>"
                + "<w:lvlJc w:val=\"left\"/><w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"\(indent + 142)\"/></w:tabs>"
                + "<w:ind w:left=\"0\" w:firstLine=\"\(indent)\"/></w:pPr></w:lvl>"
        }
        xml += "</w:abstractNum>"
        for list in stride(from: 1, through: document.listCount, by: 1) {
            xml += "<w:num w:numId=\"\(list)\"><w:abstractNumId w:val=\"0\"/>"
                + "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        }
        return xml + "</w:numbering>"
    }

    static func body(_ document: Document) -> String {
        var xml = declaration + "<w:document xmlns:w=\"\(WordXML.namespace)\" xmlns:r=\"\(WordXML.relationshipsNamespace)\"><w:body>"
        var page = document.page
        var first = true
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph): xml += self.paragraph(paragraph)
            case .table(let table): xml += self.table(table)
            case .pageBreak: xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            case .section(let next):
                // A section's properties ride on the paragraph that ends it.
                xml += "<w:p><w:pPr>" + sectionProperties(page, numbers: document.pageNumbers, first: first) + "</w:pPr></w:p>"
                page = next
                first = false
            }
        }
        if case .table = document.blocks.last { xml += "<w:p/>" }  // a body must not end with a table
        xml += sectionProperties(page, numbers: document.pageNumbers, first: first)
        return xml + "</w:body></w:document>"
    }

    /// A section's properties; with page numbers, its header, and for the first section of a document numbered from
    /// the second page, an empty first-page header (`titlePg` belongs to that section alone).
    static func sectionProperties(_ page: PageSetup, numbers: PageNumbers? = nil, first: Bool = true) -> String {
        let skipsFirst = numbers?.fromSecondPage == true && first
        var headers = ""
        if numbers != nil {
            headers = "<w:headerReference w:type=\"default\" r:id=\"rId5\"/>"
            if skipsFirst { headers += "<w:headerReference w:type=\"first\" r:id=\"rId6\"/>" }
        }
        return "<w:sectPr>" + headers + "<w:pgSz w:w=\"\(page.width)\" w:h=\"\(page.height)\"" + (page.isLandscape ? " w:orient=\"landscape\"" : "") + "/>"
            + "<w:pgMar w:top=\"\(page.top)\" w:right=\"\(page.right)\" w:bottom=\"\(page.bottom)\" w:left=\"\(page.left)\" "
            + "w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/><w:cols w:space=\"708\"/>" + (skipsFirst ? "<w:titlePg/>" : "") + "</w:sectPr>"
    }

    static func paragraph(_ paragraph: Paragraph, fontSize: Double? = nil) -> String {
        var properties = ""
        if paragraph.keepWithNext { properties += "<w:keepNext/>" }
        if paragraph.pageBreakBefore { properties += "<w:pageBreakBefore/>" }
        if let numbering = paragraph.numbering {
            properties += "<w:numPr><w:ilvl w:val=\"\(numbering.level)\"/><w:numId w:val=\"\(numbering.list)\"/></w:numPr>"
        }
        if !paragraph.tabStops.isEmpty {
            properties += "<w:tabs>" + paragraph.tabStops.map { "<w:tab w:val=\"\($0.right ? "right" : "left")\" w:pos=\"\($0.position)\"/>" }.joined() + "</w:tabs>"
        }
        let line = Int((paragraph.lineSpacing * 240).rounded())
        if paragraph.spaceBefore != 0 || paragraph.spaceAfter != 0 || line != 240 {
            properties += "<w:spacing w:before=\"\(paragraph.spaceBefore)\" w:after=\"\(paragraph.spaceAfter)\" w:line=\"\(line)\" w:lineRule=\"auto\"/>"
        }
        if paragraph.leftIndent != 0 || paragraph.firstLineIndent != 0 || paragraph.rightIndent != 0 {
            properties += "<w:ind w:left=\"\(paragraph.leftIndent)\" w:right=\"\(paragraph.rightIndent)\" "
                + (paragraph.firstLineIndent < 0 ? "w:hanging=\"\(-paragraph.firstLineIndent)\"/>" : "w:firstLine=\"\(paragraph.firstLineIndent)\"/>")
        }
        if paragraph.alignment != .left { properties += "<w:jc w:val=\"\(paragraph.alignment.rawValue)\"/>" }
        var xml = "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
        for run in paragraph.runs { xml += self.run(run, fontSize: fontSize) }
        return xml + "</w:p>"
    }

    static func run(_ run: Run, fontSize: Double?) -> String {
        var properties = ""
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.italic { properties += "<w:i/><w:iCs/>" }
        if run.underline { properties += "<w:u w:val=\"single\"/>" }
        if let size = run.size ?? fontSize {
            let halfPoints = Int((size * 2).rounded())
            properties += "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
        }
        var xml = "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
        // Line breaks and tabs are elements of their own; the text between them goes in <w:t>.
        var pending = ""
        func flush() {
            if !pending.isEmpty { xml += "<w:t xml:space=\"preserve\">\(WordXML.escape(pending))</w:t>" }
            pending = ""
        }
        for character in run.text {
            switch character {
            case "\n", "\r\n", "\r": flush(); xml += "<w:br/>"
            case "\t": flush(); xml += "<w:tab/>"
            default: pending.append(character)
            }
        }
        flush()
        return xml + "</w:r>"
    }

    static func table(_ table: Table) -> String {
        let width = table.columnWidths.reduce(0, +)
        var xml = "<w:tbl><w:tblPr>" + (table.borders ? "<w:tblStyle w:val=\"TableGrid\"/>" : "")
            + "<w:tblW w:w=\"\(width)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
            + "</w:tblPr><w:tblGrid>" + table.columnWidths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in table.rows {
            xml += "<w:tr>"
            if row.isHeader || row.cantSplit {
                xml += "<w:trPr>" + (row.cantSplit ? "<w:cantSplit/>" : "") + (row.isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
            }
            var column = 0
            for cell in row.cells {
                let span = max(1, min(cell.columnSpan, table.columnWidths.count - column))
                let cellWidth = table.columnWidths[min(column, table.columnWidths.count - 1)..<min(column + span, table.columnWidths.count)].reduce(0, +)
                column += span
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(cellWidth)\" w:type=\"dxa\"/>"
                if span > 1 { xml += "<w:gridSpan w:val=\"\(span)\"/>" }
                switch cell.verticalMerge {
                case .none: break
                case .restart: xml += "<w:vMerge w:val=\"restart\"/>"
                case .continue: xml += "<w:vMerge/>"
                }
                if cell.verticallyCentred { xml += "<w:vAlign w:val=\"center\"/>" }
                xml += "</w:tcPr>"
                let paragraphs = cell.paragraphs.isEmpty ? [Paragraph([])] : cell.paragraphs
                for paragraph in paragraphs { xml += self.paragraph(paragraph, fontSize: table.fontSize) }
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }
}

extension String {
    /// The text with its closing `target` replaced (a part's closing tag, to add entries before it).
    func replacingEnd(_ target: String, with replacement: String) -> String {
        guard hasSuffix(target) else { return self }
        return String(dropLast(target.count)) + replacement
    }
}
