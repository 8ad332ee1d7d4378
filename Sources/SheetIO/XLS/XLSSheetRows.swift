/// Streams the rows of one sheet substream of a BIFF5/BIFF8 workbook.
///
/// Excel writes cells row by row, so a row is complete when a cell of a later row arrives and rows go
/// out as they finish, holding one row at a time. A first pass over the record headers checks that
/// order; a sheet whose cells go back to an earlier row is collected whole (its cells only, never
/// its declared dimensions) and given out sorted.
final class XLSSheetRows: RowReader {
    private var cursor: BIFFRecordCursor
    private let globals: XLSWorkbookGlobals
    private let typing: NumberTyping
    private let file: String
    private let sheetName: String
    private let maxCells: Int
    /// The last column kept (``ReadLimits/maxColumns``): a record's column is 16 bits, so without it a crafted
    /// sheet could pad a row to 65,536 cells.
    private let maxColumns: Int
    private let ordered: Bool

    private(set) var mergedRanges: [CellRange] = []
    private var depth = 1
    private var finished = false
    private var cellCount = 0
    /// A formula whose string result comes in the next STRING record.
    private var pendingFormula: (row: Int, column: Int)?

    // Rows in file order.
    private var currentRow = -1
    private var currentCells: [CellValue] = []
    private var ready: Row?
    // Rows out of order: cells by row, sparse.
    private var scattered: [Int: [(column: Int, value: CellValue)]] = [:]
    private var sortedRows: [Int] = []
    private var nextSorted = 0

    private static let cellTypes: Set<UInt16> = [BIFFType.labelSST, BIFFType.label, BIFFType.richString, BIFFType.number,
                                                  BIFFType.rk, BIFFType.mulRK, BIFFType.boolErr, BIFFType.formula]

    init(stream: [UInt8], offset: Int, sheetName: String, globals: XLSWorkbookGlobals, file: String, limits: ReadLimits) throws {
        self.globals = globals
        self.file = file
        self.sheetName = sheetName
        maxCells = limits.maxCellsPerSheet
        maxColumns = limits.maxColumns
        typing = NumberTyping(formatClasses: globals.formatClasses, dateSystem: globals.dateSystem)
        guard offset >= 0, offset < stream.count else {
            throw SpreadsheetError(.unreadable, file: file, sheet: sheetName,
                                   message: "damaged .xls workbook: the sheet starts at offset \(offset), past the end of the \(stream.count)-byte stream")
        }
        var cursor = BIFFRecordCursor(stream: stream, position: offset, file: file)
        guard let bof = try cursor.next(), bof.type == BIFFType.bof else {
            throw SpreadsheetError(.unreadable, file: file, sheet: sheetName,
                                   message: "damaged .xls workbook: no BOF record where the sheet should start (offset \(offset))")
        }
        self.cursor = cursor
        ordered = try XLSSheetRows.cellsComeInRowOrder(cursor)
    }

    /// Whether no cell record of the substream goes back to an earlier row than the one before it.
    private static func cellsComeInRowOrder(_ start: BIFFRecordCursor) throws -> Bool {
        var cursor = start
        var depth = 1
        var lastRow = -1
        while let record = try cursor.next() {
            if record.type == BIFFType.bof { depth += 1; continue }
            if record.type == BIFFType.eof { depth -= 1; if depth == 0 { break }; continue }
            guard depth == 1, record.length >= 2, cellTypes.contains(record.type) else { continue }
            let row = Int(cursor.stream[record.offset]) | Int(cursor.stream[record.offset + 1]) << 8
            if row < lastRow { return false }
            lastRow = row
        }
        return true
    }

    func next() throws -> Row? {
        if ordered {
            while ready == nil, !finished { try step() }
            if ready == nil, finished, !currentCells.isEmpty {
                ready = Row(number: currentRow + 1, cells: currentCells)
                currentCells = []
            }
            defer { ready = nil }
            return ready
        }
        if !finished {
            while !finished { try step() }
            sortedRows = scattered.keys.sorted()
        }
        while nextSorted < sortedRows.count {
            let row = sortedRows[nextSorted]
            nextSorted += 1
            guard let cells = scattered.removeValue(forKey: row), let last = cells.map(\.column).max() else { continue }
            var values = [CellValue](repeating: .empty, count: last + 1)
            for cell in cells { values[cell.column] = cell.value }
            return Row(number: row + 1, cells: values)
        }
        return nil
    }

    /// Reads one record of the substream.
    private func step() throws {
        guard let record = try cursor.next() else { finished = true; return }
        switch record.type {
        case BIFFType.bof:
            depth += 1
            return
        case BIFFType.eof:
            depth -= 1
            if depth == 0 { finished = true }
            return
        default:
            guard depth == 1 else { return }
        }
        if record.type != BIFFType.string, Self.cellTypes.contains(record.type) { pendingFormula = nil }
        let fields = RecordFields(stream: cursor.stream, record: record)
        func require(_ length: Int) throws {
            guard record.length >= length else {
                throw SpreadsheetError(.unreadable, file: file, sheet: sheetName,
                                       message: "damaged .xls workbook: record 0x\(hex(record.type)) at offset \(record.offset - 4) is too short for its fields")
            }
        }
        switch record.type {
        case BIFFType.number:
            try require(14)
            try place(fields.row, fields.column, typing.value(fields.f64(6), xf: fields.xf))
        case BIFFType.rk:
            try require(10)
            try place(fields.row, fields.column, typing.value(BIFFCellValues.rk(fields.u32(6)), xf: fields.xf))
        case BIFFType.mulRK:
            try require(6)
            let count = (record.length - 6) / 6
            for index in 0..<count {
                let at = 4 + 6 * index
                try place(fields.row, fields.column + index, typing.value(BIFFCellValues.rk(fields.u32(at + 2)), xf: Int(fields.u16(at))))
            }
        case BIFFType.labelSST:
            try require(10)
            let index = Int(fields.u32(6))
            guard index < globals.sharedStrings.count else {
                throw SpreadsheetError(.unreadable, file: file, sheet: sheetName, cell: address(fields.row, fields.column).description,
                                       message: "cell \(address(fields.row, fields.column)) refers to shared string \(index), but the table has \(globals.sharedStrings.count)")
            }
            try place(fields.row, fields.column, .text(globals.sharedStrings[index]))
        case BIFFType.label, BIFFType.richString:
            try require(8)
            var reader = try cursor.bodyWithContinuations(of: record)
            try reader.skip(6)
            try place(fields.row, fields.column, .text(try string(&reader, record: record)))
        case BIFFType.boolErr:
            try require(8)
            let value = fields.byte(6)
            try place(fields.row, fields.column, fields.byte(7) != 0 ? .error(BIFFCellValues.errorText(value)) : .boolean(value != 0))
        case BIFFType.formula:
            try require(14)
            guard fields.u16(12) == 0xFFFF else {
                try place(fields.row, fields.column, typing.value(fields.f64(6), xf: fields.xf))
                return
            }
            switch fields.byte(6) {
            case 0: pendingFormula = (fields.row, fields.column)
            case 1: try place(fields.row, fields.column, .boolean(fields.byte(8) != 0))
            case 2: try place(fields.row, fields.column, .error(BIFFCellValues.errorText(fields.byte(8))))
            default: break // an empty string
            }
        case BIFFType.string:
            guard let formula = pendingFormula else { return }
            pendingFormula = nil
            var reader = try cursor.bodyWithContinuations(of: record)
            try place(formula.row, formula.column, .text(try string(&reader, record: record)))
        case BIFFType.mergedCells:
            try require(2)
            let count = min(Int(fields.u16(0)), (record.length - 2) / 8)
            for index in 0..<count {
                let at = 2 + 8 * index
                let first = CellAddress(row: Int(fields.u16(at)) + 1, column: Int(fields.u16(at + 4)) + 1)
                let last = CellAddress(row: Int(fields.u16(at + 2)) + 1, column: Int(fields.u16(at + 6)) + 1)
                if first.row <= last.row, first.column <= last.column { mergedRanges.append(CellRange(first: first, last: last)) }
            }
        default:
            break
        }
    }

    /// A LABEL, RSTRING or STRING text: Unicode in BIFF8, 8-bit in the code page in BIFF5.
    private func string(_ reader: inout ContinuedRecord, record: BIFFRecord) throws -> String {
        do {
            if globals.version == .biff8 { return try reader.unicodeString() }
            let count = Int(try reader.u16())
            return globals.codePage.decode(try reader.bytes(count))
        } catch is ContinuedRecord.Exhausted {
            throw SpreadsheetError(.unreadable, file: file, sheet: sheetName,
                                   message: "damaged .xls workbook: the text of record 0x\(hex(record.type)) at offset \(record.offset - 4) runs past its end")
        }
    }

    private func address(_ row: Int, _ column: Int) -> CellAddress { CellAddress(row: row + 1, column: column + 1) }

    /// Puts a value at a zero-based row and column; one beyond the column limit is counted, not kept.
    private func place(_ row: Int, _ column: Int, _ value: CellValue) throws {
        cellCount += 1
        if cellCount > maxCells {
            throw SpreadsheetError(.limitExceeded, file: file, sheet: sheetName, message: "the sheet has more than \(maxCells) cells, the limit")
        }
        guard !value.isEmpty, column < maxColumns else { return }
        guard ordered else {
            scattered[row, default: []].append((column, value))
            return
        }
        if row != currentRow {
            if !currentCells.isEmpty { ready = Row(number: currentRow + 1, cells: currentCells) }
            currentCells = []
            currentRow = row
        }
        if currentCells.count <= column { currentCells.append(contentsOf: repeatElement(.empty, count: column + 1 - currentCells.count)) }
        currentCells[column] = value
    }
}

/// The fixed fields of a cell record: row, column and XF index first, then little-endian fields by offset.
struct RecordFields {
    let stream: [UInt8]
    let record: BIFFRecord

    var row: Int { Int(u16(0)) }
    var column: Int { Int(u16(2)) }
    var xf: Int { Int(u16(4)) }

    func byte(_ offset: Int) -> UInt8 { stream[record.offset + offset] }
    func u16(_ offset: Int) -> UInt16 { UInt16(byte(offset)) | UInt16(byte(offset + 1)) << 8 }
    func u32(_ offset: Int) -> UInt32 { UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16 }
    func f64(_ offset: Int) -> Double { Double(bitPattern: UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32) }
}
