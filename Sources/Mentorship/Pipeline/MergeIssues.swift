import SheetIO

/// `MERGE_INVALID`: a merged range written backwards («B2:A1»), read with its corners swapped; reported at
/// the first cell of the range as read (its top-left corner), the range as written in `value`.
enum MergeIssues {
    /// At most this many per sheet: a crafted file may hold thousands.
    static let maxPerSheet = 100

    static func report(_ reversed: [CellRange], file: String, sheet: String, sheetIndex: Int, log: IssueLog) {
        for range in reversed.prefix(maxPerSheet) {
            let read = range.normalised
            let place = SourceRef(file: file, sheet: sheet, sheetIndex: sheetIndex, row: read.first.row, column: read.first.column)
            log.add(Issue(.mergeInvalid, at: place, field: nil, value: range.description, ["read": read.description]))
        }
    }
}
