/// What one full streaming pass over a spreadsheet finds: per sheet, the used range, the rows,
/// the non-empty cells by type, the merged ranges and the first rows.
public struct SpreadsheetSummary {
    public struct Sheet {
        public var info: SheetInfo
        public var rows = 0
        public var lastRow = 0
        public var lastColumn = 0
        public var firstRow = 0
        public var firstColumn = 0
        public var cellsByType: [String: Int] = [:]
        public var mergedRanges: [CellRange] = []
        public var head: [Row] = []

        /// The used range in A1 form, or nil for an empty sheet.
        public var usedRange: String? {
            guard lastRow > 0 else { return nil }
            return CellRange(first: CellAddress(row: firstRow, column: firstColumn),
                             last: CellAddress(row: lastRow, column: lastColumn)).description
        }
    }

    public var file: String
    public var format: String
    public var dialect: CSVDialect?
    public var sheets: [Sheet] = []

    /// Reads every cell of every sheet once.
    public init(source: any SpreadsheetSource, headRows: Int) throws {
        file = source.file
        dialect = (source as? CSVSource)?.dialect
        format = dialect != nil ? "csv" : source is XLSReader ? "xls" : source is ODSReader ? "ods" : "xlsx"
        for info in source.sheets {
            var sheet = Sheet(info: info)
            let rows = try source.rows(ofSheet: info.index)
            var counts = [Int](repeating: 0, count: SpreadsheetSummary.typeNames.count)
            while let row = try rows.next() {
                var first = 0, last = 0
                for (offset, cell) in row.cells.enumerated() where !cell.isEmpty {
                    counts[SpreadsheetSummary.typeIndex(cell)] += 1
                    if first == 0 { first = offset + 1 }
                    last = offset + 1
                }
                guard last > 0 else { continue }
                sheet.lastColumn = max(sheet.lastColumn, last)
                sheet.firstColumn = sheet.firstColumn == 0 ? first : min(sheet.firstColumn, first)
                sheet.rows += 1
                if sheet.firstRow == 0 { sheet.firstRow = row.number }
                sheet.lastRow = row.number
                if sheet.head.count < headRows { sheet.head.append(row) }
            }
            for (index, count) in counts.enumerated() where count > 0 { sheet.cellsByType[SpreadsheetSummary.typeNames[index]] = count }
            sheet.mergedRanges = rows.mergedRanges
            sheets.append(sheet)
        }
    }

    static let typeNames = ["empty", "text", "number", "boolean", "error", "date", "datetime", "time", "duration"]

    /// The position of a cell's type in ``typeNames``.
    static func typeIndex(_ cell: CellValue) -> Int {
        switch cell {
        case .empty: return 0
        case .text: return 1
        case .number: return 2
        case .boolean: return 3
        case .error: return 4
        case .temporal(let temporal):
            switch temporal.kind {
            case .date: return 5
            case .dateTime: return 6
            case .time: return 7
            case .duration: return 8
            }
        }
    }

    /// A plain-text report for people.
    public func text() -> String {
        var lines = ["\(file): \(format.uppercased()), \(sheets.count) sheet(s)"]
        if let dialect {
            lines.append("  encoding \(dialect.encoding.rawValue)\(dialect.encodingGuessed ? " (detected)" : ""), delimiter \(dialect.delimiterName)\(dialect.delimiterGuessed ? " (detected)" : "")")
        }
        for sheet in sheets {
            var title = "  [\(sheet.info.index + 1)] \(sheet.info.name)"
            if sheet.info.kind != .worksheet { title += " (\(sheet.info.kind.rawValue))" }
            if sheet.info.visibility != .visible { title += " (\(sheet.info.visibility.rawValue))" }
            lines.append(title)
            let cells = sheet.cellsByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("      used range \(sheet.usedRange ?? "none"), \(sheet.rows) row(s) with values; cells: \(cells.isEmpty ? "none" : cells)")
            if !sheet.mergedRanges.isEmpty {
                lines.append("      merged: " + sheet.mergedRanges.prefix(20).map(\.description).joined(separator: " ") + (sheet.mergedRanges.count > 20 ? " …" : ""))
            }
            for row in sheet.head {
                let shown = row.cells.prefix(12).map { SpreadsheetSummary.display($0) }.joined(separator: " | ")
                lines.append("      \(row.number): \(shown)\(row.cells.count > 12 ? " | …" : "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func display(_ cell: CellValue) -> String {
        switch cell {
        case .empty: return ""
        case .text(let text): return text.count > 40 ? String(text.prefix(39)) + "…" : text
        case .number(let number): return numberText(number)
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let code): return code
        case .temporal(let temporal): return temporal.isoString
        }
    }

    /// The same facts as JSON for programs.
    public func json() -> String {
        var parts: [String] = ["\"file\": \(CellJSON.quote(file))", "\"format\": \"\(format)\""]
        if let dialect {
            parts.append("\"encoding\": \(CellJSON.quote(dialect.encoding.rawValue)), \"encoding_detected\": \(dialect.encodingGuessed)")
            parts.append("\"delimiter\": \(CellJSON.quote(String(UnicodeScalar(dialect.delimiter)))), \"delimiter_detected\": \(dialect.delimiterGuessed)")
        }
        let sheetsJSON = sheets.map { sheet -> String in
            let types = sheet.cellsByType.sorted { $0.key < $1.key }.map { "\(CellJSON.quote($0.key)): \($0.value)" }.joined(separator: ", ")
            let head = sheet.head.map { row in
                "{\"row\": \(row.number), \"cells\": [" + row.cells.map(CellJSON.cell).joined(separator: ",") + "]}"
            }.joined(separator: ", ")
            return "{\"index\": \(sheet.info.index + 1), \"name\": \(CellJSON.quote(sheet.info.name)), \"kind\": \"\(sheet.info.kind.rawValue)\", "
                + "\"visibility\": \"\(sheet.info.visibility.rawValue)\", \"used_range\": \(sheet.usedRange.map(CellJSON.quote) ?? "null"), "
                + "\"rows\": \(sheet.rows), \"cells\": {\(types)}, "
                + "\"merged\": [" + sheet.mergedRanges.map { CellJSON.quote($0.description) }.joined(separator: ", ") + "], "
                + "\"head\": [\(head)]}"
        }
        parts.append("\"sheets\": [" + sheetsJSON.joined(separator: ",\n  ") + "]")
        return "{" + parts.joined(separator: ", ") + "}\n"
    }
}
