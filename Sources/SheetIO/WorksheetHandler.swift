import Glibc
import PackageIO

/// Turns the XML events of a worksheet part (`sheetData/row/c`) into rows of typed cells.
final class WorksheetHandler: XMLEventHandler {
    private let sharedStrings: SharedStrings
    private let formatClasses: [NumberFormatClass]
    private let dateSystem: DateSystem
    private let maxCells: Int
    /// The last column kept (``ReadLimits/maxColumns``): a cell beyond it is counted and checked, never stored.
    private let maxColumns: Int
    let file: String
    let sheet: String

    /// Completed rows not yet handed out: see ``PendingRows``.
    var pending = PendingRows()
    var mergedRanges: [CellRange] = []
    /// The first problem met; the reader throws it.
    var failure: SpreadsheetError?
    /// Rows to drop before filling `pending` (already handed out by an earlier pass over the part).
    var rowsToSkip = 0

    private var rowNumber = 0
    /// The current row, padded as it grows while its cells stand close together; once a cell lies far beyond
    /// the others (a lone cell in column XFD), its non-empty cells as met instead (`rowColumns`, `rowValues`:
    /// columns in file order, later ones winning) and its last column.
    private var cells: [CellValue] = []
    private var isSparse = false
    private var rowColumns: [Int] = []
    private var rowValues: [CellValue] = []
    private var rowWidth = 0
    private var inRow = false
    private var cellColumn = 0
    private var cellType: CellTypeAttribute = .number
    private var cellStyle = 0
    private var inCell = false
    private var collecting = false
    private var inInlineString = false
    private var phoneticDepth = 0
    private var hasValue = false
    private let text = ByteBuffer(capacity: 256)
    private var cellCount = 0

    enum CellTypeAttribute {
        case number, sharedString, inlineString, formulaString, boolean, error, isoDate
    }

    init(sharedStrings: SharedStrings, formatClasses: [NumberFormatClass], dateSystem: DateSystem,
         maxCells: Int, maxColumns: Int, file: String, sheet: String) {
        self.sharedStrings = sharedStrings
        self.formatClasses = formatClasses
        self.dateSystem = dateSystem
        self.maxCells = maxCells
        self.maxColumns = maxColumns
        self.file = file
        self.sheet = sheet
    }

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        switch localName.count {
        case 1 where localName.start[0] == UInt8(ascii: "c"):
            startCell(attributes)
        case 1 where localName.start[0] == UInt8(ascii: "v"):
            if inCell { collecting = true; hasValue = true }
        case 1 where localName.start[0] == UInt8(ascii: "t"):
            if inInlineString, phoneticDepth == 0 { collecting = true; hasValue = true }
        case 2 where localName.equals("is"):
            if inCell { inInlineString = true; text.removeAll() }
        case 3 where localName.equals("row"):
            startRow(attributes)
        case 3 where localName.equals("rPh"):
            phoneticDepth += 1
        case 9 where localName.equals("mergeCell"):
            if let reference = attributes.string(of: "ref"), let range = CellRange(a1: reference) { mergedRanges.append(range) }
        default:
            break
        }
    }

    func endElement(localName: XMLBytes) {
        switch localName.count {
        case 1 where localName.start[0] == UInt8(ascii: "c"):
            endCell()
        case 1 where localName.start[0] == UInt8(ascii: "v"), 1 where localName.start[0] == UInt8(ascii: "t"):
            collecting = false
        case 2 where localName.equals("is"):
            inInlineString = false
        case 3 where localName.equals("row"):
            endRow()
        case 3 where localName.equals("rPh"):
            phoneticDepth -= 1
        default:
            break
        }
    }

    @inline(__always)
    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if collecting { self.text.append(text) }
    }

    private func startRow(_ attributes: XMLAttributes) {
        if inRow { endRow() }
        inRow = true
        var number = rowNumber + 1
        if let value = attributes.value(of: "r"), let parsed = parseDecimal(value), parsed >= 1 { number = parsed }
        if number > Limits.excelRows {
            fail("row number \(number) is beyond Excel's last row \(Limits.excelRows)")
        }
        rowNumber = number
        clearRow()
    }

    private func clearRow() {
        cells.removeAll(keepingCapacity: true)
        if isSparse {
            isSparse = false
            rowColumns.removeAll(keepingCapacity: true)
            rowValues.removeAll(keepingCapacity: true)
            rowWidth = 0
        }
        cellColumn = 0
    }

    private func endRow() {
        guard inRow else { return }
        inRow = false
        if isSparse {
            guard !rowValues.isEmpty else { return }
        } else {
            while let last = cells.last, last == .empty { cells.removeLast() }
            guard !cells.isEmpty else { return }
        }
        if rowsToSkip > 0 {
            rowsToSkip -= 1
        } else if isSparse {
            pending.append(number: rowNumber, columns: rowColumns, values: rowValues, width: rowWidth)
        } else {
            pending.append(Row(number: rowNumber, cells: cells))
        }
    }

    private func startCell(_ attributes: XMLAttributes) {
        if !inRow {
            // A cell outside any <row>: start an implicit one so that nothing is lost.
            inRow = true
            rowNumber += 1
            clearRow()
        }
        inCell = true
        hasValue = false
        text.removeAll()
        cellType = .number
        cellStyle = 0
        var column = cellColumn + 1
        for index in 0..<attributes.count {
            let name = attributes.localName(at: index)
            guard name.count == 1 else { continue }
            let value = attributes.value(at: index)
            switch name.start[0] {
            case UInt8(ascii: "r"):
                if let address = CellAddress.parse(value.buffer) {
                    column = address.column
                } else if value.count > 0 {
                    fail("a cell has the invalid reference \"\(value.string)\"")
                }
            case UInt8(ascii: "t"):
                cellType = WorksheetHandler.cellType(value)
            case UInt8(ascii: "s"):
                cellStyle = parseDecimal(value) ?? 0
            default:
                break
            }
        }
        cellColumn = column
        cellCount += 1
        if cellCount > maxCells { fail("the sheet has more than \(maxCells) cells, the limit", limit: true) }
    }

    private func endCell() {
        guard inCell else { return }
        inCell = false
        collecting = false
        // A cell beyond the column limit is still read, so that a broken one (a shared string out of range) fails as before.
        let value = hasValue ? currentValue() : .empty
        guard value != .empty, cellColumn <= maxColumns else { return }
        if !isSparse {
            if cellColumn <= cells.count {
                cells[cellColumn - 1] = value
                return
            }
            if cellColumn - cells.count <= PendingRows.maxPadding {
                cells.append(contentsOf: repeatElement(.empty, count: cellColumn - 1 - cells.count))
                cells.append(value)
                return
            }
            // Far beyond the cells so far: keep the row's cells alone from here on.
            isSparse = true
            rowWidth = 0
            for (offset, cell) in cells.enumerated() where cell != .empty {
                rowColumns.append(offset + 1)
                rowValues.append(cell)
                rowWidth = offset + 1
            }
            cells.removeAll(keepingCapacity: true)
        }
        rowColumns.append(cellColumn)
        rowValues.append(value)
        if cellColumn > rowWidth { rowWidth = cellColumn }
    }

    private func currentValue() -> CellValue {
        let bytes = text.buffer
        do {
            switch cellType {
            case .number:
                guard let number = parseNumber(bytes) else {
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return .empty }
                    return .text(String(decoding: bytes, as: UTF8.self))
                }
                if cellStyle > 0, cellStyle < formatClasses.count, let kind = formatClasses[cellStyle].temporalKind(for: number) {
                    let temporal = ExcelTemporal(serial: number, system: dateSystem, kind: kind)
                    // Excel shows a serial beyond 9999-12-31, or a negative date, as ####: keep the number.
                    if temporal.isInExcelRange || kind == .duration { return .temporal(temporal) }
                }
                return .number(number)
            case .sharedString:
                guard let index = parseDecimal(XMLBytes(start: bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: bytes.count)) else {
                    return bytes.isEmpty ? .empty : .text(String(decoding: bytes, as: UTF8.self))
                }
                guard let string = sharedStrings[index] else {
                    fail("cell \(CellAddress(row: rowNumber, column: cellColumn)) refers to shared string \(index), but the table has \(sharedStrings.count)")
                    return .empty
                }
                return .text(string)
            case .inlineString, .formulaString:
                return .text(OOXMLText.decode(bytes))
            case .boolean:
                let first = bytes.first ?? 0
                return .boolean(first == UInt8(ascii: "1") || first == UInt8(ascii: "t") || first == UInt8(ascii: "T"))
            case .error:
                return .error(String(decoding: bytes, as: UTF8.self))
            case .isoDate:
                let string = String(decoding: bytes, as: UTF8.self)
                guard let temporal = ISODate.parse(string) else { return .text(string) }
                return .temporal(temporal)
            }
        }
    }

    private func fail(_ message: String, limit: Bool = false) {
        if failure == nil {
            failure = SpreadsheetError(limit ? .limitExceeded : .unreadable, file: file, sheet: sheet, message: message)
        }
    }

    private static func cellType(_ value: XMLBytes) -> CellTypeAttribute {
        if value.equals("s") { return .sharedString }
        if value.equals("inlineStr") { return .inlineString }
        if value.equals("str") { return .formulaString }
        if value.equals("b") { return .boolean }
        if value.equals("e") { return .error }
        if value.equals("d") { return .isoDate }
        return .number
    }
}

/// Parses a non-negative decimal integer.
@inline(__always)
func parseDecimal(_ bytes: XMLBytes) -> Int? {
    guard bytes.count > 0, bytes.count <= 18 else { return nil }
    var value = 0
    for index in 0..<bytes.count {
        let digit = bytes.start[index] &- 48
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
    }
    return value
}

private let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// Parses an XML number (`xsd:double`): an exact fast path for plain decimals, `strtod` for the rest.
func parseNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    let count = bytes.count
    guard count > 0 else { return nil }
    var negative = false
    if bytes[0] == UInt8(ascii: "-") { negative = true; index = 1 }
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    var simple = index < count
    while index < count {
        let byte = bytes[index]
        if byte == UInt8(ascii: ".") && !seenPoint {
            seenPoint = true
        } else {
            let digit = byte &- 48
            guard digit < 10 else { simple = false; break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            digits += 1
            if seenPoint { fractionDigits += 1 }
        }
        index += 1
    }
    if simple, digits > 0, digits <= 15 {
        var value = Double(mantissa)
        if fractionDigits > 0 { value /= powersOfTen[fractionDigits] }
        return negative ? -value : value
    }
    // General case: exponents, long mantissas, surrounding spaces, INF/NaN spellings.
    var buffer = [CChar](repeating: 0, count: count + 1)
    for position in 0..<count { buffer[position] = CChar(bitPattern: bytes[position]) }
    return buffer.withUnsafeBufferPointer { pointer -> Double? in
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(pointer.baseAddress!, &end)
        guard let end else { return nil }
        var consumed = end - UnsafeMutablePointer(mutating: pointer.baseAddress!)
        while consumed < count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[consumed]) { consumed += 1 }
        let trimmedStart = bytes.prefix(while: { [0x20, 0x09, 0x0A, 0x0D].contains($0) }).count
        guard consumed == count, end != UnsafeMutablePointer(mutating: pointer.baseAddress!) + trimmedStart else { return nil }
        return value
    }
}
