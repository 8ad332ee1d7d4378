/// The rows a worksheet parser completed in one chunk, not yet handed out.
///
/// A row is padded to its last column only when it is handed out: one whose cells lie far apart (a lone
/// cell in column XFD pads a row to 16,384 cells) waits as its cells alone. So the rows of one chunk cost
/// what their cells cost, whatever their addresses, and at most one padded row exists at a time.
struct PendingRows {
    private enum Stored {
        case dense(Row)
        case sparse(number: Int, columns: [Int], values: [CellValue], width: Int)
    }

    /// A row at most this much wider than its cells (or this narrow) is stored padded.
    static let denseWidth = 64
    static let denseFactor = 4
    /// A parser pads a row as it grows while each cell is at most this many columns beyond the last: a padded
    /// row then holds at most this many cells per cell of the file.
    static let maxPadding = 16

    private var rows: [Stored] = []
    /// Cells held now (padded rows count their width, others their cells), and the most ever held at once.
    private(set) var cells = 0
    private(set) var peakCells = 0
    /// Cells of padded rows written so far: a row's width each time it is padded (when stored, or when handed
    /// out for a row that waited unpadded). What padding costs, counted for tests.
    private(set) var cellsPadded = 0

    var count: Int { rows.count }

    /// Adds a row already padded (its cells close together).
    mutating func append(_ row: Row) {
        rows.append(.dense(row))
        cells += row.cells.count
        cellsPadded += row.cells.count
        if cells > peakCells { peakCells = cells }
    }

    mutating func removeAll(keepingCapacity: Bool) {
        rows.removeAll(keepingCapacity: keepingCapacity)
        cells = 0
    }

    /// Adds a row of `values` at `columns` (one-based, in any order, later ones winning), `width` its last column.
    mutating func append(number: Int, columns: [Int], values: [CellValue], width: Int) {
        if Self.keepsPadded(width: width, filled: values.count) {
            rows.append(.dense(Row(number: number, cells: Self.padded(columns, values, width))))
            cells += width
            cellsPadded += width
        } else {
            rows.append(.sparse(number: number, columns: columns, values: values, width: width))
            cells += values.count
        }
        peakCells = max(peakCells, cells)
    }

    /// The row at `index`, padded to its last column.
    mutating func row(at index: Int) -> Row {
        switch rows[index] {
        case .dense(let row):
            return row
        case .sparse(let number, let columns, let values, let width):
            cellsPadded += width
            return Row(number: number, cells: Self.padded(columns, values, width))
        }
    }

    /// Whether a row `width` columns wide holding `filled` cells is stored padded: its padding does not outweigh
    /// its cells (or it is narrow).
    static func keepsPadded(width: Int, filled: Int) -> Bool {
        width <= denseWidth || width <= filled * denseFactor
    }

    /// `values` at their one-based `columns` (later ones winning), empty cells between, `width` cells in all.
    static func padded(_ columns: [Int], _ values: [CellValue], _ width: Int) -> [CellValue] {
        var cells = [CellValue](repeating: .empty, count: width)
        for index in columns.indices { cells[columns[index] - 1] = values[index] }
        return cells
    }
}
