import SheetIO

/// Merged cells as a reader of the sheet sees them: a merged header cell names every column it spans,
/// and a cell merged down several rows (a group's mentor beside its mentees' rows) belongs to each row.
///
/// The cost is bounded by the table, whatever the ranges say: only rows that exist are filled (no row is
/// made up for an address), only columns up to the table's width, and the cells visited (and padded) by all
/// ranges together stay within a budget linear in the table's cells (``budget(rows:width:)``), which ranges as
/// any writer makes them (disjoint, as Excel requires) never reach; crafted overlapping ranges stop there.
/// A range written backwards is read with its corners swapped and reported.
enum MergedCells {
    struct Outcome {
        var rows: [Row]
        /// The ranges written backwards («B2:A1»), as written, in the order of the sheet.
        var reversed: [CellRange]
        /// Whether the budget ran out before every range was filled.
        var budgetExhausted = false
    }

    /// The cells the fill may visit: four per cell of the rows, sixteen per row, the header zone across the width.
    static func budget(rows: [Row], width: Int, headerZone: Int) -> Int {
        4 * rows.reduce(0) { $0 + $1.cells.count } + 16 * rows.count + headerZone * width + 1_000
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
        var budget = Self.budget(rows: rows, width: width, headerZone: headerZone)
        var result = rows
        var visited = 0
        defer { counter?.add(.mergeFillCell, visited) }
        for range in relevant {
            var position = lowerBound(order, rows, range.first.row)
            guard position < order.count, rows[order[position]].number == range.first.row else { continue }
            let value = result[order[position]][column: range.first.column]
            guard value != .empty else { continue }
            let lastColumn = min(range.last.column, width)
            while position < order.count, rows[order[position]].number <= range.last.row {
                let index = order[position]
                let padding = max(0, lastColumn - result[index].cells.count)
                let cost = lastColumn - range.first.column + 1 + padding
                guard cost <= budget else { return Outcome(rows: result, reversed: reversed, budgetExhausted: true) }
                budget -= cost
                visited += cost
                if padding > 0 { result[index].cells.append(contentsOf: repeatElement(.empty, count: padding)) }
                for column in range.first.column...lastColumn where result[index].cells[column - 1] == .empty {
                    result[index].cells[column - 1] = value
                }
                position += 1
            }
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
