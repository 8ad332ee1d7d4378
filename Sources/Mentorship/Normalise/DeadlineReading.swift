/// The «Сроки» of a roadmap position, normalised into a deadline or a rule (`inputs.md`).
public enum Deadline: Equatable, Sendable {
    /// The last allowed day, inclusive.
    case date(CalendarDate)
    /// Continuous work («В течение года»): due at the end of the academic year.
    case continuous(CalendarDate)
    /// Recurring every quarter: due in every diagnostic period present.
    case quarterly
    /// «По отдельному графику»: no date.
    case separateSchedule
    /// Empty, or text that gives no date or rule.
    case none

    /// The day by which the position is due, when there is one.
    public var dueDate: CalendarDate? {
        switch self {
        case .date(let date), .continuous(let date): return date
        default: return nil
        }
    }
}

/// The academic year (1 September – 31 August).
public struct AcademicYear: Equatable, Sendable {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The academic year containing `date`.
    public init(containing date: CalendarDate) { startYear = date.month >= 9 ? date.year : date.year - 1 }

    /// Reads «2022/2023», «2022-2023», «2022/23», «2022–2023 учебный год».
    public init?(text: String) {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard let first = digits.first, first >= 1900, first < 2200 else { return nil }
        startYear = first
    }

    public var start: CalendarDate { CalendarDate(year: startYear, month: 9, day: 1)! }
    public var end: CalendarDate { CalendarDate(year: startYear + 1, month: 8, day: 31)! }
    /// The calendar year a month falls in within this academic year (September–December: the first).
    public func year(ofMonth month: Int) -> Int { month >= 9 ? startYear : startYear + 1 }
    public var label: String { "\(startYear)/\(startYear + 1)" }
}

/// Normalises the free Russian text of «Сроки».
public enum DeadlineReading {
    /// The outcome: the deadline, and whether a date before the academic year was dropped.
    public struct Reading: Equatable {
        public var deadline: Deadline
        public var outOfYear: CalendarDate?
    }

    static let monthStems: [(String, Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7), ("август", 8),
        ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ]

    public static func read(_ raw: String, year: AcademicYear, pivotYear: Int) -> Reading {
        let text = TextCleaning.clean(raw).lowercased()
        guard !text.isEmpty else { return Reading(deadline: .none, outOfYear: nil) }
        if text.contains("отдельн") && text.contains("график") { return Reading(deadline: .separateSchedule, outOfYear: nil) }
        if text.contains("квартал") && (text.contains("раз") || text.contains("ежеквартальн")) || text.contains("ежеквартальн") {
            return Reading(deadline: .quarterly, outOfYear: nil)
        }
        if text.contains("в течение") || text.contains("постоянно") || text.contains("ежегодно") || text.contains("весь период") {
            return Reading(deadline: .continuous(year.end), outOfYear: nil)
        }
        let before = text.hasPrefix("до ") || text.hasPrefix("не позднее")
        // An explicit date anywhere in the text («До 10.10.2022г», «15.09.2022»).
        for word in text.split(separator: " ") {
            var token = String(word)
            while let last = token.last, !last.isNumber { token.removeLast() }
            if token.filter({ $0 == "." }).count == 2, case .date(let date) = DateReading.parse(token, pivotYear: pivotYear) {
                return checked(.date(date), year: year)
            }
        }
        // A month, with or without a year.
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
        guard let monthIndex = words.firstIndex(where: { word in monthStems.contains { word.hasPrefix($0.0) && ($0.0 != "ма" || word.hasPrefix("май") || word.hasPrefix("мая")) } }) else {
            return Reading(deadline: .none, outOfYear: nil)
        }
        let word = words[monthIndex]
        let month = monthStems.first { word.hasPrefix($0.0) && ($0.0 != "ма" || word.hasPrefix("май") || word.hasPrefix("мая")) }!.1
        let explicitYear = words[(monthIndex + 1)...].lazy.compactMap { Int($0.filter(\.isNumber)) }.first { $0 >= 1900 && $0 < 2200 }
        let calendarYear = explicitYear ?? year.year(ofMonth: month)
        let endOfMonth = CalendarDate.endOfMonth(year: calendarYear, month: month)
        if before && !text.contains("конц") {
            // «До декабря 2022 г»: before the month begins.
            return checked(.date(CalendarDate(year: calendarYear, month: month, day: 1)!.adding(days: -1)), year: year)
        }
        // «До конца октября», «Май 2023»: by the end of the month.
        return checked(.date(endOfMonth), year: year)
    }

    /// A date before the academic year begins is dropped with a note.
    static func checked(_ deadline: Deadline, year: AcademicYear) -> Reading {
        if let date = deadline.dueDate, date < year.start { return Reading(deadline: .none, outOfYear: date) }
        return Reading(deadline: deadline, outOfYear: nil)
    }
}
