import SheetIO

/// A sheet the curator reads and prints: each column as wide as its content (within a limit, past which text
/// wraps), measured on the first rows; a bold, frozen, filtered header sized to its text; rows as tall as their
/// wrapped lines; A4 landscape, fitted to the width, the header repeated, page numbers below.
///
/// The first ``sampleRows`` rows are gathered to measure the columns; the sheet then streams, so memory holds
/// at most that many rows whatever the register's size (a longer value further down wraps, never cut).
final class CuratorSheet {
    /// How many rows the column widths are measured on.
    static let sampleRows = 2_000

    let name: String
    let headers: [String]
    /// The widest each column may grow, in characters; longer text wraps.
    let maximum: [Double]
    private var rows: [[CellValue]] = []
    private var styles: [[XLSXStyle?]] = []
    private let writer: XLSXWriter
    private var growthColumns: Range<Int>?
    /// The sheet being written, once the sample is measured.
    private var open: XLSXSheetWriter?
    private var written = 0

    /// A sheet of `writer` with these headers; each header's number is the widest the column may grow.
    init(_ writer: XLSXWriter, _ name: String, _ headers: [(String, Double)]) {
        self.writer = writer
        self.name = name
        self.headers = headers.map(\.0)
        maximum = headers.map(\.1)
    }

    func append(_ cells: [CellValue], styles: [XLSXStyle?] = []) throws {
        if let open {
            try open.append(cells, styles: styles)
            written += 1
            return
        }
        rows.append(cells)
        self.styles.append(styles)
        if rows.count >= Self.sampleRows { try start(knownRows: nil) }
    }

    /// Positive numbers in these columns (zero-based) show green and negative ones red.
    func highlightGrowth(columns: Range<Int>) { growthColumns = columns }

    /// The widths the columns get, from the rows gathered so far.
    var widths: [Double] { ColumnFitting.widths(headers: headers, rows: rows, maximum: maximum) }

    /// Opens the sheet with the widths of the gathered rows and writes them; `knownRows` is the sheet's row
    /// count when all rows are in (else the highlights reach Excel's last row).
    private func start(knownRows: Int?) throws {
        var highlights: [CellRange] = []
        if let growthColumns, !growthColumns.isEmpty, knownRows != 0 {
            highlights = [CellRange(first: CellAddress(row: 2, column: growthColumns.lowerBound + 1),
                                    last: CellAddress(row: knownRows.map { $0 + 1 } ?? Limits.excelRows, column: growthColumns.upperBound))]
        }
        let layout = SheetLayout(columnWidths: widths, frozenRows: 1, autoFilter: true, growthHighlights: highlights,
                                 wrapsOverflowingText: true, print: .landscapeA4)
        let sheet = try writer.addSheet(named: name, layout: layout)
        try sheet.append(headers.map { .text($0) }, style: .header)
        for (cells, styles) in zip(rows, styles) { try sheet.append(cells, styles: styles) }
        written = rows.count
        rows = []
        styles = []
        open = sheet
    }

    /// Writes what is left of the sheet into the workbook.
    func finish() throws {
        if open == nil { try start(knownRows: rows.count) }
    }
}
