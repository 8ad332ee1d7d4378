/// One pair or group: a mentor with one or several mentees, a form, dates and a plan.
public final class MentoringUnit {
    /// The unit's number as the pairs table gives it (or its row, when it gives none).
    public var number: String
    public var form: MentoringForm?
    public var mentor: Person?
    public var mentees: [Person] = []
    public var start: CalendarDate?
    public var end: CalendarDate?
    public var planApproved: Bool?
    /// Plan completion, 0–1: the share of the items done in the plans table, else the pairs table's value.
    public var planDone: Double?
    /// Where the completion was read, and its text (for `PLAN_BEHIND`).
    var planDonePlace: SourceRef?
    var planDoneText: String?
    /// The items of the unit's individual plan (the `plans` kind), in the table's order.
    public var planItems: [PlanItem] = []
    /// Rows of the pairs table that make the unit.
    public var rows: [SourceRef] = []
    /// The mentor's cell on the unit's first row.
    public var mentorCell: SourceRef?
    /// The unit has an `error` on one of its rows.
    public var hasError = false
    /// Why the unit is not valid, for the «в приказе» column.
    public var problems: [String] = []

    init(number: String) { self.number = number }

    /// A valid unit has no error on any of its rows and a mentor and at least one mentee.
    public var isValid: Bool { !hasError && mentor != nil && !mentees.isEmpty }
    public var isGroup: Bool { mentees.count > 1 }
}

/// One item of an individual plan.
public struct PlanItem: Sendable {
    public var text: String
    /// The deadline as the plan writes it («октябрь 2025», «в течение года»).
    public var deadline: String
    public var done: Bool
    public var place: SourceRef
}

/// A personal-data consent as the consents table gives it.
public struct Consent {
    public var date: CalendarDate
    /// Given by a legal representative (true), the person (false), or not said (nil).
    public var byRepresentative: Bool?
    public var withdrawn: CalendarDate?
    public var place: SourceRef
    /// Present, given by the right signer and not withdrawn by the as-of date.
    public var isValid: Bool
    /// Why not, when it is not valid.
    public var problem: String?
}
