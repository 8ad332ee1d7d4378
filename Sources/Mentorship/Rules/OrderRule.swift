/// The one rule for both order drafts (`checks.md`): a valid unit goes in with those members who have a
/// valid consent; a pair whose mentor or mentee lacks one stays out, a group goes in without them.
public enum OrderRule {
    public struct Decision {
        public var included: Bool
        public var members: [Person]
        public var text: String
    }

    public static func decision(for unit: MentoringUnit, in register: Register) -> Decision {
        guard unit.isValid, let mentor = unit.mentor else {
            let why = unit.problems.isEmpty ? "пара не сформирована" : unit.problems.joined(separator: "; ")
            return Decision(included: false, members: [], text: "нет: \(why) (см. Замечания)")
        }
        func consented(_ person: Person) -> Bool { register.hasValidConsent(person) }
        guard consented(mentor) else { return Decision(included: false, members: [], text: "нет: у наставника нет действующего согласия на обработку ПДн") }
        let with = unit.mentees.filter(consented)
        let without = unit.mentees.filter { !consented($0) }
        if !unit.isGroup {
            return without.isEmpty ? Decision(included: true, members: [mentor] + with, text: "да")
                : Decision(included: false, members: [], text: "нет: у наставляемого нет действующего согласия на обработку ПДн")
        }
        if with.isEmpty { return Decision(included: false, members: [], text: "нет: ни у одного наставляемого нет действующего согласия") }
        return Decision(included: true, members: [mentor] + with,
                        text: without.isEmpty ? "да" : "да, без: " + without.map(\.name.short).joined(separator: ", ") + " (нет согласия)")
    }

    /// Why a unit is not valid: a member's roster row has an error (no name is declined).
    static func rosterRowProblem(_ names: [String]) -> String { "ошибка в строке списка: \(names.joined(separator: ", "))" }

    /// Why a unit is not valid: an error on one of its rows of the pairs table.
    static func rowProblem(_ row: Int) -> String { "ошибка в строке \(row)" }
}
