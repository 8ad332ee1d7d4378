import SheetIO

/// How the sheets of a regional upload (and of a consolidated region) look and print. Their rows stream out of
/// many schools' files, so the widths come from the fixed layout, not from the data: a long name wraps and its
/// row grows. The header text and the cells themselves stay exactly as `outputs.md` fixes them.
enum RegionalLayout {
    /// Widths of the columns whose values are long; every other column is as wide as its header's longest word.
    static let wide: [String: Double] = [
        "Регион": 22, "Муниципалитет": 22, "ОО": 40, "ИНН ОО": 13, "Учебный год": 11, "Дата отчёта": 11, "Код показателя": 26,
        "Показатель": 48, "Период / мероприятие": 18, "Значение": 10, "Форма наставничества": 24, "Роль": 14, "Категория": 20,
        "Дата начала": 11, "Дата окончания": 11, "ID участника": 18, "ФИО": 32, "Итог": 28,
    ]

    /// The layout of a sheet with these headers; `counts` names columns that hold numbers there (in «Итоги», «ОО»
    /// is the number of schools).
    static func layout(headers: [String], counts: Set<String> = []) -> SheetLayout {
        let widths = headers.map { header in (counts.contains(header) ? nil : wide[header]) ?? max(TextMetrics.longestWord(of: header), 8) }
        return SheetLayout(columnWidths: widths, frozenRows: 1, autoFilter: true, wrapsOverflowingText: true, print: .landscapeA4)
    }
}
