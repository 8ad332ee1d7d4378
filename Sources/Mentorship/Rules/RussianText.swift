/// Russian phrasing the remarks share: numbers with their nouns, values shortened without cutting a word.
enum RussianText {
    /// A number to two decimals with a decimal comma, «−» before a negative one: «7,25», «−0,50».
    static func hundredths(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths)
        return (hundredths < 0 ? "−" : "") + "\(magnitude / 100)," + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
    }

    /// A share as a percentage to one decimal: «64,3 %».
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10),\(abs(tenths % 10)) %"
    }

    /// «1 год», «3 года», «13 лет».
    static func years(_ count: Int) -> String { "\(count) " + plural(count, "год", "года", "лет") }

    /// «1 строка», «3 строки», «25 строк».
    static func rows(_ count: Int) -> String { "\(count) " + plural(count, "строка", "строки", "строк") }

    /// The noun form that goes with `count`: one, few, many.
    static func plural(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
        let n = abs(count) % 100, last = n % 10
        if (11...14).contains(n) { return many }
        if last == 1 { return one }
        if (2...4).contains(last) { return few }
        return many
    }

    /// The text, or its first words up to `limit` characters followed by «…»: a word is never cut.
    static func shortened(_ text: String, limit: Int = 80) -> String {
        guard text.count > limit else { return text }
        var result = ""
        for word in text.split(separator: " ") {
            let next = result.isEmpty ? String(word) : result + " " + word
            if next.count > limit { break }
            result = next
        }
        if result.isEmpty { result = String(text.prefix(limit)) }   // one word longer than the limit
        while let last = result.last, ",;:–—-".contains(last) { result.removeLast() }
        return result + "…"
    }

    /// «от 1 до 10».
    static func scale(_ scale: ClosedRange<Double>) -> String {
        func text(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : "\(value)" }
        return "от \(text(scale.lowerBound)) до \(text(scale.upperBound))"
    }

    /// The Russian name of a kind of table, for messages.
    static func kind(_ kind: TableKind) -> String {
        switch kind {
        case .students: return "Контингент"
        case .staff: return "Кадры"
        case .external: return "Внешние участники"
        case .partners: return "Организации-партнёры"
        case .questionnaire: return "Анкеты"
        case .pairs: return "Наставнические пары"
        case .consents: return "Согласия на обработку ПДн"
        case .diagnostics: return "Диагностика"
        case .attendance: return "Явка на мероприятия"
        case .roadmap: return "Дорожная карта"
        case .settings: return "Сведения об ОО"
        case .plans: return "Индивидуальные планы"
        }
    }

    /// «наставник Иванов И.И. — педагог», a member who does not fit a form.
    static func misfit(_ role: Role, name: String, category: Category) -> String {
        "\(role.russian) \(name) — \(category.russian)"
    }
}
