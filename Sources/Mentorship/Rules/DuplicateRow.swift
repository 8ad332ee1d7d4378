import SheetIO

/// The one rule for «this row repeats an earlier one of its kind» (`checks.md`, Duplicates): the interpreted
/// fields equal after normalisation (cleaned text, case ignored).
enum DuplicateRow {
    /// The comparison key of a row of `kind`.
    static func key(_ row: SheetRow, kind: TableKind) -> String {
        kind.rawValue + "|" + row.recognition.columns.map { CellText.text(row.row[column: $0.column]).lowercased() }.joined(separator: "\u{1F}")
    }
}
