import SheetIO

/// Merged cells as a reader of the sheet sees them: a merged header cell names every column it spans,
/// and a cell merged down several rows (a group's mentor beside its mentees' rows) belongs to each row.
enum MergedCells {
    /// Copies the value of each merged range's first cell into the range: every range that starts in the
    /// header zone, and every range one column wide.
    static func fill(_ rows: [Row], merges: [CellRange], headerZone: Int) -> [Row] {
        let relevant = merges.filter { $0.first.row <= headerZone || $0.first.column == $0.last.column }
        guard !relevant.isEmpty else { return rows }
        var byNumber: [Int: Int] = [:]
        var result = rows
        for (index, row) in rows.enumerated() { byNumber[row.number] = index }
        for range in relevant {
            guard let source = byNumber[range.first.row] else { continue }
            let value = result[source][column: range.first.column]
            guard value != .empty else { continue }
            for rowNumber in range.first.row...min(range.last.row, range.first.row + 10_000) {
                let index: Int
                if let existing = byNumber[rowNumber] {
                    index = existing
                } else {
                    // A row that holds nothing but the merged cell: add it in order.
                    let position = result.firstIndex { $0.number > rowNumber } ?? result.count
                    result.insert(Row(number: rowNumber, cells: []), at: position)
                    byNumber = [:]
                    for (offset, row) in result.enumerated() { byNumber[row.number] = offset }
                    index = byNumber[rowNumber]!
                }
                for column in range.first.column...min(range.last.column, range.first.column + 200) {
                    while result[index].cells.count < column { result[index].cells.append(.empty) }
                    if result[index].cells[column - 1] == .empty { result[index].cells[column - 1] = value }
                }
            }
        }
        return result
    }
}
