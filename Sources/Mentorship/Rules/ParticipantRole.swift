/// The role a person plays across their units, as the register and the comparison tables show it.
extension Register {
    /// «наставник», «наставляемый», «наставник и наставляемый», or "" for a person in no unit.
    func roleText(of person: Person) -> String {
        let units = units(of: person)
        let mentors = units.contains { $0.mentor === person }
        let mentees = units.contains { $0.mentees.contains { $0 === person } }
        return mentors && mentees ? "наставник и наставляемый" : mentors ? Role.mentor.russian : mentees ? Role.mentee.russian : ""
    }
}
