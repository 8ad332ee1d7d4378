/// Writes the rows of one sheet of an ``XLSXWriter``, in order, straight to its spool file.
public final class XLSXSheetWriter {
    public let name: String
    /// One-based sheet number in the workbook.
    let index: Int
    private unowned let workbook: XLSXWriter
    private let layout: SheetLayout
    private let out: XMLByteWriter
    private let spoolPath: String
    private var lastRow = 0
    private var lastColumn = 0
    private var merges: [CellRange] = []
    private var finished = false
    private var columnNames: [[UInt8]] = []
    /// The rows repeated on every printed page, when the sheet has a print setup that repeats any.
    var repeatedRows: Int? { layout.print.flatMap { $0.repeatedRows > 0 && lastRow >= 1 ? min($0.repeatedRows, lastRow) : nil } }

    init(workbook: XLSXWriter, name: String, index: Int, layout: SheetLayout, spool: (descriptor: Int32, path: String)) {
        self.workbook = workbook
        self.name = name
        self.index = index
        self.layout = layout
        spoolPath = spool.path
        out = XMLByteWriter(descriptor: spool.descriptor, path: workbook.path)
        writeHead()
    }

    /// The one-based number of the last row written.
    public var rowCount: Int { lastRow }

    /// Appends a row after the last one; each cell takes `styles[i]` when given, else the style its value needs
    /// (dates get a date format). Throws on a cell over Excel's 32,767 characters.
    public func append(_ cells: [CellValue], styles: [XLSXStyle?] = []) throws {
        try write(cells, styles: styles, at: lastRow + 1)
    }

    /// Appends a row whose every non-empty cell has `style` (a header row: ``XLSXStyle/header``).
    public func append(_ cells: [CellValue], style: XLSXStyle) throws {
        try write(cells, styles: Array(repeating: style, count: cells.count), at: lastRow + 1)
    }

    /// Merges a range of cells (the value stays in its first cell).
    public func merge(_ range: CellRange) { merges.append(range) }

    private func write(_ cells: [CellValue], styles: [XLSXStyle?], at row: Int) throws {
        guard row <= Limits.excelRows else {
            throw SpreadsheetError(.writeFailed, file: workbook.path, sheet: name, message: "more than \(Limits.excelRows) rows, Excel's limit")
        }
        guard cells.count <= Limits.excelColumns else {
            throw SpreadsheetError(.writeFailed, file: workbook.path, sheet: name, message: "more than \(Limits.excelColumns) columns, Excel's limit")
        }
        lastRow = row
        var styles = styles
        let lines = wrappedLines(cells, styles: &styles)
        out.raw("<row r=\"")
        out.integer(row)
        if lines > 1 {
            out.raw("\" ht=\"")
            out.raw(numberText(TextMetrics.rowHeight(lines: lines)))
            out.raw("\" customHeight=\"1")
        }
        out.raw("\">")
        for (offset, value) in cells.enumerated() {
            let style = offset < styles.count ? styles[offset] : nil
            try cell(value, column: offset + 1, row: row, style: style)
        }
        out.raw("</row>")
        out.flushIfLarge()
    }

    /// The lines of the row's tallest wrapped cell; with `wrapsOverflowingText`, a plain text cell wider than
    /// its column becomes wrapped.
    private func wrappedLines(_ cells: [CellValue], styles: inout [XLSXStyle?]) -> Int {
        var lines = 1
        for (offset, value) in cells.enumerated() {
            guard case .text(let text) = value, !text.isEmpty else { continue }
            let width = offset < layout.columnWidths.count ? layout.columnWidths[offset] ?? 8.43 : 8.43
            var style = offset < styles.count ? styles[offset] : nil
            if layout.wrapsOverflowingText, style == nil || style == .normal,
               text.utf8.contains(0x0A) || TextMetrics.width(of: value) > width {
                while styles.count <= offset { styles.append(nil) }
                styles[offset] = .wrapped
                style = .wrapped
            }
            guard style == .wrapped || style == .header else { continue }
            lines = max(lines, TextMetrics.lines(of: text, columnWidth: width))
        }
        return lines
    }

    @inline(__always)
    private func reference(_ column: Int, _ row: Int) {
        while columnNames.count < column { columnNames.append(Array(CellAddress.columnName(columnNames.count + 1).utf8)) }
        out.raw(columnNames[column - 1])
        out.integer(row)
    }

    private func open(_ column: Int, _ row: Int, style: XLSXStyle?, type: StaticString?) {
        out.raw("<c r=\"")
        reference(column, row)
        if let style, style.index != 0 {
            out.raw("\" s=\"")
            out.integer(style.index)
        }
        if let type {
            out.raw("\" t=\"")
            out.raw(type)
        }
        out.raw("\">")
        if column > lastColumn { lastColumn = column }
    }

    private func cell(_ value: CellValue, column: Int, row: Int, style: XLSXStyle?) throws {
        switch value {
        case .empty:
            if let style, style.index != 0 {
                out.raw("<c r=\"")
                reference(column, row)
                out.raw("\" s=\"")
                out.integer(style.index)
                out.raw("\"/>")
            }
        case .text(let text):
            if text.isEmpty { return try cell(.empty, column: column, row: row, style: style) }
            if text.utf16.count > Limits.cellTextLength {
                if workbook.options.shortenLongText { return try cell(.text(Limits.shortened(text)), column: column, row: row, style: style) }
                throw SpreadsheetError(.writeFailed, file: workbook.path, sheet: name, cell: CellAddress(row: row, column: column).description,
                                       message: "the text is \(text.utf16.count) characters long; an Excel cell holds at most \(Limits.cellTextLength)")
            }
            if workbook.options.sharedStrings {
                open(column, row, style: style, type: "s")
                out.raw("<v>")
                out.integer(workbook.sharedStringIndex(text))
                out.raw("</v></c>")
            } else {
                open(column, row, style: style, type: "inlineStr")
                out.raw(needsPreserve(text) ? "<is><t xml:space=\"preserve\">" : "<is><t>")
                out.text(text)
                out.raw("</t></is></c>")
            }
        case .number(let number):
            guard number.isFinite else { return try cell(.error("#NUM!"), column: column, row: row, style: style) }
            open(column, row, style: style, type: nil)
            out.raw("<v>")
            out.raw(numberText(number))
            out.raw("</v></c>")
        case .boolean(let flag):
            open(column, row, style: style, type: "b")
            out.raw(flag ? "<v>1</v></c>" : "<v>0</v></c>")
        case .error(let code):
            open(column, row, style: style, type: "e")
            out.raw("<v>")
            out.text(code)
            out.raw("</v></c>")
        case .temporal(let temporal):
            open(column, row, style: style ?? XLSXStyle.of(temporal.kind), type: nil)
            // The workbook is in the 1900 system: a 1904 date moves by the four years between the epochs;
            // a duration and a time of day (the day's fraction) stay as they are.
            let shifts = temporal.system == .excel1904 && temporal.kind != .duration && temporal.kind != .time
            let serial = shifts ? temporal.serial + 1462 : temporal.serial
            out.raw("<v>")
            out.raw(numberText(serial))
            out.raw("</v></c>")
        }
    }

    /// Ends the sheet: writes the parts that follow the rows and hands the spool to the package.
    func finish() throws {
        guard !finished else { return }
        finished = true
        out.raw("</sheetData>")
        var filterRange: CellRange?
        if layout.autoFilter, lastRow >= 1, lastColumn >= 1 {
            let range = CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: lastRow, column: lastColumn))
            out.raw("<autoFilter ref=\"\(range)\"/>")
            filterRange = range
        }
        if !merges.isEmpty {
            out.raw("<mergeCells count=\"\(merges.count)\">")
            for range in merges { out.raw("<mergeCell ref=\"\(range)\"/>") }
            out.raw("</mergeCells>")
        }
        var priority = 1
        for range in layout.growthHighlights {
            out.raw("<conditionalFormatting sqref=\"\(range)\">")
            out.raw("<cfRule type=\"cellIs\" dxfId=\"0\" priority=\"\(priority)\" operator=\"greaterThan\"><formula>0</formula></cfRule>")
            out.raw("<cfRule type=\"cellIs\" dxfId=\"1\" priority=\"\(priority + 1)\" operator=\"lessThan\"><formula>0</formula></cfRule>")
            out.raw("</conditionalFormatting>")
            priority += 2
        }
        if !layout.validations.isEmpty {
            out.raw("<dataValidations count=\"\(layout.validations.count)\">")
            for validation in layout.validations {
                let list = "\"" + validation.values.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\""
                guard list.count <= 257 else {
                    throw SpreadsheetError(.writeFailed, file: workbook.path, sheet: name,
                                           message: "a drop-down list longer than Excel's 255 characters")
                }
                out.raw("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"\(validation.range)\"><formula1>")
                out.text(list)
                out.raw("</formula1></dataValidation>")
            }
            out.raw("</dataValidations>")
        }
        if let print = layout.print {
            out.raw(#"<printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
            out.raw(print.pageParts)
            out.raw("</worksheet>")
        } else {
            out.raw(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>"#)
        }
        try out.close()
        try workbook.sheetFinished(self, spoolPath: spoolPath, filterRange: filterRange)
    }

    private func writeHead() {
        out.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        out.raw(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        if let print = layout.print { out.raw(print.sheetProperties) }
        out.raw(#"<sheetViews><sheetView "#)
        if index == 1 { out.raw(#"tabSelected="1" "#) }
        out.raw(#"workbookViewId="0""#)
        if layout.frozenRows > 0 {
            let top = "A\(layout.frozenRows + 1)"
            out.raw(#"><pane ySplit="\#(layout.frozenRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="\#(top)" sqref="\#(top)"/></sheetView>"#)
        } else {
            out.raw("/>")
        }
        out.raw(#"</sheetViews><sheetFormatPr defaultRowHeight="15"/>"#)
        let widths = layout.columnWidths.enumerated().compactMap { offset, width in width.map { (offset + 1, $0) } }
        if !widths.isEmpty {
            out.raw("<cols>")
            for (column, width) in widths {
                out.raw(#"<col min="\#(column)" max="\#(column)" width="\#(numberText(width))" customWidth="1"/>"#)
            }
            out.raw("</cols>")
        }
        out.raw("<sheetData>")
    }
}

/// Whether text needs `xml:space="preserve"` to keep its outer whitespace.
func needsPreserve(_ text: String) -> Bool {
    guard let first = text.utf8.first, let last = text.utf8.last else { return false }
    return first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D || last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D
}

/// The shortest text that reads back as `number`; whole numbers without a fraction.
func numberText(_ number: Double) -> String {
    if number == number.rounded(.towardZero), abs(number) < 1e15 {
        return number == 0 ? "0" : String(Int64(number))
    }
    return "\(number)"
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
