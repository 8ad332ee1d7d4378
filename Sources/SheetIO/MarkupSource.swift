import Glibc
import PackageIO

/// A spreadsheet exported as markup under an `.xls` (or any) name: an HTML table, or SpreadsheetML 2003
/// XML, read through libxml2. Such exports are small, so their rows are held in memory.
public final class MarkupSource: SpreadsheetSource {
    public let file: String
    public let sheets: [SheetInfo]
    private let contents: [(rows: [Row], merges: [CellRange])]

    /// Reads `path`; the content decides between SpreadsheetML and HTML. Of `limits`, the column limit applies.
    public init(path: String, limits: ReadLimits = .default) throws {
        file = path
        let base = String(path.split(separator: "/").last ?? Substring(path))
        let stem = base.contains(".") ? String(base[..<base.lastIndex(of: ".")!]) : base
        var infos: [SheetInfo] = []
        var contents: [(rows: [Row], merges: [CellRange])] = []
        if MarkupSource.isSpreadsheetML(path: path) {
            let handler = SpreadsheetMLHandler(maxColumns: limits.maxColumns)
            do {
                let parser = try XMLPushParser(handler: handler, file: path, entry: "SpreadsheetML", maxDepth: 256)
                try MarkupSource.stream(path: path) { try parser.feed($0) }
                try parser.finish()
            } catch let error as PackageError {
                throw SpreadsheetError(error)
            }
            for (index, sheet) in handler.sheets.enumerated() {
                infos.append(SheetInfo(index: index, name: sheet.name, kind: .worksheet, visibility: .visible))
                contents.append((sheet.rows, sheet.merges))
            }
        } else {
            let tables: [[[HTMLTables.Cell]]]
            do { tables = try HTMLTables.read(path: path) } catch { throw SpreadsheetError(error) }
            for (index, table) in tables.enumerated() {
                infos.append(SheetInfo(index: index, name: index == 0 ? stem : "\(stem) #\(index + 1)", kind: .worksheet, visibility: .visible))
                var steps = 0
                contents.append(MarkupSource.layOut(table, maxColumns: limits.maxColumns, steps: &steps))
            }
            if tables.isEmpty { throw SpreadsheetError(.unreadable, file: path, message: "an HTML file with no table") }
        }
        sheets = infos
        self.contents = contents
    }

    public func rows(ofSheet index: Int) throws -> any RowReader {
        guard contents.indices.contains(index) else { throw SpreadsheetError(.notFound, file: file, message: "no sheet number \(index + 1)") }
        return ArrayRowReader(rows: contents[index].rows, merges: contents[index].merges)
    }

    /// Places HTML cells on a grid, honouring `colspan` and `rowspan` (the value stays in the first cell); a cell
    /// placed beyond `maxColumns` is dropped, with the rest of its row.
    ///
    /// A rowspan is kept as the last row it covers, per column: a cell costs its colspan at most, never its area
    /// (a crafted `rowspan="1000" colspan="1000"` on every cell would otherwise mark a million places per cell), and
    /// skipping the columns covered from above costs at most `maxColumns` per row. `steps` counts the columns visited
    /// (a test bounds it).
    static func layOut(_ table: [[HTMLTables.Cell]], maxColumns: Int, steps: inout Int) -> (rows: [Row], merges: [CellRange]) {
        var coveredUntil: [Int] = []   // per column (index column - 1): the last row a rowspan from above covers
        var rows: [Row] = []
        var merges: [CellRange] = []
        for (offset, cells) in table.enumerated() {
            let rowNumber = offset + 1
            var values: [CellValue] = []
            var column = 1
            for cell in cells {
                while column <= coveredUntil.count, coveredUntil[column - 1] >= rowNumber { column += 1; steps += 1 }
                guard column <= maxColumns else { break }   // every later cell of the row lies further right
                while values.count < column - 1 { values.append(.empty) }
                values.append(cell.text.isEmpty ? .empty : .text(cell.text))
                if cell.columnSpan > 1 || cell.rowSpan > 1 {
                    merges.append(CellRange(first: CellAddress(row: rowNumber, column: column),
                                            last: CellAddress(row: rowNumber + cell.rowSpan - 1,
                                                              column: min(column + cell.columnSpan - 1, maxColumns, Limits.excelColumns))))
                }
                if cell.rowSpan > 1 {
                    let last = min(column + cell.columnSpan - 1, maxColumns)
                    if coveredUntil.count < last { coveredUntil += repeatElement(0, count: last - coveredUntil.count) }
                    for spanned in column...last { coveredUntil[spanned - 1] = max(coveredUntil[spanned - 1], rowNumber + cell.rowSpan - 1); steps += 1 }
                }
                column += cell.columnSpan
                steps += 1
            }
            while let last = values.last, last == .empty { values.removeLast() }
            if !values.isEmpty { rows.append(Row(number: rowNumber, cells: values)) }
        }
        return (rows, merges)
    }

    /// SpreadsheetML names its namespace near the top.
    static func isSpreadsheetML(path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 4096)
        let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        let text = String(decoding: head[0..<count], as: UTF8.self)
        return text.contains("urn:schemas-microsoft-com:office:spreadsheet") || text.contains("<Workbook")
    }

    static func stream(path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SpreadsheetError(.unreadable, file: path, message: "file not found or not readable") }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let got = read(descriptor, buffer.baseAddress, buffer.count)
            if got < 0 { throw SpreadsheetError(.unreadable, file: path, message: "read error") }
            if got == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        }
    }
}

/// Rows held in memory, handed out one by one.
final class ArrayRowReader: RowReader {
    private let rows: [Row]
    private var index = 0
    let mergedRanges: [CellRange]

    init(rows: [Row], merges: [CellRange]) {
        self.rows = rows
        mergedRanges = merges
    }

    func next() throws -> Row? {
        guard index < rows.count else { return nil }
        index += 1
        return rows[index - 1]
    }
}

/// Reads SpreadsheetML 2003 (`Workbook/Worksheet/Table/Row/Cell/Data`).
final class SpreadsheetMLHandler: XMLEventHandler {
    struct Sheet {
        var name: String
        var rows: [Row] = []
        var merges: [CellRange] = []
    }

    var sheets: [Sheet] = []
    /// The last column kept (``ReadLimits/maxColumns``): `ss:Index` may name any column, and a cell beyond the
    /// limit is dropped rather than padded to.
    private let maxColumns: Int
    private var rowNumber = 0
    private var column = 0
    private var cells: [CellValue] = []
    private var dataType = ""
    private var collecting = false
    private var text: [UInt8] = []
    private var inRow = false

    init(maxColumns: Int) { self.maxColumns = maxColumns }

    func startElement(localName: XMLBytes, namespace: XMLBytes?, attributes: XMLAttributes) {
        if localName.equals("Worksheet") {
            sheets.append(Sheet(name: attributes.string(of: "Name") ?? "Sheet\(sheets.count + 1)"))
            rowNumber = 0
        } else if localName.equals("Row"), !sheets.isEmpty {
            rowNumber = Self.bounded(attributes.string(of: "Index"), Limits.excelRows + 1) ?? min(rowNumber + 1, Limits.excelRows + 1)
            column = 0
            cells = []
            inRow = true
        } else if localName.equals("Cell"), inRow {
            column = Self.bounded(attributes.string(of: "Index"), Limits.excelColumns + 1) ?? min(column + 1, Limits.excelColumns + 1)
            let across = Self.bounded(attributes.string(of: "MergeAcross"), Limits.excelColumns) ?? 0
            let down = Self.bounded(attributes.string(of: "MergeDown"), Limits.excelRows) ?? 0
            if across > 0 || down > 0 {
                sheets[sheets.count - 1].merges.append(CellRange(first: CellAddress(row: rowNumber, column: column),
                                                                 last: CellAddress(row: rowNumber + down, column: column + across)))
            }
            pendingSpan = across
        } else if localName.equals("Data") {
            dataType = attributes.string(of: "Type") ?? "String"
            collecting = true
            text.removeAll(keepingCapacity: true)
        }
    }

    private var pendingSpan = 0

    /// An index or span attribute as a number within 0...`limit` (a crafted `ss:Index` near `Int.max` would overflow
    /// the next row's or cell's number); nil when absent or not a number.
    static func bounded(_ text: String?, _ limit: Int) -> Int? {
        guard let text, let value = Int(text) else { return nil }
        return min(max(value, 0), limit)
    }

    func endElement(localName: XMLBytes) {
        if localName.equals("Data") {
            collecting = false
            let value = String(decoding: text, as: UTF8.self)
            guard column <= maxColumns else { return }
            while cells.count < column - 1 { cells.append(.empty) }
            cells.append(SpreadsheetMLHandler.cell(value, type: dataType))
        } else if localName.equals("Cell") {
            column += pendingSpan
            pendingSpan = 0
        } else if localName.equals("Row"), inRow {
            inRow = false
            while let last = cells.last, last == .empty { cells.removeLast() }
            if !cells.isEmpty { sheets[sheets.count - 1].rows.append(Row(number: rowNumber, cells: cells)) }
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if collecting { text.append(contentsOf: bytes) }
    }

    static func cell(_ value: String, type: String) -> CellValue {
        switch type {
        case "Number": return Double(value).map(CellValue.number) ?? .text(value)
        case "Boolean": return .boolean(value == "1" || value.lowercased() == "true")
        case "Error": return .error(value)
        case "DateTime":
            guard var temporal = ISODate.parse(String(value.prefix(19))) else { return .text(value) }
            if temporal.serial == temporal.serial.rounded(.down) { temporal.kind = .date }
            return .temporal(temporal)
        default: return value.isEmpty ? .empty : .text(value)
        }
    }
}
