/// The Russian name of a field for the «Поле» column of «Замечания»: a curator reads «Наставляемый», never
/// `mentee`. The code stays in report.json.
enum FieldLabel {
    /// Fields that name no input column of their own, or whose header synonym reads poorly alone.
    static let own: [String: String] = [
        "person": "Участник", "indicator": "Балл по показателю", "period": "Период", "diagnostic_date": "Дата диагностики",
        "agreement_no": "№ соглашения", "agreement_date": "Дата соглашения", "file": "Файл", "sheet": "Лист", "header": "Заголовок таблицы",
        "plan_done": "Выполнение плана, %", "plan_approved": "План утверждён", "organisation": "Организация / место учёбы",
        "indicator_name": "Показатель", "score": "Балл",
    ]

    /// The first header text of the header table for each field: the name the curator's sheets use.
    static let fromHeaders: [String: String] = {
        var names: [String: String] = [:]
        for line in HeaderTable.text.split(separator: "\n") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 4 else { continue }
            let field = String(columns[1]).trimmingSpaces()
            if names[field] == nil, let first = columns[3].split(separator: "|").first { names[field] = String(first) }
        }
        return names
    }()

    static func russian(_ field: String) -> String {
        if let name = own[field] { return name }
        let known = FieldNames.russian(field)
        if known != field { return known }
        return fromHeaders[field] ?? field
    }
}
