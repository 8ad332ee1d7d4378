import SheetIO

/// A sheet the curator reads and prints: the rows are gathered first, so that each column is as wide as its
/// content (within a limit, past which text wraps); a bold, frozen, filtered header sized to its text; rows as
/// tall as their wrapped lines; A4 landscape, fitted to the width, the header repeated, page numbers below.
final class CuratorSheet {
    let name: String
    let headers: [String]
    /// The widest each column may grow, in characters; longer text wraps.
    let maximum: [Double]
    private var rows: [[CellValue]] = []
    private var styles: [[XLSXStyle?]] = []
    private let writer: XLSXWriter
    private var growthColumns: Range<Int>?

    /// A sheet of `writer` with these headers; each header's number is the widest the column may grow.
    init(_ writer: XLSXWriter, _ name: String, _ headers: [(String, Double)]) {
        self.writer = writer
        self.name = name
        self.headers = headers.map(\.0)
        maximum = headers.map(\.1)
    }

    func append(_ cells: [CellValue], styles: [XLSXStyle?] = []) {
        rows.append(cells)
        self.styles.append(styles)
    }

    /// Positive numbers in these columns (zero-based) show green and negative ones red.
    func highlightGrowth(columns: Range<Int>) { growthColumns = columns }

    /// The widths the columns get.
    var widths: [Double] { ColumnFitting.widths(headers: headers, rows: rows, maximum: maximum) }

    /// Writes the sheet into the workbook.
    func finish() throws {
        var highlights: [CellRange] = []
        if let growthColumns, !rows.isEmpty, !growthColumns.isEmpty {
            highlights = [CellRange(first: CellAddress(row: 2, column: growthColumns.lowerBound + 1),
                                    last: CellAddress(row: rows.count + 1, column: growthColumns.upperBound))]
        }
        let layout = SheetLayout(columnWidths: widths, frozenRows: 1, autoFilter: true, growthHighlights: highlights,
                                 wrapsOverflowingText: true, print: .landscapeA4)
        let sheet = try writer.addSheet(named: name, layout: layout)
        try sheet.append(headers.map { .text($0) }, style: .header)
        for (cells, styles) in zip(rows, styles) { try sheet.append(cells, styles: styles) }
        rows = []
        self.styles = []
    }
}
