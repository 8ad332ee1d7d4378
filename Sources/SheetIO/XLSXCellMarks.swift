import PackageIO

/// A remark to put on one cell of a workbook: a fill (none for a plain note) and a comment.
public struct CellMark: Sendable, Equatable {
    public enum Level: Int, Sendable, Comparable {
        case note, warning, error
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public var sheet: String
    public var cell: CellAddress
    public var level: Level
    /// The comment's text; empty for a fill alone.
    public var comment: String

    public init(sheet: String, cell: CellAddress, level: Level, comment: String) {
        self.sheet = sheet
        self.cell = cell
        self.level = level
        self.comment = comment
    }
}

/// Marks cells of an XLSX workbook: a highlight (red for errors, amber for warnings) and a comment each.
///
/// Only the parts the marks need are rewritten — the marked sheets, the styles, their comments and VML
/// drawings, relationships, content types and (for an owner tag) the custom document properties — each with
/// everything else in it kept; every other part is copied byte for byte.
public enum XLSXCellMarks {
    /// The custom document property that says a workbook is one of our marked copies.
    public static let ownerProperty = "NastavnikMarkedCopy"
    /// Fill colours (ARGB).
    public static let errorFill = "FFFFC7CE", warningFill = "FFFFE699"

    static let transitionalRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let strictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    /// Writes `output`: the workbook at `source` with `marks`. Several marks of one cell make one comment with the
    /// strongest fill; a mark on a sheet the workbook lacks goes on A1 of the first sheet. `ownerTag` sets the
    /// owner property (``isMarkedCopy(path:)``).
    public static func mark(source: String, output: String, marks: [CellMark], ownerTag: String? = nil,
                            author: String = "Nastavnik") throws(SpreadsheetError) {
        try mark(source: source, output: output, marks: marks, ownerTag: ownerTag, author: author, splicing: true)
    }

    /// ``mark(source:output:marks:ownerTag:author:)``, with the byte splice of ordinary sheets turned off when
    /// `splicing` is false (tests compare it with the tree edit).
    static func mark(source: String, output: String, marks: [CellMark], ownerTag: String?, author: String,
                     splicing: Bool) throws(SpreadsheetError) {
        do {
            let edit = try XLSXPackageEdit(path: source)
            let sheets = try edit.sheets()
            guard let first = sheets.first else {
                throw PackageError(.missingEntry, file: source, entry: "xl/workbook.xml", message: "the workbook has no sheets")
            }
            var bySheet: [String: [CellAddress: CellMark]] = [:]
            for var mark in marks {
                if !sheets.contains(where: { $0.name == mark.sheet }) { mark.sheet = first.name; mark.cell = CellAddress(row: 1, column: 1) }
                if var existing = bySheet[mark.sheet]?[mark.cell] {
                    existing.level = max(existing.level, mark.level)
                    existing.comment += existing.comment.isEmpty || mark.comment.isEmpty ? mark.comment : "\n\n" + mark.comment
                    bySheet[mark.sheet]![mark.cell] = existing
                } else {
                    bySheet[mark.sheet, default: [:]][mark.cell] = mark
                }
            }
            var styles = StyleEditor(edit: edit)
            for (number, sheet) in sheets.enumerated() {
                guard let sheetMarks = bySheet[sheet.name]?.values.sorted(by: { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }) else { continue }
                var marker = SheetMarker(edit: edit, part: sheet.part, number: number + 1, author: author)
                marker.splicing = splicing
                try marker.apply(sheetMarks, styles: &styles)
            }
            if let ownerTag { try setOwner(edit, tag: ownerTag) }
            try edit.save(to: output)
        } catch let error as PackageError {
            throw SpreadsheetError(error)
        } catch {
            throw SpreadsheetError(.writeFailed, file: output, message: "\(error)")
        }
    }

    /// Whether the workbook at `path` is one of our marked copies (its owner property is set).
    public static func isMarkedCopy(path: String) -> Bool {
        guard let reader = try? ZipReader(path: path), let entry = reader.entry(named: "docProps/custom.xml"), entry.size < 1 << 20,
              let bytes = try? reader.readAll(entry) else { return false }
        let needle = Array(("\"" + ownerProperty + "\"").utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        return false
    }

    /// Sets the owner property in `docProps/custom.xml`, creating the part when the package has none.
    static func setOwner(_ edit: XLSXPackageEdit, tag: String) throws(PackageError) {
        let part = "docProps/custom.xml"
        let tree: XMLPart
        if let existing = try edit.edited(part) {
            tree = existing
        } else {
            tree = try edit.create(part, xml: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>"#)
            _ = try edit.addRelationship(from: "", type: transitionalRelationships + "/custom-properties", target: part)
            try edit.addOverrideContentType(part: part, type: "application/vnd.openxmlformats-officedocument.custom-properties+xml")
        }
        let properties = tree.root.children(named: "property")
        if properties.contains(where: { $0.attribute("name") == ownerProperty }) { return }
        let pid = (properties.compactMap { $0.attribute("pid").flatMap { Int($0) } }.max() ?? 1) + 1
        _ = tree.root.appendFragment(#"<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="\#(pid)" name="\#(ownerProperty)"><vt:lpwstr>\#(escapeText(tag))</vt:lpwstr></property>"#)
    }

    /// Text escaped for XML content or a double-quoted attribute (the project's one ``XMLEscape``).
    static func escapeText(_ text: String) -> String { XMLEscape.escape(text, attribute: true) }
}

/// Adds highlight formats to the workbook's styles: a copy of a cell's format with a solid fill, one per format and level.
struct StyleEditor {
    let edit: XLSXPackageEdit
    private var found: XMLPart?
    private var cache: [String: Int] = [:]
    private var fillIndex: [CellMark.Level: Int] = [:]

    init(edit: XLSXPackageEdit) { self.edit = edit }

    /// The styles part, found (or created) on first use.
    private mutating func styles() throws(PackageError) -> XMLPart {
        if let found { return found }
        let workbook = try edit.workbookPart()
        let tree: XMLPart
        if let existing = try edit.related(workbook, kind: "styles"), let parsed = try edit.edited(existing) {
            tree = parsed
        } else {
            let namespace = try edit.tree(workbook)?.root.namespaceURI ?? "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            let base = try edit.relationshipTypeBase(of: workbook)
            let part = edit.freeName("xl/styles", ".xml")
            tree = try edit.create(part, xml: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" + #"<styleSheet xmlns="\#(namespace)"/>"#)
            let folder = workbook.split(separator: "/").dropLast().joined(separator: "/")
            let target = folder.isEmpty ? part : String(part.dropFirst(folder.count + 1))
            _ = try edit.addRelationship(from: workbook, type: base + "/styles", target: target)
            try edit.addOverrideContentType(part: part, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
        }
        found = tree
        return tree
    }

    /// Where each child of `styleSheet` goes, in the schema's order.
    static let order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"]

    /// The child `name` of the style sheet, created (with `initial` inside) in its place when missing.
    private func section(_ name: String, initial: String) -> XMLElementRef {
        let tree = found!
        if let existing = tree.root.child(named: name) { return existing }
        let later = Set(Self.order.drop { $0 != name }.dropFirst())
        let before = tree.root.children.first { later.contains($0.name) }
        let created = tree.root.addChild(name, before: before)
        _ = created.appendFragment(initial)
        return created
    }

    /// The index of the format that is `base` with the fill of `level`.
    mutating func highlighted(_ base: Int, level: CellMark.Level) throws(PackageError) -> Int {
        let key = "\(base)/\(level.rawValue)"
        if let known = cache[key] { return known }
        _ = try styles()
        let fill = fillIndex[level] ?? addFill(level == .error ? XLSXCellMarks.errorFill : XLSXCellMarks.warningFill)
        fillIndex[level] = fill
        _ = section("fonts", initial: #"<font><sz val="11"/><name val="Calibri"/></font>"#)
        _ = section("borders", initial: "<border><left/><right/><top/><bottom/><diagonal/></border>")
        let formats = section("cellXfs", initial: #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>"#)
        let existing = formats.children(named: "xf")
        let copy: XMLElementRef
        if base < existing.count {
            copy = formats.appendCopy(of: existing[base])
        } else {
            _ = formats.appendFragment(#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>"#)
            copy = formats.children(named: "xf").last!
        }
        copy.setAttribute("fillId", String(fill))
        copy.setAttribute("applyFill", "1")
        formats.setAttribute("count", String(formats.children(named: "xf").count))
        let index = formats.children(named: "xf").count - 1
        cache[key] = index
        return index
    }

    private func addFill(_ rgb: String) -> Int {
        let fills = section("fills", initial: #"<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#)
        _ = fills.appendFragment(#"<fill><patternFill patternType="solid"><fgColor rgb="\#(rgb)"/><bgColor indexed="64"/></patternFill></fill>"#)
        let count = fills.children(named: "fill").count
        fills.setAttribute("count", String(count))
        return count - 1
    }
}

extension XLSXCellMarks {
    /// Writes every sheet of `source` (a CSV, `.xls`, `.ods` or HTML table) as an XLSX workbook at `path`, values and
    /// types kept, so that it can be marked. Returns each source sheet's name in the copy (names Excel refuses are fixed).
    public static func copyAsXLSX(_ source: any SpreadsheetSource, to path: String) throws -> [String: String] {
        let writer = try XLSXWriter(path: path, options: XLSXWriteOptions(shortenLongText: true))
        var names: [String: String] = [:]
        var used: [String] = []
        for sheet in source.sheets {
            let name = SheetName.sanitized(sheet.name, existing: used)
            used.append(name)
            names[sheet.name] = name
            let rows = try source.rows(ofSheet: sheet.index)
            var widths: [Double?] = []
            // A row is kept as the reader gave it when it is dense (repeated rows then share one buffer), else by its
            // filled cells only (a row padded to a far column would cost its width), padded again as it is written.
            var collected: [(number: Int, cells: [CellValue]?, columns: [Int], values: [CellValue], width: Int)] = []
            while let row = try rows.next() {
                if widths.count < row.cells.count { widths += repeatElement(nil, count: row.cells.count - widths.count) }
                var filled = 0
                for (offset, cell) in row.cells.enumerated() {
                    var length = 12.0
                    if case .text(let text) = cell { length = Double(min(60, text.count + 2)) }
                    widths[offset] = max(widths[offset] ?? 8, length)
                    if cell != .empty { filled += 1 }
                }
                if PendingRows.keepsPadded(width: row.cells.count, filled: filled) {
                    collected.append((row.number, row.cells, [], [], row.cells.count))
                } else {
                    let kept = row.cells.enumerated().filter { $0.element != .empty }
                    collected.append((row.number, nil, kept.map { $0.offset + 1 }, kept.map(\.element), row.cells.count))
                }
            }
            let target = try writer.addSheet(named: name, layout: SheetLayout(columnWidths: widths))
            var written = 0
            for row in collected {
                while written + 1 < row.number {
                    try target.append([])
                    written += 1
                }
                try target.append(row.cells ?? PendingRows.padded(row.columns, row.values, row.width))
                written = row.number
            }
            for range in rows.mergedRanges { target.merge(range) }
        }
        try writer.close()
        return names
    }
}
