/// Finds the roster person a name reference means, by hash indexes on the folded name at the detail the
/// reference gives (surname; with the given name or its initial; with the patronymic or its initial), so
/// that a lookup examines the people who match, not a growing bucket. Names are folded once, here.
final class PersonIndex {
    /// A person with the folded parts a reference is compared with.
    private struct Entry {
        let person: Person
        let given: String
        let givenInitial: String
        let patronymic: String
        let patronymicInitial: String
    }

    private var bySurname: [String: [Entry]] = [:]
    private var bySurnameInitial: [String: [Entry]] = [:]
    private var bySurnameInitials: [String: [Entry]] = [:]
    private var bySurnameGiven: [String: [Entry]] = [:]
    private var byFullName: [String: [Entry]] = [:]

    init(_ people: [Person]) {
        for person in people {
            let surname = PersonName.fold(person.name.surname)
            let given = PersonName.fold(person.name.given), patronymic = PersonName.fold(person.name.patronymic)
            let entry = Entry(person: person, given: given, givenInitial: PersonName.fold(String(person.name.given.prefix(1))),
                              patronymic: patronymic, patronymicInitial: PersonName.fold(String(person.name.patronymic.prefix(1))))
            bySurname[surname, default: []].append(entry)
            bySurnameInitial[surname + "|" + entry.givenInitial, default: []].append(entry)
            bySurnameInitials[surname + "|" + entry.givenInitial + "|" + entry.patronymicInitial, default: []].append(entry)
            bySurnameGiven[surname + "|" + given, default: []].append(entry)
            byFullName[surname + "|" + given + "|" + patronymic, default: []].append(entry)
        }
    }

    /// The people `reference` names (``NameReference/matches(_:)``), in roster order.
    private func candidates(_ reference: NameReference) -> [Person] {
        let surname = PersonName.fold(reference.surname)
        let given = PersonName.fold(reference.given), patronymic = PersonName.fold(reference.patronymic)
        let givenIsInitial = reference.given.count == 1, patronymicIsInitial = reference.patronymic.count == 1
        let bucket: [Entry]?
        switch (reference.given.isEmpty, givenIsInitial, reference.patronymic.isEmpty, patronymicIsInitial) {
        case (true, _, _, _): bucket = bySurname[surname]
        case (false, true, false, true): bucket = bySurnameInitials[surname + "|" + given + "|" + patronymic]
        case (false, true, _, _): bucket = bySurnameInitial[surname + "|" + given]
        case (false, false, false, false): bucket = byFullName[surname + "|" + given + "|" + patronymic]
        case (false, false, _, _): bucket = bySurnameGiven[surname + "|" + given]
        }
        guard let bucket else { return [] }
        OperationCounter.current?.add(.personCandidate, bucket.count)
        return bucket.filter { entry in
            if givenIsInitial, entry.givenInitial != given { return false }
            if reference.patronymic.isEmpty { return true }
            return patronymicIsInitial ? entry.patronymicInitial == patronymic : entry.patronymic == patronymic
        }.map(\.person)
    }

    /// The outcome of resolving one reference.
    enum Resolution {
        case found(Person)
        case notFound
        case ambiguous([Person])
    }

    /// Resolves `reference`, narrowed by a class or position written beside it and by allowed categories.
    func resolve(_ reference: NameReference, classOrPosition: String?, categories: Set<Category>? = nil) -> Resolution {
        var matches = candidates(reference)
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

extension SheetRow {
    /// The person's name as the row gives it (one column or three) and the field that holds it.
    var personName: (text: String, field: String) {
        if recognition.column(of: "full_name") != nil { return (text("full_name"), "full_name") }
        return ([text("last_name"), text("first_name"), text("patronymic")].filter { !$0.isEmpty }.joined(separator: " "), "last_name")
    }
}

extension PersonIndex {
    /// What became of the name a row of a referring table gives.
    enum RowReference {
        case found(Person)
        /// Found in no roster (reported when the caller asked for it).
        case missing(text: String, field: String)
        /// Empty, not a name, or ambiguous: reported; the row is rejected.
        case rejected
    }

    /// Resolves the person a row names, narrowed by its class or position, reporting what goes wrong;
    /// a name found in no roster is reported in the wording `missing` (not at all when nil).
    func resolve(_ row: SheetRow, log: IssueLog, missing: IssueVariant?) -> RowReference {
        let (text, field) = row.personName
        guard !text.isEmpty else {
            log.add(Issue(.valueRequired, at: row.place(field), field: field, value: nil))
            return .rejected
        }
        // The class beside the name, else the class the sheet is about (its name or title, ``SheetClass``).
        let hint = row.recognition.column(of: "class_or_position") != nil ? row.text("class_or_position") : row.recognition.sheetClass ?? ""
        return resolve(text, field: field, place: row.place(field), hint: hint, categories: nil, log: log,
                       missing: missing)
    }

    /// Resolves one name a cell gives, reporting NAME_INVALID, PERSON_AMBIGUOUS and (in the wording `missing`)
    /// PERSON_NOT_FOUND at `place`.
    func resolve(_ text: String, field: String, place: SourceRef, hint: String, categories: Set<Category>?, log: IssueLog,
                 missing: IssueVariant?) -> RowReference {
        guard let reference = NameReference.parse(text).reference else {
            log.add(Issue(.nameInvalid, .reference, at: place, field: field, value: text))
            return .rejected
        }
        switch resolve(reference, classOrPosition: hint.isEmpty ? nil : hint, categories: categories) {
        case .found(let person): return .found(person)
        case .notFound:
            if let missing {
                log.add(Issue(.personNotFound, missing, at: place, field: field, value: text))
            }
            return .missing(text: text, field: field)
        case .ambiguous(let people):
            log.add(Issue(.personAmbiguous, at: place, field: field, value: text,
                          ["people": people.map { "\($0.name) (\($0.classOrPosition))" }.joined(separator: "; ")]))
            return .rejected
        }
    }
}
