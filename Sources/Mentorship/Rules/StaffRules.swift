/// Who among the staff is a pedagogical worker (the denominator of `mentors_from_teachers`) and who is a young
/// specialist (`checks.md`).
enum StaffRules {
    static let pedagogicalWords = ["учитель", "преподаватель", "педагог", "воспитатель", "методист", "вожатый", "тьютор",
                                   "логопед", "дефектолог", "советник директора по воспитанию"]

    /// A position that makes its holder a pedagogical worker.
    static func isPedagogical(position: String) -> Bool { pedagogicalWords.contains { position.lowercased().contains($0) } }
}

extension RosterBuilder {
    /// Young specialist: an explicit mark wins, else a teaching start under 3 years before the as-of date,
    /// else experience under 3 years; disagreeing signals are `PERSON_CONFLICT`.
    func isYoungSpecialist(_ row: SheetRow) -> Bool {
        let explicit = row.text("young_specialist").isEmpty ? nil : ContactReading.yesNo(row.text("young_specialist"))
        var byStart: Bool?
        if case .date(let start) = log.date(row, "teaching_start", pivotYear: asOf.year) {
            byStart = start.years(until: asOf) < 3
        }
        let byExperience = Experience.years(row.text("experience")).map { $0 < 3 }
        let derived = byStart ?? byExperience
        if let explicit, let derived, explicit != derived {
            let basis = byStart != nil ? "teaching_start" : "experience"
            log.add(Issue(.personConflict, .youngSpecialist, at: row.place("young_specialist"), field: "young_specialist", value: row.text("young_specialist"),
                          ["name": row.personName.text, "basis": "«\(FieldNames.russian(basis))»", "there": row.place(basis).description,
                           "other": row.text(basis)]))
        }
        return explicit ?? derived ?? false
    }
}
