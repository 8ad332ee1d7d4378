import SheetIO

/// A sheet's rows as the pipeline keeps them: cut to the table's width, so that what a sheet costs in
/// memory is bounded by its table, not by the farthest address in it (a lone cell in column XFD would
/// otherwise pad every row it stands on to 16,384 cells).
///
/// The width is decided from the first rows (the header zone the recogniser looks at): the widest run of
/// occupied columns, where a run may skip a few empty columns (a column without a title); the table is that
/// run and everything left of it, at most ``maxWidth`` columns. A far cell apart from the run is not part of the table.
/// The inbox's readers drop every cell past ``maxWidth`` already (``InboxReader/readLimits``), so that no row comes
/// padded further than the widest table.
struct TableArea {
    /// How many non-empty rows decide the width.
    let lookahead: Int
    /// Empty columns a run of columns may skip and still be one table.
    static let maxGap = 5
    /// The widest table kept (a school's tables have tens of columns; a crafted header row of 16,384 titles
    /// would otherwise make every row kept that wide).
    static let maxWidth = 1_024

    private(set) var rows: [Row] = []
    /// The table's width in columns, once decided; nil while the first rows are still coming.
    private(set) var decidedWidth: Int?
    private var nonEmptyRows = 0
    private let counter = OperationCounter.current

    init(lookahead: Int) { self.lookahead = lookahead }

    mutating func add(_ row: Row) {
        counter?.add(.sheetCellRead, row.cells.count)
        if let width = decidedWidth {
            rows.append(Self.cut(row, to: width, counter: counter))
            return
        }
        rows.append(row)
        if row.cells.contains(where: { $0 != .empty }) { nonEmptyRows += 1 }
        if nonEmptyRows >= lookahead { decide() }
    }

    /// The rows, cut to the table's width, and that width.
    mutating func finish() -> (rows: [Row], width: Int) {
        if decidedWidth == nil { decide() }
        return (rows, decidedWidth ?? 0)
    }

    private mutating func decide() {
        let width = min(Self.width(of: rows), Self.maxWidth)
        decidedWidth = width
        rows = rows.map { Self.cut($0, to: width, counter: counter) }
    }

    private static func cut(_ row: Row, to width: Int, counter: OperationCounter?) -> Row {
        var row = row
        // A new array: cutting in place would keep the padded row's capacity.
        if row.cells.count > width { row.cells = Array(row.cells[..<width]) }
        while let last = row.cells.last, last == .empty { row.cells.removeLast() }
        counter?.add(.sheetCellKept, row.cells.count)
        return row
    }

    /// The last column of the widest run of occupied columns in `rows` (ties: the leftmost run); 0 when empty.
    static func width(of rows: [Row]) -> Int {
        var occupied = Set<Int>()
        for row in rows {
            for (offset, cell) in row.cells.enumerated() where cell != .empty { occupied.insert(offset + 1) }
        }
        var best = (count: 0, end: 0)
        var run = (count: 0, end: 0)
        for column in occupied.sorted() {
            if run.count > 0, column - run.end > maxGap + 1 { run = (0, 0) }
            run = (run.count + 1, column)
            if run.count > best.count { best = run }
        }
        return best.end
    }
}
