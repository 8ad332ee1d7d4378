/// Estimates how wide text is in a column-width unit (the width of «0» in Calibri 11) and how many lines it
/// wraps to, so that column widths and row heights can be written: neither Excel nor LibreOffice sizes rows
/// from a file by itself. The estimates lean wide, so that text is never cut or overlapped.
public enum TextMetrics {
    /// Points per line of Calibri 11, as Excel's default row height.
    public static let lineHeight = 15.0
    /// Excel's largest row height in points.
    public static let maximumRowHeight = 409.0
    /// The cell's inner padding, in width units.
    static let padding = 0.8

    /// The width of one character in units of «0», a little generous (for the header's bold and for rounding).
    @inline(__always)
    static func width(of scalar: Unicode.Scalar) -> Double { CalibriWidths.width(scalar) * 1.05 }

    /// The width of `text` on one line.
    public static func width(of text: Substring) -> Double {
        var total = 0.0
        for scalar in text.unicodeScalars { total += width(of: scalar) }
        return total
    }

    /// The width a cell's value needs on one line, padding included (the longest line of a multi-line text).
    public static func width(of value: CellValue) -> Double {
        switch value {
        case .empty: return 0
        case .text(let text):
            // The widest line, scalar by scalar (no grapheme breaking: this runs for every cell written).
            var widest = 0.0, line = 0.0
            for scalar in text.unicodeScalars {
                if scalar == "\n" { widest = max(widest, line); line = 0 } else { line += width(of: scalar) }
            }
            return max(widest, line) + padding
        // Excel's General format shows at most 11 characters of a number (0.166666667).
        case .number(let number): return Double(min(numberText(number).count, 11)) * 1.05 + padding
        case .boolean: return 6
        case .error(let code): return Double(code.count) + padding
        case .temporal(let temporal):
            switch temporal.kind {
            case .date: return 10.5
            case .dateTime: return 19.5
            case .time, .duration: return 9.5
            }
        }
    }

    /// The width of the longest word of `text`, padding included: a column narrower than this cuts a word.
    public static func longestWord(of text: String) -> Double {
        (text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(width(of:)).max() ?? 0) + padding
    }

    /// The lines `text` takes when wrapped at word boundaries in a column `columnWidth` wide.
    public static func lines(of text: String, columnWidth: Double) -> Int {
        let room = max(columnWidth - padding, 1)
        let space = width(of: " " as Unicode.Scalar)
        var lines = 1, used = 0.0, word = 0.0
        // Places the word just read on the current line, or starts a new one (a word wider than the column
        // breaks at the column's edge).
        func place() {
            let gap = used > 0 ? space : 0
            if used + gap + word <= room { used += gap + word; return }
            if used > 0 { lines += 1; used = 0 }
            while word > room { lines += 1; word -= room }
            used = word
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ":
                place()
                word = 0
            case "\n":
                place()
                lines += 1
                used = 0
                word = 0
            default:
                word += width(of: scalar)
            }
        }
        place()
        return max(lines, 1)
    }

    /// The height in points of a row whose tallest cell takes `lines` lines, within Excel's limit.
    public static func rowHeight(lines: Int) -> Double {
        min(Double(lines) * lineHeight + 1, maximumRowHeight)
    }
}

/// Column widths from a table's content: each column as wide as its widest value (a header may wrap, but
/// never inside a word), within the column's limits.
public enum ColumnFitting {
    /// A header this wide or narrower never wraps.
    public static let shortHeader = 12.0

    /// Widths for `headers` over `rows`; `maximum[i]` caps column i (longer text wraps), `minimum` floors every column.
    public static func widths(headers: [String], rows: [[CellValue]], maximum: [Double], minimum: Double = 5) -> [Double] {
        headers.indices.map { column in
            // A short header stays on one line; a long one may wrap between its words.
            let whole = TextMetrics.width(of: headers[column][...]) + TextMetrics.padding
            var widest = whole <= shortHeader ? whole : TextMetrics.longestWord(of: headers[column])
            for row in rows where column < row.count { widest = max(widest, TextMetrics.width(of: row[column])) }
            let cap = column < maximum.count ? maximum[column] : 40
            return (min(max(widest, minimum), max(cap, minimum)) * 4).rounded(.up) / 4
        }
    }
}
