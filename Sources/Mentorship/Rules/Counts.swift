/// The counts of `report.json` and of the upload's «Сводка ОО» (`checks.md`: valid units, participants; partners
/// as distinct organisations).
public struct RegisterCounts: Equatable, Sendable {
    public var participants = 0, mentors = 0, mentees = 0, pairs = 0, groups = 0, partners = 0

    /// Each count with its key in `report.json` and its column in «Сводка ОО», in that order.
    public static let fields: [(key: String, russian: String, path: KeyPath<RegisterCounts, Int>)] = [
        ("participants", "Участников", \.participants), ("mentors", "Наставников", \.mentors), ("mentees", "Наставляемых", \.mentees),
        ("pairs", "Пар", \.pairs), ("groups", "Групп", \.groups), ("partners", "Организаций-партнёров", \.partners),
    ]

    /// The counts in their fixed order, with their keys.
    public var ordered: [(key: String, value: Int)] { Self.fields.map { ($0.key, self[keyPath: $0.path]) } }

    /// The counts of a built register.
    static func of(_ register: Register) -> RegisterCounts {
        let valid = register.units.filter(\.isValid)
        var mentors = Set<ObjectIdentifier>(), mentees = Set<ObjectIdentifier>()
        for unit in valid {
            if let mentor = unit.mentor { mentors.insert(ObjectIdentifier(mentor)) }
            for mentee in unit.mentees { mentees.insert(ObjectIdentifier(mentee)) }
        }
        let partnerKeys = Set(register.partners.map { $0.inn ?? PersonName.fold($0.name) })
        return RegisterCounts(participants: register.participants.count, mentors: mentors.count, mentees: mentees.count,
                              pairs: valid.filter { !$0.isGroup }.count, groups: valid.filter(\.isGroup).count, partners: partnerKeys.count)
    }
}
