/// Finds the roster person a name reference means, by a hash index on surname and first initial.
final class PersonIndex {
    private var bySurnameInitial: [String: [Person]] = [:]
    private var bySurname: [String: [Person]] = [:]

    init(_ people: [Person]) {
        for person in people {
            let surname = PersonName.fold(person.name.surname)
            bySurname[surname, default: []].append(person)
            bySurnameInitial[surname + "|" + PersonName.fold(String(person.name.given.prefix(1))), default: []].append(person)
        }
    }

    /// The outcome of resolving one reference.
    enum Resolution {
        case found(Person)
        case notFound
        case ambiguous([Person])
    }

    /// Resolves `reference`, narrowed by a class or position written beside it and by allowed categories.
    func resolve(_ reference: NameReference, classOrPosition: String?, categories: Set<Category>? = nil) -> Resolution {
        let candidates = (reference.given.isEmpty ? bySurname[PersonName.fold(reference.surname)] : bySurnameInitial[reference.indexKey]) ?? []
        var matches = candidates.filter { reference.matches($0.name) }
        if matches.count > 1, let hint = classOrPosition.map(TextCleaning.clean), !hint.isEmpty {
            let schoolClass = ContactReading.schoolClass(hint)
            let narrowed = matches.filter { person in
                if let schoolClass, let own = person.schoolClass { return own == schoolClass || (schoolClass.count <= 2 && own.hasPrefix(schoolClass)) }
                if let position = person.position { return position.lowercased().contains(hint.lowercased()) || hint.lowercased().contains(position.lowercased()) }
                return false
            }
            if !narrowed.isEmpty { matches = narrowed }
        }
        if matches.count > 1, let categories {
            let narrowed = matches.filter { categories.contains($0.category) }
            if !narrowed.isEmpty { matches = narrowed }
        }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(matches[0])
        default: return .ambiguous(matches)
        }
    }
}
