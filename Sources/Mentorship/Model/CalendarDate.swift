import SheetIO

/// A day of the proleptic Gregorian calendar, with no time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil for an impossible one (31.02.2010).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let civil = CivilDate.civil(fromEpochDays: days)
        year = civil.year
        month = civil.month
        day = civil.day
    }

    public var daysSinceEpoch: Int { CivilDate.daysFromEpoch(year: year, month: month, day: day) }

    /// `YYYY-MM-DD`.
    public var description: String { iso }
    public var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
    /// `DD.MM.YYYY`, as Russian documents write dates.
    public var russian: String { "\(Self.pad(day, 2)).\(Self.pad(month, 2)).\(Self.pad(year, 4))" }

    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole years from `self` to `date` (an age on `date`).
    public func years(until date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// The last day of a month.
    public static func endOfMonth(year: Int, month: Int) -> CalendarDate {
        let next = month == 12 ? CalendarDate(year: year + 1, month: 1, day: 1)! : CalendarDate(year: year, month: month + 1, day: 1)!
        return next.adding(days: -1)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date of an Excel date cell (its day; a time of day is dropped).
    public init?(_ temporal: ExcelTemporal) {
        guard temporal.kind != .duration, temporal.kind != .time else { return nil }
        let c = temporal.components
        self.init(year: c.year, month: c.month, day: c.day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
