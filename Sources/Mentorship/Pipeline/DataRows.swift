import SheetIO

/// Separates a sheet's data rows from what only looks like data: fully empty rows, a repeated header
/// (a sheet pasted twice) and a footer after the last row with a name.
enum DataRows {
    static let footerWords = ["итого", "всего", "исполнитель", "директор", "подпись", "ответственный", "примечание"]

    static func select(_ rows: [Row], recognition: SheetRecognition, file: String, sheet: String, sheetIndex: Int, log: IssueLog) -> [Row] {
        let headerKeys = recognition.columns.map { HeaderCatalogue.key($0.header) }
        let firstHeader = recognition.columns.first
        var kept: [Row] = []
        for row in rows {
            guard row.cells.contains(where: { !CellText.text($0).isEmpty }) else { continue }
            // A repeated header: checked in full only when its first recognised cell reads like the header's.
            if let firstHeader, CellText.text(row[column: firstHeader.column]) == firstHeader.header,
               recognition.columns.map({ HeaderCatalogue.key(CellText.text(row[column: $0.column])) }) == headerKeys {
                log.add(Issue(.rowDuplicate, .repeatedHeader, at: SourceRef(file: file, sheet: sheet, sheetIndex: sheetIndex, row: row.number, column: 1),
                              field: nil, value: nil))
                continue
            }
            kept.append(row)
        }
        // A footer: rows after the last row that holds a name, short or starting with a footer word.
        let nameColumns = ["full_name", "last_name", "mentor", "org_name", "measure", "plan_item"].compactMap(recognition.column(of:))
        guard let nameColumn = nameColumns.first,
              let lastNamed = kept.lastIndex(where: { !CellText.text($0[column: nameColumn]).isEmpty && !isFooter($0) }) else { return kept }
        let tail = kept[(lastNamed + 1)...]
        guard !tail.isEmpty, tail.allSatisfy({ isFooter($0) || $0.cells.filter { !CellText.text($0).isEmpty }.count < 3 }) else { return kept }
        log.add(Issue(.rowDuplicate, .footer, at: SourceRef(file: file, sheet: sheet, sheetIndex: sheetIndex, row: tail.first!.number, column: 1),
                      field: nil, value: CellText.text(tail.first!.cells.first { !CellText.text($0).isEmpty } ?? .empty)))
        return Array(kept[...lastNamed])
    }

    static func isFooter(_ row: Row) -> Bool {
        guard let first = row.cells.map(CellText.text).first(where: { !$0.isEmpty })?.lowercased() else { return false }
        return footerWords.contains { first.hasPrefix($0) }
    }
}
