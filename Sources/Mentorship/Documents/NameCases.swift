/// «Фамилия И.О.» in the accusative and dative cases, for a name in the running text of an order
/// («назначить куратором Лебедеву Т.А.», «куратору Лебедевой Т.А.»).
///
/// The gender comes from the patronymic (-вна, -чна, кызы: female; -ич, оглы: male); surnames that Russian
/// does not decline (Шевченко, Черных, a female surname on a consonant) stay as they are, and so does a
/// text that is not a full name.
enum NameCases {
    enum Case { case accusative, dative }

    static func inflect(_ text: String, _ grammaticalCase: Case) -> String {
        guard !text.hasPrefix("["), let name = NameNormaliser.readFull(text).name else { return text }
        let patronymic = PersonName.fold(name.patronymic)
        let female: Bool
        if patronymic.hasSuffix("вна") || patronymic.hasSuffix("чна") || patronymic.hasSuffix("кызы") { female = true }
        else if patronymic.hasSuffix("ич") || patronymic.hasSuffix("оглы") { female = false }
        else { return name.short }
        return surname(name.surname, female: female, grammaticalCase) + String(name.short.dropFirst(name.surname.count))
    }

    static func surname(_ surname: String, female: Bool, _ grammaticalCase: Case) -> String {
        // A hyphenated surname declines in each part («Петрова-Водкина»).
        if surname.contains("-") {
            return surname.split(separator: "-").map { Self.surname(String($0), female: female, grammaticalCase) }.joined(separator: "-")
        }
        let lower = surname.lowercased()
        func replacing(_ suffix: String, with ending: String) -> String { String(surname.dropLast(suffix.count)) + ending }
        let accusative = grammaticalCase == .accusative
        if female {
            for suffix in ["ова", "ева", "ёва", "ина", "ына"] where lower.hasSuffix(suffix) { return replacing("а", with: accusative ? "у" : "ой") }
            if lower.hasSuffix("ая") { return replacing("ая", with: accusative ? "ую" : "ой") }
            if lower.hasSuffix("яя") { return replacing("яя", with: accusative ? "юю" : "ей") }
            if lower.hasSuffix("а") && !lower.hasSuffix("иа") { return replacing("а", with: accusative ? "у" : "е") }
            return surname
        }
        if lower.hasSuffix("ий") || lower.hasSuffix("ый") || lower.hasSuffix("ой") { return replacing("ий", with: accusative ? "ого" : "ому") }
        if lower.hasSuffix("ь") || lower.hasSuffix("й") { return replacing("ь", with: accusative ? "я" : "ю") }
        if lower.hasSuffix("а") && !lower.hasSuffix("иа") { return replacing("а", with: accusative ? "у" : "е") }
        if lower.hasSuffix("ых") || lower.hasSuffix("их") || "оеиуыэюя".contains(lower.last ?? "о") { return surname }
        return surname + (accusative ? "а" : "у")
    }
}
