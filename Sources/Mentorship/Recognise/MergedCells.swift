import SheetIO

/// Merged cells as a reader of the sheet sees them: a merged header cell names every column it spans,
/// and a cell merged down several rows (a group's mentor beside its mentees' rows) belongs to each row.
///
/// The cost is bounded by the table, whatever the ranges say: only rows that exist are filled (no row is
/// made up for an address), only columns up to the table's width, and each cell of the table is visited by
/// at most one range (a range that runs into a cell an earlier one covered stops there; Excel never writes
/// overlapping merges). A range written backwards is read with its corners swapped and reported.
enum MergedCells {
    struct Outcome {
        var rows: [Row]
        /// The ranges written backwards («B2:A1»), as written, in the order of the sheet.
        var reversed: [CellRange]
    }

    /// Copies the value of each merged range's first cell into the range: every range that starts in the
    /// header zone, and every range one column wide; columns past `width` are left alone.
    static func fill(_ rows: [Row], merges: [CellRange], headerZone: Int, width: Int) -> Outcome {
        let reversed = merges.filter(\.isReversed)
        let relevant = merges.lazy.map(\.normalised)
            .filter { ($0.first.row <= headerZone || $0.first.column == $0.last.column) && $0.first.column <= width }
        guard !rows.isEmpty, width > 0, !relevant.isEmpty else { return Outcome(rows: rows, reversed: reversed) }
        let counter = OperationCounter.current
        // The rows in sheet order (a crafted file may number them out of order, or twice: the first counts).
        let order = rows.indices.sorted { (rows[$0].number, $0) < (rows[$1].number, $1) }
        var covered = CoveredCells(rows: rows.count, width: width)
        var result = rows
        for range in relevant {
            var position = lowerBound(order, rows, range.first.row)
            guard position < order.count, rows[order[position]].number == range.first.row else { continue }
            let value = result[order[position]][column: range.first.column]
            guard value != .empty else { continue }
            let lastColumn = min(range.last.column, width)
            var visited = 0
            rangeLoop: while position < order.count, rows[order[position]].number <= range.last.row {
                let index = order[position]
                for column in range.first.column...lastColumn {
                    visited += 1
                    guard covered.insert(row: index, column: column) else { break rangeLoop }
                    if result[index].cells.count < column {
                        result[index].cells.append(contentsOf: repeatElement(.empty, count: column - result[index].cells.count))
                    }
                    if result[index].cells[column - 1] == .empty { result[index].cells[column - 1] = value }
                }
                position += 1
            }
            counter?.add(.mergeFillCell, visited)
        }
        return Outcome(rows: result, reversed: reversed)
    }

    /// The first position in `order` whose row number is at least `number`.
    private static func lowerBound(_ order: [Int], _ rows: [Row], _ number: Int) -> Int {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if rows[order[middle]].number < number { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// One bit per cell of the table (rows read × width): the cells some merged range already covers.
private struct CoveredCells {
    private var bits: [UInt64]
    private let width: Int

    init(rows: Int, width: Int) {
        self.width = width
        bits = Array(repeating: 0, count: (rows * width + 63) / 64)
    }

    /// Marks the cell; false when it was marked already.
    mutating func insert(row: Int, column: Int) -> Bool {
        let bit = row * width + column - 1
        let mask: UInt64 = 1 << UInt64(bit % 64)
        if bits[bit / 64] & mask != 0 { return false }
        bits[bit / 64] |= mask
        return true
    }
}
