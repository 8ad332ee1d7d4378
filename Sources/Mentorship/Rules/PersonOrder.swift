/// The one order of people in every output (`outputs.md`, «Deterministic»).
enum PersonOrder {
    /// People in the register's order: surname, name, patronymic (case-folded, `ё` as `е`, then code
    /// point), birth date, source position. Keys are computed once per person.
    static func ordered(_ people: [Person]) -> [Person] {
        let keyed = people.map { person -> ([UInt32], String, SourceRef, Person) in
            let folded = [person.name.surname, person.name.given, person.name.patronymic].map(PersonName.fold).joined(separator: "\u{1}")
            return (folded.unicodeScalars.map(\.value), person.birthDate?.iso ?? "", person.origin, person)
        }
        let counter = OperationCounter.current
        return keyed.sorted { a, b in
            counter?.add(.sortComparison)
            if a.0 != b.0 { return a.0.lexicographicallyPrecedes(b.0) }
            if a.1 != b.1 { return a.1 < b.1 }
            return a.2 < b.2
        }.map(\.3)
    }
}
