/// The rules that depend on a pupil's age, each decided on the safe side when the age is unknown (a roster
/// without birth dates, `inputs.md` «Rosters as schools export them»), and saying so.
enum AgeRules {
    /// Who must sign a person's consent on a date.
    enum ConsentSigner: Equatable {
        /// The person may sign (an adult, a pupil of 14 or more).
        case anyone
        /// A legal representative: the pupil was under 14 on that date.
        case representative(age: Int)
        /// A legal representative: the pupil's age is unknown (no birth date), so the safe side.
        case representativeAgeUnknown
    }

    /// Who must sign a pupil's consent given on `date`: a legal representative under 14 or when the age is unknown.
    static func consentSigner(of person: Person, on date: CalendarDate) -> ConsentSigner {
        guard person.category == .student else { return .anyone }
        guard let age = person.age(on: date) else { return .representativeAgeUnknown }
        return age < 14 ? .representative(age: age) : .anyone
    }

    /// How a pupil was placed for the 10–18 indicator.
    enum AgeBand: Equatable {
        /// By age on the as-of date.
        case byAge(inBand: Bool)
        /// No birth date: by grade, 5–11 counting as 10–18.
        case byGrade(inBand: Bool)
        /// Neither a birth date nor a class: not counted.
        case unknown

        var inBand: Bool {
            switch self {
            case .byAge(let inBand), .byGrade(let inBand): return inBand
            case .unknown: return false
            }
        }
    }

    /// The grades that count as aged 10–18 for a pupil without a birth date.
    static let grades10to18 = 5...11

    /// Whether a pupil counts as aged 10–18 on `date`: by age, else (no birth date) by grade 5–11.
    static func band10to18(_ person: Person, on date: CalendarDate) -> AgeBand {
        if let age = person.age(on: date) { return .byAge(inBand: (10...18).contains(age)) }
        guard let grade = person.schoolClass.flatMap(ContactReading.grade(of:)) else { return .unknown }
        return .byGrade(inBand: grades10to18.contains(grade))
    }
}
