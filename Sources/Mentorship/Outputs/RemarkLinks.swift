import SheetIO

/// Links the «Ячейка» cells of register.xlsx's «Замечания» to the same cell in the marked copy of `исправить/`.
///
/// The sheet is read back, so the links follow whatever columns it has (found by their headers «Файл», «Лист», «Ячейка»).
enum RemarkLinks {
    static let sheet = "Замечания"

    static func add(to register: String, copies: [MarkedCopies.Copy]) throws {
        guard !copies.isEmpty else { return }
        let byInput = Dictionary(copies.map { ($0.input, $0) }, uniquingKeysWith: { a, _ in a })
        let reader = try XLSXReader(path: register)
        guard let info = reader.sheets.first(where: { $0.name == sheet }) else { return }
        let rows = try reader.rows(ofSheet: info.index)
        var columns: [String: Int] = [:]
        var links: [CellLink] = []
        while let row = try rows.next() {
            let texts = row.cells.map { cell -> String in if case .text(let text) = cell { return text } else { return "" } }
            if columns.isEmpty {
                for (offset, text) in texts.enumerated() where ["Файл", "Лист", "Ячейка"].contains(text) { columns[text] = offset + 1 }
                guard columns.count == 3 else { return }
                continue
            }
            func value(_ name: String) -> String { let column = columns[name]!; return column <= texts.count ? texts[column - 1] : "" }
            let cell = value("Ячейка")
            guard !cell.isEmpty, CellAddress(a1: cell) != nil, let copy = byInput[value("Файл")] else { continue }
            let sheetName = copy.sheetNames[value("Лист")] ?? value("Лист")
            let location = sheetName.isEmpty ? cell : "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'!" + cell
            links.append(CellLink(cell: CellAddress(row: row.number, column: columns["Ячейка"]!), target: copy.copy, location: location))
        }
        try XLSXHyperlinks.add(links, sheet: sheet, workbook: register)
    }
}
