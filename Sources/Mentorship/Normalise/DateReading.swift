import SheetIO

/// Reads dates as curators enter them: date cells, Excel serials in general cells, and text, day first.
public enum DateReading {
    /// What a cell gave.
    public enum Outcome: Equatable, Sendable {
        case empty
        case date(CalendarDate)
        /// Not a date, or an impossible one; the reason in Russian.
        case invalid(String)
    }

    static let months: [(prefix: String, month: Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("мар", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7),
        ("август", 8), ("сентябр", 9), ("сен", 9), ("октябр", 10), ("окт", 10), ("ноябр", 11), ("ноя", 11), ("декабр", 12), ("дек", 12),
        ("янв", 1), ("фев", 2), ("апр", 4), ("авг", 8),
    ]

    /// Reads `cell`; two-digit years are `20yy` when that is not after `pivotYear`, else `19yy`.
    public static func read(_ cell: CellValue, pivotYear: Int) -> Outcome {
        switch cell {
        case .empty: return .empty
        case .temporal(let temporal):
            guard let date = CalendarDate(temporal) else { return .invalid("время без даты") }
            return .date(date)
        case .number(let serial):
            // An Excel serial typed into a general cell (1 = 1900-01-01 … 2958465 = 9999-12-31).
            guard serial >= 1, serial < 2_958_466, serial == serial.rounded(.down),
                  let date = CalendarDate(ExcelTemporal(serial: serial, system: .excel1900, kind: .date)) else {
                return .invalid("число, не похожее на дату")
            }
            return .date(date)
        case .text(let raw):
            let text = TextCleaning.clean(raw)
            if text.isEmpty { return .empty }
            return parse(text, pivotYear: pivotYear)
        case .boolean: return .invalid("логическое значение, а не дата")
        case .error(let code): return .invalid("ошибка Excel \(code), а не дата")
        }
    }

    /// Parses the text forms: «15.09.2022», «15.9.22», «15/09/2022», «15-09-2022», «2022-09-15»,
    /// «15 сентября 2022 г.», with an optional time after the date.
    public static func parse(_ text: String, pivotYear: Int) -> Outcome {
        var body = text.lowercased()
        for suffix in [" года", " г.", " г", "г.", "г"] where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count)).trimmingSpaces()
            break
        }
        // Drop a time of day («02.09.2025 18:41:07»).
        if let space = body.firstIndex(of: " "), body[body.index(after: space)...].contains(":") {
            body = String(body[..<space])
        }
        let pieces = body.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" || $0 == " " }).map(String.init)
        guard pieces.count == 3 else { return .invalid("не похоже на дату") }
        let year: Int, month: Int, day: Int
        if pieces[0].count == 4, let y = Int(pieces[0]), let m = Int(pieces[1]), let d = Int(pieces[2]) {
            (year, month, day) = (y, m, d)
        } else if let d = Int(pieces[0]), let y = Int(pieces[2]) {
            guard let m = Int(pieces[1]) ?? monthNumber(pieces[1]) else { return .invalid("непонятный месяц") }
            guard pieces[2].count == 4 || pieces[2].count == 2 else { return .invalid("год должен быть из 4 цифр") }
            (year, month, day) = (pieces[2].count == 2 ? expand(y, pivotYear: pivotYear) : y, m, d)
        } else {
            return .invalid("не похоже на дату")
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return .invalid("такой даты нет")
        }
        return .date(date)
    }

    static func expand(_ twoDigits: Int, pivotYear: Int) -> Int {
        2000 + twoDigits <= pivotYear ? 2000 + twoDigits : 1900 + twoDigits
    }

    static func monthNumber(_ word: String) -> Int? {
        let lower = word.lowercased()
        if lower == "мая" || lower == "май" { return 5 }
        if lower == "марта" || lower == "март" { return 3 }
        return months.first { lower.hasPrefix($0.prefix) && $0.prefix.count >= 3 }?.month
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
