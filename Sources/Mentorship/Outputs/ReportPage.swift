/// `отчёт.html`: one self-contained page for the director and the curator — the indicators against their
/// targets, the quarterly dynamics of the diagnostic indicators per form with the coverage per period, the
/// roadmap's status and the remarks counted by file and code. Inline CSS and SVG only, so it opens offline;
/// it prints on A4. Every number carries `data-` attributes equal to `report.json`'s.
public enum ReportPage {
    public static let fileName = "отчёт.html"

    public static func render(_ register: Register) -> String {
        let school = register.settings[.school] ?? register.settings[.shortName] ?? "образовательная организация"
        var html = """
        <!DOCTYPE html>
        <html lang="ru"><head><meta charset="utf-8">
        <title>Целевая модель наставничества — \(HTMLCharts.escape(school))</title>
        <style>\(style)</style></head><body>
        <header><h1>Целевая модель наставничества</h1>
        <p class="school">\(HTMLCharts.escape(school))</p>
        <p>Учебный год \(register.academicYear.startYear)/\(register.academicYear.startYear + 1); данные на \(register.asOf.russian)</p></header>

        """
        html += indicatorsSection(register)
        html += dynamicsSection(register)
        html += roadmapSection(register)
        html += remarksSection(register)
        html += "<footer>Сформировано программой «Наставник» по таблицам школы. Без сети и внешних файлов.</footer>\n</body></html>\n"
        return html
    }

    static let style = """
    @page { size: A4 portrait; margin: 15mm 12mm; }
    body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11pt; color: #212121; margin: 0 auto; max-width: 190mm; }
    h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 6pt; border-bottom: 1px solid #90a4ae; }
    h3 { font-size: 11pt; margin: 8pt 0 2pt; } .muted { font-size: 9pt; } .school { font-weight: bold; margin: 0; }
    table { border-collapse: collapse; width: 100%; table-layout: fixed; } col.name { width: 36%; } col.when { width: 17%; } col.value { width: 12%; } col.target { width: 10%; } col.bar { width: 12%; } col.met { width: 13%; }
    svg.bar { width: 100%; } th, td { border-bottom: 1px solid #e0e0e0; padding: 2pt 4pt; text-align: left; vertical-align: top; }
    th { background: #eceff1; font-weight: bold; } td.num { text-align: right; white-space: nowrap; }
    .met { color: #2e7d32; } .unmet { color: #c62828; } .legend span { margin-right: 10pt; } .muted { color: #757575; }
    section { break-inside: avoid-page; } .chart { break-inside: avoid; margin-bottom: 6pt; }
    footer { margin-top: 16pt; font-size: 9pt; color: #757575; }
    """

    static func indicatorsSection(_ register: Register) -> String {
        var html = "<section id=\"indicators\"><h2>Показатели</h2>\n<table><colgroup><col class=\"name\"><col class=\"when\"><col class=\"value\">"
            + "<col class=\"target\"><col class=\"bar\"><col class=\"met\"></colgroup><tr><th>Показатель</th><th>Период / мероприятие</th>"
            + "<th>Значение</th><th>Цель</th><th></th><th>Достигнуто</th></tr>\n"
        for indicator in register.indicators {
            let value = indicator.value.map(HTMLCharts.percent) ?? "—"
            let target = indicator.target.map(HTMLCharts.percent) ?? "справочно"
            let verdict = indicator.met.map { $0 ? "<span class=\"met\">да</span>" : "<span class=\"unmet\">нет</span>" } ?? ""
            let when = indicator.period.map(register.periodName) ?? indicator.event ?? ""
            html += "<tr class=\"indicator\" data-id=\"\(HTMLCharts.escape(indicator.id))\" data-period=\"\(HTMLCharts.escape(indicator.period ?? indicator.event ?? ""))\""
                + " data-numerator=\"\(indicator.numerator)\" data-denominator=\"\(indicator.denominator)\">"
                + "<td>\(nameCell(indicator.definition))</td><td>\(HTMLCharts.escape(when))</td>"
                + "<td class=\"num\">\(value)<br><span class=\"muted\">\(indicator.numerator) из \(indicator.denominator)</span></td>"
                + "<td class=\"num\">\(target)</td><td>\(HTMLCharts.bar(value: indicator.value, target: indicator.target, met: indicator.met))</td>"
                + "<td>\(verdict)</td></tr>\n"
        }
        return html + "</table></section>\n"
    }

    /// «наставники-педагоги в действующих парах / педагогические работники»: the numerator's words as the name,
    /// capitalised, and the denominator's in grey beneath.
    static func nameCell(_ definition: String) -> String {
        let parts = definition.components(separatedBy: " / ")
        let name = parts[0].prefix(1).uppercased() + parts[0].dropFirst()
        guard parts.count > 1 else { return HTMLCharts.escape(name) }
        return HTMLCharts.escape(name) + "<br><span class=\"muted\">доля от: \(HTMLCharts.escape(parts.dropFirst().joined(separator: " / ")))</span>"
    }

    static func dynamicsSection(_ register: Register) -> String {
        let dynamics = register.formDynamics
        var html = "<section id=\"dynamics\"><h2>Диагностика по кварталам</h2>\n"
        guard !dynamics.periods.isEmpty else { return html + "<p class=\"muted\">Результатов диагностики нет.</p></section>\n" }
        let labels = dynamics.periods.map(\.russian)
        let maximum = max(10, (register.diagnostics.map(\.score).max() ?? 10).rounded(.up))
        for indicator in dynamics.indicators {
            let series = dynamics.lines.filter { $0.indicator == indicator }
            html += "<div class=\"chart\"><h3>\(HTMLCharts.escape(indicator))</h3>"
            html += HTMLCharts.lines(periods: labels, series: series.map { ($0.form, $0.means) }, maximum: maximum)
            html += "<p class=\"legend\">" + series.enumerated().map { index, line in
                "<span style=\"color: \(HTMLCharts.seriesColours[index % HTMLCharts.seriesColours.count])\">● \(HTMLCharts.escape(line.form))</span>"
            }.joined() + "</p></div>\n"
        }
        html += "<h3>Охват диагностикой</h3><table><tr><th>Период</th><th>Ожидалось</th><th>Прошли</th><th>Доля</th><th></th></tr>\n"
        for line in register.coverage {
            let share = line.expected.isEmpty ? nil : Double(line.diagnosed) / Double(line.expected.count)
            html += "<tr class=\"coverage\" data-period=\"\(HTMLCharts.escape(line.period.key))\" data-numerator=\"\(line.diagnosed)\" data-denominator=\"\(line.expected.count)\">"
                + "<td>\(HTMLCharts.escape(line.period.russian))</td><td class=\"num\">\(line.expected.count)</td><td class=\"num\">\(line.diagnosed)</td>"
                + "<td class=\"num\">\(share.map(HTMLCharts.percent) ?? "нет данных")</td><td>\(HTMLCharts.bar(value: share, target: 1, met: share.map { $0 >= 1 }))</td></tr>\n"
        }
        return html + "</table></section>\n"
    }

    static func roadmapSection(_ register: Register) -> String {
        var html = "<section id=\"roadmap\"><h2>Дорожная карта</h2>\n"
        guard !register.roadmap.isEmpty else { return html + "<p class=\"muted\">Дорожной карты во входных таблицах нет.</p></section>\n" }
        var counts: [String: Int] = [:]
        for position in register.roadmap { counts[position.status.russian, default: 0] += 1 }
        html += "<table><tr><th>Состояние</th><th>Позиций</th></tr>\n"
        for status in counts.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            html += "<tr class=\"roadmap-status\" data-status=\"\(HTMLCharts.escape(status))\" data-count=\"\(counts[status]!)\"><td>\(HTMLCharts.escape(status))</td><td class=\"num\">\(counts[status]!)</td></tr>\n"
        }
        html += "</table>\n"
        let overdue = register.roadmap.filter { $0.status == .overdue }
        if !overdue.isEmpty {
            html += "<h3>Просрочено</h3><table><tr><th>Мероприятие</th><th>Срок</th><th>Ответственный</th></tr>\n"
            for position in overdue {
                html += "<tr><td>\(HTMLCharts.escape(position.measure))</td><td>\(HTMLCharts.escape(position.deadlineText))</td><td>\(HTMLCharts.escape(position.responsible))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</section>\n"
    }

    static func remarksSection(_ register: Register) -> String {
        var html = "<section id=\"remarks\"><h2>Замечания к таблицам</h2>\n"
        let bySeverity = Dictionary(grouping: register.issues, by: \.severity).mapValues(\.count)
        html += "<p>Ошибок: \(bySeverity[.error] ?? 0), предупреждений: \(bySeverity[.warning] ?? 0), сведений: \(bySeverity[.info] ?? 0). "
            + "Где именно — на листе «Замечания» файла register.xlsx.</p>\n"
        struct Group: Hashable { var file: String; var code: String; var severity: Severity }
        var groups: [Group: Int] = [:]
        for issue in register.issues { groups[Group(file: issue.file, code: issue.code.rawValue, severity: issue.severity), default: 0] += 1 }
        let ordered = groups.keys.sorted { a, b in
            if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.code < b.code
        }
        html += "<table><tr><th>Файл</th><th>Код</th><th>Серьёзность</th><th>Сколько</th></tr>\n"
        for group in ordered {
            html += "<tr class=\"remark\" data-file=\"\(HTMLCharts.escape(group.file))\" data-code=\"\(group.code)\" data-count=\"\(groups[group]!)\">"
                + "<td>\(HTMLCharts.escape(group.file.isEmpty ? "(все файлы)" : group.file))</td><td>\(group.code)</td>"
                + "<td>\(group.severity.russian)</td><td class=\"num\">\(groups[group]!)</td></tr>\n"
        }
        return html + "</table></section>\n"
    }
}
