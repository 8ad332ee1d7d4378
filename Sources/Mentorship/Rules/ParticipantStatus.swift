/// The role and status a person has across their units, and whether their consent is valid: the register, the
/// comparison tables, the order rule, the indicators and the regional upload ask these.
extension Register {
    /// «наставник», «наставляемый», «наставник и наставляемый», or "" for a person in no unit.
    func roleText(of person: Person) -> String {
        let units = units(of: person)
        let mentors = units.contains { $0.mentor === person }
        let mentees = units.contains { $0.mentees.contains { $0 === person } }
        return mentors && mentees ? "наставник и наставляемый" : mentors ? Role.mentor.russian : mentees ? Role.mentee.russian : ""
    }
}

extension Register {
    /// A valid consent: present, given by the right signer, not withdrawn by the as-of date. The order rule, the
    /// `consents` indicator and the regional upload's names (personal data only with one) all ask this.
    public func hasValidConsent(_ person: Person) -> Bool { consent(of: person)?.isValid == true }

    /// The register's «Статус»: без пары, завершил (every unit ended before the as-of date) or в паре.
    func registerStatus(of person: Person) -> String {
        let units = units(of: person)
        let end = units.isEmpty || units.contains { $0.end == nil } ? nil : units.compactMap(\.end).max()
        return units.isEmpty ? "без пары" : (end.map { $0 < asOf } ?? false) ? "завершил" : "в паре"
    }
}
