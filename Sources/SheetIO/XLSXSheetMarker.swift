import PackageIO

/// Puts marks on one worksheet part: the cells' formats, the comments part and the VML drawing that shows them.
struct SheetMarker {
    let edit: XLSXPackageEdit
    let part: String
    /// One-based position of the sheet in the workbook (numbers its VML shapes apart from other sheets').
    let number: Int
    let author: String

    static let commentsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
    static let vmlType = "application/vnd.openxmlformats-officedocument.vmlDrawing"
    /// Children of `worksheet` that come after `legacyDrawing`, in the schema's order.
    static let afterLegacyDrawing: Set<String> = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]

    /// Whether an ordinary sheet is spliced by bytes rather than edited as a tree (tests turn it off to try the tree).
    var splicing = true

    func apply(_ marks: [CellMark], styles: inout StyleEditor) throws(PackageError) {
        let commented = marks.filter { !$0.comment.isEmpty }
        if splicing, let bytes = try edit.rawBytes(part), var splice = try SheetSplice(bytes: bytes, marks: marks, styles: &styles) {
            if let drawing = try addComments(commented, namespace: splice.namespace, existingDrawing: nil) { splice.insertLegacyDrawing(id: drawing) }
            edit.replace(part, bytes: splice.bytes)
            return
        }
        guard let sheet = try edit.edited(part) else { throw PackageError(.missingEntry, file: edit.path, entry: part, message: "the sheet part is missing") }
        guard let data = sheet.root.child(named: "sheetData") else { throw PackageError(.badXML, file: edit.path, entry: part, message: "the sheet has no sheetData") }
        var rows = RowIndex(numberedRows(data))
        for mark in marks {
            let row = rows.element(mark.cell.row, in: data)
            let cell = cellElement(mark.cell, in: row)
            guard mark.level != .note else { continue }
            var base = cell.attribute("s").flatMap { Int($0) } ?? 0
            if cell.attribute("s") == nil, row.attribute("customFormat") == "1", let rowStyle = row.attribute("s").flatMap({ Int($0) }) { base = rowStyle }
            cell.setAttribute("s", String(try styles.highlighted(base, level: mark.level)))
        }
        let namespace = sheet.root.namespaceURI ?? "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationshipNamespace = namespace.hasPrefix("http://purl.oclc.org") ? XLSXCellMarks.strictRelationships : XLSXCellMarks.transitionalRelationships
        let legacy = sheet.root.child(named: "legacyDrawing")
        if let id = try addComments(commented, namespace: namespace, existingDrawing: legacy?.attribute("id", namespace: relationshipNamespace)) {
            let before = sheet.root.children.first { Self.afterLegacyDrawing.contains($0.name) }
            legacy?.remove()
            let element = sheet.root.addChild("legacyDrawing", before: before)
            element.setAttribute("id", id, namespace: relationshipNamespace, prefix: "r")
        }
    }

    /// The rows of a sheet by number, in order; a missing row is created in its place.
    struct RowIndex {
        private var numbers: [Int]
        private var elements: [Int: XMLElementRef] = [:]

        init(_ rows: [(number: Int, element: XMLElementRef)]) {
            numbers = rows.map(\.number)
            for row in rows where elements[row.number] == nil { elements[row.number] = row.element }
            if zip(numbers, numbers.dropFirst()).contains(where: { $0 > $1 }) { numbers.sort() }
        }

        mutating func element(_ number: Int, in data: XMLElementRef) -> XMLElementRef {
            if let found = elements[number] { return found }
            var low = 0, high = numbers.count
            while low < high {
                let middle = (low + high) / 2
                if numbers[middle] > number { high = middle } else { low = middle + 1 }
            }
            let created = data.addChild("row", before: low < numbers.count ? elements[numbers[low]] : nil)
            created.setAttribute("r", String(number))
            numbers.insert(number, at: low)
            elements[number] = created
            return created
        }
    }

    /// The rows of `sheetData` with their numbers; a row without `r` gets the number after the previous one, written out.
    private func numberedRows(_ data: XMLElementRef) -> [(number: Int, element: XMLElementRef)] {
        var result: [(Int, XMLElementRef)] = []
        var previous = 0
        for row in data.children(named: "row") {
            let number = row.attribute("r").flatMap { Int($0) } ?? previous + 1
            if row.attribute("r") == nil { row.setAttribute("r", String(number)) }
            result.append((number, row))
            previous = number
        }
        return result
    }

    /// The cell element at `address` in `row`, created in column order when missing. Cells of the row without `r`
    /// get theirs written out first, so that a cell put before them cannot shift them.
    private func cellElement(_ address: CellAddress, in row: XMLElementRef) -> XMLElementRef {
        var previous = 0
        var next: XMLElementRef?
        for cell in row.children(named: "c") {
            let column = cell.attribute("r").flatMap { CellAddress(a1: $0)?.column } ?? previous + 1
            if cell.attribute("r") == nil { cell.setAttribute("r", CellAddress(row: address.row, column: column).description) }
            previous = column
            if column == address.column { return cell }
            if column > address.column, next == nil { next = cell }
        }
        let created = row.addChild("c", before: next)
        created.setAttribute("r", address.description)
        row.removeAttribute("spans")
        return created
    }

    // MARK: Comments

    /// Adds the comments of `marks` (to the sheet's comments part, or a new one) and the shapes that show them; returns
    /// the relationship id of a new VML drawing, which the sheet must then reference as its `legacyDrawing`.
    private func addComments(_ marks: [CellMark], namespace: String, existingDrawing: String?) throws(PackageError) -> String? {
        guard !marks.isEmpty else { return nil }
        let strict = namespace.hasPrefix("http://purl.oclc.org")
        let base = try edit.relationshipTypeBase(of: try edit.workbookPart())
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        func relative(_ target: String) -> String {
            var depth = folder.split(separator: "/").count
            var result = ""
            while depth > 0 { result += "../"; depth -= 1 }
            return result + target
        }

        // The comments part: the sheet's own, or a new one.
        let commentsPart: String
        let comments: XMLPart
        if let existing = try edit.related(part, kind: "comments"), let tree = try edit.edited(existing) {
            commentsPart = existing
            comments = tree
        } else {
            commentsPart = edit.freeName("xl/comments", ".xml")
            comments = try edit.create(commentsPart, xml: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<comments xmlns="\#(namespace)"><authors/><commentList/></comments>"#)
            _ = try edit.addRelationship(from: part, type: base + "/comments", target: relative(commentsPart))
            try edit.addOverrideContentType(part: commentsPart, type: Self.commentsType)
        }
        let authors = comments.root.child(named: "authors") ?? comments.root.addChild("authors", before: comments.root.children.first)
        var authorId = authors.children(named: "author").firstIndex { $0.text == author }
        if authorId == nil {
            _ = authors.appendFragment("<author>\(XLSXCellMarks.escapeText(author))</author>")
            authorId = authors.children(named: "author").count - 1
        }
        let list = comments.root.child(named: "commentList") ?? comments.root.addChild("commentList")
        var existingRefs: [String: XMLElementRef] = [:]
        for comment in list.children(named: "comment") { if let ref = comment.attribute("ref") { existingRefs[ref] = comment } }
        var newCells: [CellAddress] = []
        for mark in marks {
            let text = XLSXCellMarks.escapeText(mark.comment)
            if let comment = existingRefs[mark.cell.description], let body = comment.child(named: "text") {
                _ = body.appendFragment(#"<r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">"# + "\n\n" + text + "</t></r>")
            } else {
                _ = list.appendFragment(#"<comment ref="\#(mark.cell)" authorId="\#(authorId!)"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\#(text)</t></r></text></comment>"#)
                newCells.append(mark.cell)
            }
        }
        return try addShapes(for: newCells, existingDrawing: existingDrawing, base: base, relative: relative)
    }

    /// The VML shapes that show the new comments: added to the sheet's drawing, or in a new one (whose relationship id is returned).
    private func addShapes(for cells: [CellAddress], existingDrawing: String?, base: String, relative: (String) -> String) throws(PackageError) -> String? {
        guard !cells.isEmpty else { return nil }
        if let id = existingDrawing, let link = try edit.relationships(of: part).first(where: { $0.id == id }) {
            let target = resolvePartPath(link.target, relativeTo: part)
            if let drawing = try? edit.edited(target) {
                append(cells, to: drawing)
                return nil
            }
            if edit.exists(target) {
                // A drawing libxml2 cannot parse (old VML is sometimes not XML): a new drawing of every comment replaces it.
                let drawing = try edit.create(target, xml: Self.emptyDrawing(number))
                var all = cells
                if let commentsPart = try edit.related(part, kind: "comments"), let list = try edit.tree(commentsPart)?.root.child(named: "commentList") {
                    all = list.children(named: "comment").compactMap { $0.attribute("ref").flatMap { CellAddress(a1: $0) } }
                }
                append(all, to: drawing)
                return nil
            }
        }
        let name = edit.freeName("xl/drawings/vmlDrawing", ".vml")
        let drawing = try edit.create(name, xml: Self.emptyDrawing(number))
        let id = try edit.addRelationship(from: part, type: base + "/vmlDrawing", target: relative(name))
        try edit.addDefaultContentType(extension: "vml", type: Self.vmlType)
        append(cells, to: drawing)
        return id
    }

    private func append(_ cells: [CellAddress], to drawing: XMLPart) {
        let shapes = drawing.root.children.filter { $0.name == "shape" }
        var next = shapes.compactMap { $0.attribute("id").flatMap { $0.split(separator: "s").last.flatMap { Int($0) } } }.max().map { $0 + 1 } ?? number * 1024 + 1
        if !drawing.root.children.contains(where: { $0.name == "shapetype" && $0.attribute("id") == "_x0000_t202" }) {
            _ = drawing.root.appendFragment(Self.shapeType)
        }
        for cell in cells {
            _ = drawing.root.appendFragment(Self.shape(id: next, cell: cell))
            next += 1
        }
    }

    static func emptyDrawing(_ number: Int) -> String {
        #"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">"#
            + #"<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="\#(number)"/></o:shapelayout>"# + shapeType + "</xml>"
    }

    static let shapeType = #"<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>"#

    /// A hidden note box beside `cell`, as Excel draws one.
    static func shape(id: Int, cell: CellAddress) -> String {
        let row = cell.row - 1, column = cell.column - 1
        return ##"<v:shape id="_x0000_s\##(id)" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:216pt;height:86pt;z-index:\##(id);visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">"##
            + ##"<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>"##
            + ##"<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>"##
            + ##"<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>\##(column + 1), 15, \##(row), 2, \##(column + 4), 15, \##(row + 6), 2</x:Anchor>"##
            + ##"<x:AutoFill>False</x:AutoFill><x:Row>\##(row)</x:Row><x:Column>\##(column)</x:Column></x:ClientData></v:shape>"##
    }
}
