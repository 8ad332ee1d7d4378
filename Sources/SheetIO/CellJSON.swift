/// The typed dump of a spreadsheet (`nastavnik cat --json`), one JSON document for the whole file.
///
/// Each sheet is the rectangle from A1 to its last non-empty row and column; the format is fixed by
/// the project's `cat-json.md`. Two streaming passes per sheet keep memory flat.
public enum CellJSON {
    /// Writes the dump of `source` through `write`, a chunk of text at a time.
    public static func dump(_ source: any SpreadsheetSource, write: (String) -> Void) throws {
        write("{\"sheets\": [")
        for sheet in source.sheets {
            if sheet.index > 0 { write(",") }
            write("\n  {\"name\": \(quote(sheet.name)),\n   \"rows\": [")
            var lastRow = 0, lastColumn = 0
            let sizing = try source.rows(ofSheet: sheet.index)
            while let row = try sizing.next() {
                if let column = row.cells.lastIndex(where: { !$0.isEmpty }) {
                    lastRow = row.number
                    lastColumn = max(lastColumn, column + 1)
                }
            }
            let rows = try source.rows(ofSheet: sheet.index)
            var written = 0
            let emptyRow = "[" + Array(repeating: "{\"t\":\"e\"}", count: lastColumn).joined(separator: ",") + "]"
            while written < lastRow, let row = try rows.next() {
                guard row.number <= lastRow else { break }
                while written + 1 < row.number {
                    write((written > 0 ? ",\n    " : "\n    ") + emptyRow)
                    written += 1
                }
                var line = written > 0 ? ",\n    [" : "\n    ["
                for column in 1...max(lastColumn, 1) where column <= lastColumn {
                    if column > 1 { line += "," }
                    line += cell(row[column: column])
                }
                write(line + "]")
                written = row.number
            }
            while written < lastRow {
                write((written > 0 ? ",\n    " : "\n    ") + emptyRow)
                written += 1
            }
            write(written > 0 ? "\n   ]}" : "]}")
        }
        write("\n]}\n")
    }

    /// One cell as a JSON object: `{"t":"s","v":"…"}`.
    public static func cell(_ value: CellValue) -> String {
        switch value {
        case .empty: return "{\"t\":\"e\"}"
        case .text(let text): return text.isEmpty ? "{\"t\":\"e\"}" : "{\"t\":\"s\",\"v\":\(quote(text))}"
        case .number(let number): return "{\"t\":\"n\",\"v\":\(numberLiteral(number))}"
        case .boolean(let flag): return "{\"t\":\"b\",\"v\":\(flag)}"
        case .error(let code): return "{\"t\":\"err\",\"v\":\(quote(code))}"
        case .temporal(let temporal):
            let tag: String
            switch temporal.kind {
            case .date: tag = "d"
            case .dateTime: tag = "dt"
            case .time: tag = "t"
            case .duration: tag = "td"
            }
            return "{\"t\":\"\(tag)\",\"v\":\"\(temporal.isoString)\"}"
        }
    }

    /// A JSON number; non-finite values as the strings the expected files use.
    static func numberLiteral(_ number: Double) -> String {
        if number.isNaN { return "\"NaN\"" }
        if number.isInfinite { return number > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        return "\(number)"
    }

    /// A JSON string literal with the mandatory escapes.
    public static func quote(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
