/// A diagnostic period: a calendar quarter (`2023-Q2`) or a school term (`2022/23-T2`), with its days.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let key: String
    public let start: CalendarDate
    public let end: CalendarDate

    public var description: String { key }

    public static func < (lhs: Period, rhs: Period) -> Bool { (lhs.start, lhs.key) < (rhs.start, rhs.key) }

    /// The calendar quarter a date falls in.
    public static func quarter(of date: CalendarDate) -> Period { quarter(date.year, (date.month - 1) / 3 + 1) }

    public static func quarter(_ year: Int, _ number: Int) -> Period {
        let first = (number - 1) * 3 + 1
        return Period(key: "\(year)-Q\(number)", start: CalendarDate(year: year, month: first, day: 1)!,
                      end: CalendarDate.endOfMonth(year: year, month: first + 2))
    }

    /// School term `number` (I–IV) of the academic year starting in `startYear`: I Sep–Oct, II Nov–Dec,
    /// III Jan–Mar, IV Apr–May.
    public static func term(startYear: Int, number: Int) -> Period {
        let key = "\(startYear)/\(String(format2(startYear + 1)))-T\(number)"
        switch number {
        case 1: return Period(key: key, start: CalendarDate(year: startYear, month: 9, day: 1)!, end: CalendarDate(year: startYear, month: 10, day: 31)!)
        case 2: return Period(key: key, start: CalendarDate(year: startYear, month: 11, day: 1)!, end: CalendarDate(year: startYear, month: 12, day: 31)!)
        case 3: return Period(key: key, start: CalendarDate(year: startYear + 1, month: 1, day: 1)!, end: CalendarDate(year: startYear + 1, month: 3, day: 31)!)
        default: return Period(key: key, start: CalendarDate(year: startYear + 1, month: 4, day: 1)!, end: CalendarDate(year: startYear + 1, month: 5, day: 31)!)
        }
    }

    private static func format2(_ year: Int) -> String {
        let two = year % 100
        return two < 10 ? "0\(two)" : "\(two)"
    }

    static let romans: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]

    /// Reads «2 кв. 2023», «II квартал 2023», «2023-Q2», «II четверть 2022/23», «Диагностика_2кв_2023», or a date.
    public static func parse(_ raw: String, pivotYear: Int) -> Period? {
        let text = raw.lowercased()
        if case .date(let date) = DateReading.parse(TextCleaning.clean(raw), pivotYear: pivotYear) { return quarter(of: date) }
        // Tokens: numbers, roman numerals, the words квартал/кв/четверть/q.
        var tokens: [String] = []
        var current = ""
        for character in text + " " {
            if character.isLetter || character.isNumber || character == "/" { current.append(character) } else {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            }
        }
        // «2023-q2» and «2кв» glue a number to a word.
        var split: [String] = []
        for token in tokens {
            var piece = ""
            var lastWasDigit: Bool?
            for character in token {
                let digit = character.isNumber || character == "/"
                if let last = lastWasDigit, last != digit { split.append(piece); piece = "" }
                piece.append(character)
                lastWasDigit = digit
            }
            if !piece.isEmpty { split.append(piece) }
        }
        let isTerm = split.contains { $0.hasPrefix("четверт") || $0 == "ч" || $0 == "t" }
        let isQuarter = split.contains { $0.hasPrefix("кв") || $0 == "q" }
        guard isTerm || isQuarter else { return nil }
        var number: Int?
        var year: Int?
        var academicStart: Int?
        for (index, token) in split.enumerated() {
            if token.contains("/"), let first = Int(token.split(separator: "/").first ?? "") {
                academicStart = first < 100 ? 2000 + first : first
            } else if let value = Int(token), token.count == 4 {
                year = value
            } else if number == nil, let value = romans[token], value <= 4 {
                let next = index + 1 < split.count ? split[index + 1] : ""
                let previous = index > 0 ? split[index - 1] : ""
                if next.hasPrefix("кв") || next.hasPrefix("четверт") || previous == "q" || previous == "t" || next == "q" || token.count <= 3 { number = value }
            }
        }
        guard let number else { return nil }
        if isTerm {
            guard let start = academicStart ?? year.map({ $0 }) else { return nil }
            return term(startYear: start, number: number)
        }
        guard let year = year ?? academicStart else { return nil }
        return quarter(year, number)
    }
}
