/// Who the participants are and the checks on people as a whole (`checks.md`): a participant stands on a pairs
/// row that resolved to them or asked for a role; `CONSENT_MISSING` for participants, `PARTICIPANT_UNPAIRED`
/// for those who asked or are young specialists and are in no pair, `EMPLOYER_UNKNOWN_ORG` for employer
/// mentors whose organisation is not a partner.
enum PersonChecks {
    /// Sets the register's participants and logs the person-level issues (the register's people, units,
    /// consents, respondents and partners read already).
    static func run(_ register: Register, onPairRows: Set<ObjectIdentifier>, log: IssueLog) {
        // Participants: on a pairs row that resolved to them, or asked for a role.
        let asked = Set(register.respondents.compactMap { $0.person.map(ObjectIdentifier.init) })
        register.participants = register.people.filter { onPairRows.contains(ObjectIdentifier($0)) || asked.contains(ObjectIdentifier($0)) }

        // Person-level checks.
        let paired = Set<ObjectIdentifier>(register.units.flatMap { unit -> [ObjectIdentifier] in ([unit.mentor].compactMap { $0 } + unit.mentees).map { ObjectIdentifier($0) } })
        for person in register.participants where register.consents[ObjectIdentifier(person)] == nil {
            let signer = AgeRules.consentSigner(of: person, on: register.asOf)
            log.add(Issue(.consentMissing, signer == .anyone ? .standard : signer == .representativeAgeUnknown ? .ageUnknown : .representative,
                          at: person.origin, field: "person", value: nil, person: person.name.description))
        }
        for person in register.people where !paired.contains(ObjectIdentifier(person))
            && (asked.contains(ObjectIdentifier(person)) || person.category == .youngSpecialist) {
            log.add(Issue(.participantUnpaired, person.category == .youngSpecialist ? .youngSpecialist : .standard,
                          at: person.origin, field: "person", value: nil, person: person.name.description))
        }
        // Employers whose organisation is not a partner.
        let partnerMatch = PartnerMatch(partnerNames: register.partners.map(\.name))
        var isPartner: [FoldedText: Bool] = [:]
        for unit in register.units {
            guard let mentor = unit.mentor, mentor.category == .employer, let place = unit.mentorCell else { continue }
            let organisation = FoldedText(mentor.organisation ?? "")
            let known = isPartner[organisation] ?? !partnerMatch.partners(matching: organisation).isEmpty
            isPartner[organisation] = known
            if organisation.isEmpty || !known {
                log.add(Issue(.employerUnknownOrg, organisation.isEmpty ? .noOrganisation : .standard, at: place, field: "mentor", value: mentor.name.description,
                              ["name": mentor.name.short, "organisation": mentor.organisation ?? ""]))
            }
        }
    }
}
