/// Working days of the Russian calendar: not a Saturday, a Sunday, or a non-working holiday of art. 112 of the
/// Labour Code (1–8 January, 23 February, 8 March, 1 and 9 May, 12 June, 4 November). The government's yearly
/// transfers of days off are not known here.
enum WorkingDays {
    /// The non-working holidays of art. 112 ТК РФ, as (month, day).
    static let holidays: Set<[Int]> = [[1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 6], [1, 7], [1, 8], [2, 23], [3, 8],
                                       [5, 1], [5, 9], [6, 12], [11, 4]]

    /// ISO weekday: 1 Monday … 7 Sunday.
    static func weekday(_ date: CalendarDate) -> Int {
        // 1970-01-01 was a Thursday (4).
        let days = date.daysSinceEpoch
        return ((days % 7 + 7) % 7 + 3) % 7 + 1
    }

    static func isWorking(_ date: CalendarDate) -> Bool {
        weekday(date) < 6 && !holidays.contains([date.month, date.day])
    }

    /// The working day on or before `date`.
    static func onOrBefore(_ date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorking(day) { day = day.adding(days: -1) }
        return day
    }

    /// The working day on or after `date`.
    static func onOrAfter(_ date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorking(day) { day = day.adding(days: 1) }
        return day
    }
}

/// The date by which mentors hand in their individual plans (the pairs order's item 3 and `{{plans_deadline}}`).
enum PlansDeadline {
    /// The settings' «Срок представления планов» when given; else 30 days after the as-of date, no later than the
    /// earliest end of the units in the order, moved back to a working day; never before the as-of date.
    static func date(asOf: CalendarDate, endings: [CalendarDate], given: CalendarDate?) -> CalendarDate {
        if let given { return given }
        var deadline = asOf.adding(days: 30)
        if let earliest = endings.min(), earliest < deadline { deadline = earliest }
        deadline = WorkingDays.onOrBefore(deadline)
        if deadline < asOf {
            // No working day between the as-of date and the limit: the first working day from the as-of date,
            // unless that passes the limit too, and then the as-of date itself.
            let next = WorkingDays.onOrAfter(asOf)
            deadline = endings.min().map { next <= max($0, asOf) ? next : asOf } ?? next
        }
        return deadline
    }
}
