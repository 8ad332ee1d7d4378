/// A person's contacts as the register and the bases show them: the person's own phone and e-mail where any input
/// has them, else a pupil's legal representative's, marked as such.
enum ContactText {
    static let representativeMark = " (законный представитель)"

    /// The phone: the person's own, else the representative's, marked.
    static func phone(of person: Person) -> String? {
        person.phone ?? person.guardianPhone.map { $0 + representativeMark }
    }

    /// Everything to reach the person by, for the bases' «Контактные данные для связи»: own phone and e-mail, and
    /// the representative (name and phone) where the person has no phone of their own.
    static func all(of person: Person) -> String? {
        var parts = [person.phone, person.email].compactMap { $0 }
        if person.phone == nil, person.guardianPhone != nil || person.guardianName != nil {
            parts.append("законный представитель" + (person.guardianName.map { " \($0)" } ?? "") + (person.guardianPhone.map { ": \($0)" } ?? ""))
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}

/// Values a roster row gave that were refused (an invalid СНИЛС, phone, e-mail): shown where a blank would hide them.
struct RefusedValues {
    private var byPlace: [String: [String: Issue]] = [:]

    init(_ issues: [Issue], fields: Set<String>) {
        for issue in issues {
            guard let field = issue.field, fields.contains(field), let row = issue.row, issue.value != nil else { continue }
            byPlace[issue.file + "\u{1}" + (issue.sheet ?? "") + "\u{1}" + String(row), default: [:]][field] = issue
        }
    }

    /// The refused value of `field` on any of the person's source rows, as «123-456 (ошибка: см. Замечания)».
    func text(_ field: String, of person: Person) -> String? {
        for source in person.sources {
            if let issue = byPlace[source.file + "\u{1}" + source.sheet + "\u{1}" + String(source.row)]?[field], let value = issue.value {
                return "\(value) (\(issue.severity.russian): см. Замечания, \(issue.cell ?? source.rowReference))"
            }
        }
        return nil
    }
}
