import SheetIO

/// `отчёт.html` of `consolidate`: what the uploads carry — per municipality and for the region, the schools'
/// counts and each indicator (Σ numerators / Σ denominators) against its target. Self-contained, like the
/// school's page (``ReportPage``); every figure carries the `data-` attributes of its «Итоги» row.
enum RegionalReportPage {
    static let fileName = ReportPage.fileName

    /// The page from the «Итоги» rows of ``RegionalTotals`` (their columns, in order).
    static func render(totalsRows: [[CellValue]], date: String) -> String {
        func text(_ cell: CellValue) -> String { UploadCheck.plain(cell) }
        func number(_ cell: CellValue) -> Double? { if case .number(let value) = cell { return value } else { return nil } }
        var html = "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Целевая модель наставничества — свод по региону</title>"
            + "<style>\(ReportPage.style)</style></head><body>\n<header><h1>Целевая модель наставничества: свод выгрузок</h1>"
            + "<p>Данные на \(HTMLCharts.escape(date))</p></header>\n"
        var current = ""
        for row in totalsRows where row.count >= 12 {
            let title = text(row[0])
            if title != current {
                if !current.isEmpty { html += "</table></section>\n" }
                current = title
                html += "<section><h2>\(HTMLCharts.escape(title))</h2><table><colgroup><col class=\"name\"><col class=\"when\"><col class=\"value\">"
                    + "<col class=\"target\"><col class=\"bar\"><col class=\"met\"></colgroup>"
                    + "<tr><th>Показатель</th><th>Период / мероприятие</th><th>Значение</th><th>Цель</th><th></th><th>Достигнуто</th></tr>\n"
            }
            let code = text(row[3]), value = number(row[9]), target = number(row[10])
            let met: Bool? = text(row[11]) == "да" ? true : text(row[11]) == "нет" ? false : nil
            let attributes = "data-area=\"\(HTMLCharts.escape(title))\" data-code=\"\(HTMLCharts.escape(code))\" data-period=\"\(HTMLCharts.escape(text(row[5])))\""
            if number(row[7]) == nil {
                // A count: schools, participants, pairs …
                html += "<tr class=\"count\" \(attributes) data-value=\"\(HTMLCharts.escape(text(row[9])))\"><td>\(HTMLCharts.escape(text(row[4])))</td>"
                    + "<td></td><td class=\"num\">\(HTMLCharts.escape(text(row[9])))</td><td></td><td></td><td></td></tr>\n"
                continue
            }
            html += "<tr class=\"indicator\" \(attributes) data-numerator=\"\(HTMLCharts.escape(text(row[7])))\" data-denominator=\"\(HTMLCharts.escape(text(row[8])))\">"
                + "<td>\(ReportPage.nameCell(text(row[4])))<br><span class=\"muted\">ОО: \(HTMLCharts.escape(text(row[6])))</span></td>"
                + "<td>\(HTMLCharts.escape(text(row[5])))</td>"
                + "<td class=\"num\">\(value.map(HTMLCharts.percent) ?? "—")<br><span class=\"muted\">\(HTMLCharts.escape(text(row[7]))) из \(HTMLCharts.escape(text(row[8])))</span></td>"
                + "<td class=\"num\">\(target.map(HTMLCharts.percent) ?? "справочно")</td>"
                + "<td>\(HTMLCharts.bar(value: value, target: target, met: met))</td><td>\(met.map { $0 ? "<span class=\"met\">да</span>" : "<span class=\"unmet\">нет</span>" } ?? "")</td></tr>\n"
        }
        if !current.isEmpty { html += "</table></section>\n" } else { html += "<p class=\"muted\">Принятых выгрузок нет.</p>\n" }
        return html + "<footer>Сформировано программой «Наставник» из выгрузок школ. Без сети и внешних файлов.</footer>\n</body></html>\n"
    }
}
