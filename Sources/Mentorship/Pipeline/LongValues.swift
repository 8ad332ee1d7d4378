import SheetIO

/// Values longer than a spreadsheet cell holds (`VALUE_TOO_LONG`): reported at their input cell, kept whole
/// in `report.json`, shortened with «…» in the workbooks (``XLSXWriteOptions/shortenLongText``).
enum LongValues {
    static func report(_ rows: [Row], file: String, sheet: String, sheetIndex: Int, recognition: SheetRecognition, log: IssueLog) {
        for row in rows {
            for (offset, cell) in row.cells.enumerated() {
                guard case .text(let text) = cell, text.utf16.count > Limits.cellTextLength else { continue }
                let column = offset + 1
                let place = SourceRef(file: file, sheet: sheet, sheetIndex: sheetIndex, row: row.number, column: column)
                log.add(Issue(.valueTooLong, at: place, field: recognition.columns.first { $0.column == column }?.field, value: text,
                              ["length": String(text.count), "limit": String(Limits.cellTextLength)]))
            }
        }
    }
}
