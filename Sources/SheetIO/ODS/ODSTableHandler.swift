import PackageIO

/// Turns the XML events of one `table:table` of `content.xml` into rows of typed cells.
///
/// Repetition costs nothing where it repeats nothing: an empty cell or row repeated any number of times
/// only moves the column or row counter. A repeated cell or row that holds a value is expanded, within
/// Excel's 1,048,576 × 16,384 grid and the sheet's cell limit, and up to the column limit only; a row repeated
/// N times is queued once, with N.
final class ODSTableHandler: XMLEventHandler {
    /// One row that `count` consecutive rows repeat, from row `first` on.
    struct RepeatedRow {
        var first: Int
        /// The row padded from column A; for a row whose cells lie far apart, its non-empty cells alone.
        var cells: [CellValue]
        var count: Int
        /// For a row kept unpadded: the one-based column of each of `cells`, and the row's last column.
        var columns: [Int]? = nil
        var width = 0

        /// A row whose padding would outweigh its cells (a lone cell in column XFD) waits unpadded, so that
        /// the rows of one parsed chunk cost what their cells cost, whatever their addresses.
        init(first: Int, cells: [CellValue], count: Int, filled: Int) {
            self.first = first
            self.count = count
            if PendingRows.keepsPadded(width: cells.count, filled: filled) {
                self.cells = cells
            } else {
                var columns: [Int] = [], values: [CellValue] = []
                for (offset, cell) in cells.enumerated() where cell != .empty {
                    columns.append(offset + 1)
                    values.append(cell)
                }
                self.cells = values
                self.columns = columns
                width = cells.count
            }
        }

        /// The cells from column A to the last.
        var padded: [CellValue] {
            guard let columns else { return cells }
            return PendingRows.padded(columns, cells, width)
        }

        /// Cells written to pad the row when it is handed out: none for a row stored padded.
        var widthToPad: Int { columns == nil ? 0 : width }
    }

    /// Completed rows not yet handed out.
    var pending: [RepeatedRow] = []
    private(set) var mergedRanges: [CellRange] = []
    /// The first problem met; the reader throws it.
    private(set) var failure: SpreadsheetError?
    /// Whether the sheet's table has ended (the rest of the part need not be parsed).
    private(set) var tableFinished = false
    /// Cells written padding rows from column A as they are parsed (for tests: see ``ODSRowReader/cellsPadded``).
    private(set) var cellsPadded = 0

    /// Most merged ranges kept for one sheet (a repeated spanned cell could otherwise claim billions).
    static let maxMergedRanges = 1_000_000
    /// Repeat counts are clamped to this before any arithmetic, so counters never overflow.
    private static let countCeiling = 1 << 40

    private let targetIndex: Int
    private let maxCells: Int
    /// The last column kept (``ReadLimits/maxColumns``): cells beyond it, and the repetitions of a cell that reach
    /// past it, are checked against Excel's grid and counted as the sheet's cells (as the XLSX reader counts every
    /// cell), never stored.
    private let maxColumns: Int
    private let file: String
    private let sheet: String

    private var tablesSeen = 0
    private var tableDepth = 0
    private var inTarget = false
    /// Depth inside a subtree that holds no cell text: an annotation, a drawing, a nested table.
    private var skipDepth = 0

    private var inRow = false
    private var rowNumber = 1
    private var rowRepeats = 1
    private var cells: [CellValue] = []
    /// The row's value cells, repetitions expanded (the sheet's cells, for its limit), and those of them kept.
    private var rowValueCells = 0
    private var rowKeptCells = 0
    private var column = 1
    private var cellCount = 0

    private var inCell = false
    private var cellRepeats = 1
    private var cellIsCovered = false
    private var cellValue: CellValue = .empty
    private var cellContent: CellContent = .none
    private let text = ODSCellText()

    /// Where a cell's value comes from once its attributes are read.
    private enum CellContent {
        /// The attributes gave the value (or there is none).
        case none
        /// The paragraphs are the text of a string cell.
        case text
        /// The paragraphs are the code of an error cell (`#DIV/0!`); `fallback` when they are empty.
        case error(fallback: String)
    }

    init(sheetIndex: Int, maxCells: Int, maxColumns: Int, file: String, sheet: String) {
        targetIndex = sheetIndex
        self.maxCells = maxCells
        self.maxColumns = maxColumns
        self.file = file
        self.sheet = sheet
    }

    // MARK: Events

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        if skipDepth > 0 { skipDepth += 1; return }
        if localName.equals("table"), namespace.isNamespace(ODFNames.table) {
            if inTarget { skipDepth = 1; return } // a sub-table inside a cell
            if tableDepth == 0 {
                inTarget = tablesSeen == targetIndex
                tablesSeen += 1
            }
            tableDepth += 1
            return
        }
        guard inTarget, failure == nil else { return }
        if namespace.isNamespace(ODFNames.table) {
            if localName.equals("table-row") {
                startRow(attributes)
            } else if localName.equals("table-cell") {
                startCell(attributes, covered: false)
            } else if localName.equals("covered-table-cell") {
                startCell(attributes, covered: true)
            }
        } else if inCell {
            startInsideCell(localName, namespace, attributes)
        }
    }

    func endElement(localName: XMLBytes) {
        if skipDepth > 0 { skipDepth -= 1; return }
        if localName.equals("table") {
            tableDepth = max(tableDepth - 1, 0)
            if inTarget, tableDepth == 0 {
                inTarget = false
                tableFinished = true
            }
            return
        }
        guard inTarget, failure == nil else { return }
        if localName.equals("table-row") {
            endRow()
        } else if localName.equals("table-cell") || localName.equals("covered-table-cell") {
            endCell()
        } else if inCell, localName.equals("p") || localName.equals("h") {
            text.endParagraph()
        }
    }

    @inline(__always)
    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if inCell, skipDepth == 0, self.text.isInParagraph { self.text.append(text) }
    }

    // MARK: Rows

    private func startRow(_ attributes: XMLAttributes) {
        inRow = true
        cells.removeAll(keepingCapacity: true)
        rowValueCells = 0
        rowKeptCells = 0
        column = 1
        rowRepeats = repeatCount(attributes.value(of: "number-rows-repeated", in: ODFNames.table), what: "number-rows-repeated")
    }

    private func endRow() {
        guard inRow else { return }
        inRow = false
        // A row of values is checked and counted even when the column limit left none of them to keep.
        if rowValueCells > 0 {
            let last = rowNumber + rowRepeats - 1
            if last > Limits.excelRows {
                let repeated = rowRepeats > 1 ? " repeated \(rowRepeats) times" : ""
                return fail("row \(rowNumber)\(repeated) reaches row \(last), beyond Excel's last row \(Limits.excelRows)", limit: true)
            }
            cellCount += rowValueCells * rowRepeats
            if cellCount > maxCells {
                return fail("the sheet has more than \(maxCells) cells, the limit", limit: true)
            }
        }
        if !cells.isEmpty {
            cellsPadded += cells.count
            pending.append(RepeatedRow(first: rowNumber, cells: cells, count: rowRepeats, filled: rowKeptCells))
        }
        rowNumber = min(rowNumber + rowRepeats, ODSTableHandler.countCeiling)
    }

    // MARK: Cells

    private func startCell(_ attributes: XMLAttributes, covered: Bool) {
        guard inRow else { return } // a cell outside any row has no place
        inCell = true
        cellIsCovered = covered
        cellValue = .empty
        cellContent = .none
        text.reset()
        let reading = ODSCellAttributes(attributes)
        cellRepeats = repeatCount(reading.columnsRepeated, what: "number-columns-repeated")
        if !covered {
            recordMerge(columns: reading.columnsSpanned, rows: reading.rowsSpanned)
            resolveValue(reading)
        }
    }

    /// Decides the value from the office attributes, or that the paragraphs will give it.
    private func resolveValue(_ reading: ODSCellAttributes) {
        if reading.isError {
            cellContent = .error(fallback: reading.stringValue ?? "")
            return
        }
        switch reading.valueType {
        case .number, .absent where reading.value != nil:
            guard let raw = reading.value else { return }
            guard let number = parseNumber(raw.buffer) else {
                return fail("office:value \"\(raw.string)\" is not a number", cell: address)
            }
            cellValue = .number(number)
        case .date, .absent where reading.dateValue != nil:
            guard let raw = reading.dateValue?.string else { return }
            cellValue = ODSTemporal.date(raw).map(CellValue.temporal) ?? .text(raw)
        case .time, .absent where reading.timeValue != nil:
            guard let raw = reading.timeValue?.string else { return }
            cellValue = ODSTemporal.time(raw).map(CellValue.temporal) ?? .text(raw)
        case .boolean, .absent where reading.booleanValue != nil:
            guard let raw = reading.booleanValue else { return }
            cellValue = .boolean(raw.equals("true") || raw.equals("TRUE"))
        case .string, .absent where reading.stringValue != nil:
            if let value = reading.stringValue { cellValue = .text(value) } else { cellContent = .text }
        case .absent, .other:
            break
        }
    }

    private func startInsideCell(_ localName: XMLBytes, _ namespace: XMLBytes?, _ attributes: XMLAttributes) {
        if namespace.isNamespace(ODFNames.drawing)
            || (localName.equals("annotation") && namespace.isNamespace(ODFNames.office)) {
            skipDepth = 1
            return
        }
        guard namespace.isNamespace(ODFNames.text) else { return }
        if localName.equals("p") || localName.equals("h") {
            text.startParagraph()
        } else if text.isInParagraph {
            if localName.equals("s") {
                // An unreadable count (too many digits) is as good as too many spaces.
                let count = attributes.value(of: "c", in: ODFNames.text).map { parseDecimal($0) ?? Int.max } ?? 1
                if !text.appendSpaces(count) {
                    fail("text:s adds \(count) spaces, more than a cell holds (\(ODSCellText.maxExpandedSpaces))",
                         limit: true, cell: address)
                }
            } else if localName.equals("tab") {
                text.append(0x09)
            } else if localName.equals("line-break") {
                text.append(0x0A)
            }
        }
    }

    private func endCell() {
        guard inCell else { return }
        inCell = false
        switch cellContent {
        case .none: break
        case .text: cellValue = .text(text.string)
        case .error(let fallback):
            let code = text.string
            cellValue = .error(code.isEmpty ? (fallback.isEmpty ? "#VALUE!" : fallback) : code)
        }
        defer { column = min(column + cellRepeats, ODSTableHandler.countCeiling) }
        guard !cellIsCovered, !cellValue.isEmpty else { return }
        let last = column + cellRepeats - 1
        if last > Limits.excelColumns {
            let repeated = cellRepeats > 1 ? " repeated \(cellRepeats) times" : ""
            return fail("the cell\(repeated) reaches column \(last), beyond Excel's last column \(Limits.excelColumns)",
                        limit: true, cell: address)
        }
        rowValueCells += cellRepeats
        let kept = min(last, maxColumns) - column + 1
        guard kept > 0 else { return }
        if cells.count < column - 1 { cells.append(contentsOf: repeatElement(.empty, count: column - 1 - cells.count)) }
        cells.append(contentsOf: repeatElement(cellValue, count: kept))
        rowKeptCells += kept
    }

    /// Keeps `number-columns-spanned` × `number-rows-spanned` as a merged range, once for each repetition of
    /// the cell and its row that falls inside Excel's grid.
    private func recordMerge(columns: XMLBytes?, rows: XMLBytes?) {
        let width = columns.flatMap { parseDecimal($0) } ?? 1
        let height = rows.flatMap { parseDecimal($0) } ?? 1
        guard width > 1 || height > 1 else { return }
        let columnsInGrid = max(0, min(cellRepeats, Limits.excelColumns - column + 1))
        let rowsInGrid = max(0, min(rowRepeats, Limits.excelRows - rowNumber + 1))
        guard columnsInGrid * rowsInGrid <= ODSTableHandler.maxMergedRanges - mergedRanges.count else {
            return fail("the sheet has more than \(ODSTableHandler.maxMergedRanges) merged ranges, the limit", limit: true)
        }
        for rowOffset in 0..<rowsInGrid {
            for columnOffset in 0..<columnsInGrid {
                let first = CellAddress(row: rowNumber + rowOffset, column: column + columnOffset)
                guard first.column <= Limits.excelColumns else { break }
                let last = CellAddress(row: min(first.row + height - 1, Limits.excelRows),
                                       column: min(first.column + width - 1, Limits.excelColumns))
                mergedRanges.append(CellRange(first: first, last: last))
            }
        }
    }

    // MARK: Helpers

    /// The current cell's A1 reference (or its row and column numbers past Excel's grid).
    private var address: String {
        column <= Limits.excelColumns && rowNumber <= Limits.excelRows
            ? CellAddress(row: rowNumber, column: column).description
            : "at row \(rowNumber), column \(column)"
    }

    /// A `number-*-repeated` count: 1 when absent, clamped to ``countCeiling``; an invalid one is an error.
    private func repeatCount(_ value: XMLBytes?, what: String) -> Int {
        guard let value else { return 1 }
        let digits = value.buffer.drop { $0 == 0x30 } // leading zeros
        if value.count > 0, digits.isEmpty || digits.allSatisfy({ $0 &- 48 < 10 }) {
            if digits.count > 13 { return ODSTableHandler.countCeiling }
            return max(1, min(digits.reduce(0) { $0 * 10 + Int($1 - 48) }, ODSTableHandler.countCeiling))
        }
        fail("table:\(what)=\"\(value.string)\" is not a count (row \(rowNumber))")
        return 1
    }

    private func fail(_ message: String, limit: Bool = false, cell: String? = nil) {
        if failure == nil {
            failure = SpreadsheetError(limit ? .limitExceeded : .unreadable, file: file, sheet: sheet, cell: cell, message: message)
        }
    }
}
