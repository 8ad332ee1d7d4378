/// A roadmap position's status on the as-of date: always one of four; a rule such as «по отдельному графику»
/// stays in the deadline column.
public enum RoadmapStatus: String, Sendable, CaseIterable {
    case done = "выполнено", onTime = "в срок", overdue = "просрочено", noDeadline = "без срока"

    public var russian: String { rawValue }
}

/// The one boundary of the roadmap: a deadline is the last allowed day. A position is due (counted in
/// `roadmap_done`) when its deadline is on or before the as-of date; it is overdue (`ROADMAP_OVERDUE`,
/// «просрочено») from the day after, when not marked done. A recurring position («1 раз в квартал») is due
/// once a diagnostic period present has ended by the as-of date, and overdue once one ended before it.
enum RoadmapRule {
    static func judge(_ deadline: Deadline, done: Bool, asOf: CalendarDate, periods: [Period]) -> (status: RoadmapStatus, due: Bool) {
        let due: Bool, overdue: Bool, dated: Bool
        switch deadline {
        case .date(let day), .continuous(let day):
            (due, overdue, dated) = (day <= asOf, day < asOf, true)
        case .quarterly:
            (due, overdue, dated) = (periods.contains { $0.end <= asOf }, periods.contains { $0.end < asOf }, true)
        case .separateSchedule, .none:
            (due, overdue, dated) = (false, false, false)
        }
        let status: RoadmapStatus = done ? .done : overdue ? .overdue : dated ? .onTime : .noDeadline
        return (status, due)
    }
}
