import Mentorship

/// `--as-of`: a date written ДД.ММ.ГГГГ, as the curator writes it, or ГГГГ-ММ-ДД.
enum DateArgument {
    static func parse(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(iso: text) { return iso }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Reads `--as-of`, or says what is wrong with it.
    static func read(_ text: String) throws -> CalendarDate {
        guard let date = parse(text) else {
            throw UsageError("--as-of: «\(text)» — не дата; впишите дату в виде ДД.ММ.ГГГГ (например, 29.05.2026) или ГГГГ-ММ-ДД")
        }
        return date
    }
}
