/// A flood is one issue: a sheet with at least 20 rows naming people, of which at least 80% are found in no
/// roster (an olympiad export, another school's list), gets one `SHEET_PEOPLE_UNKNOWN` for the sheet (the count
/// and the first five names) instead of a `PERSON_NOT_FOUND` per row; those rows are rejected. Below that,
/// each row is read and reported as usual.
enum PeopleFlood {
    static let minimumRows = 20
    static let unknownShare = 0.8

    /// The rows (Excel numbers) of a flooded sheet whose people are unknown, the issue logged; empty otherwise.
    /// A row names people in its name column, or (pairs) in its mentor and mentee cells; it is unknown when
    /// every name on it is found in no roster.
    static func unknownRows(_ sheet: RecognisedSheet, index: PersonIndex, log: IssueLog) -> Set<Int> {
        var naming = 0
        var unknown: [(row: Int, name: String)] = []
        for row in sheet.rows {
            let names = sheet.recognition.kind == .pairs
                ? [row.text("mentor")] + MenteeList.split(row.cell("mentee").value.textWithBreaks)
                : [row.personName.text]
            let references = names.compactMap { name in NameReference.parse(name).reference.map { (reference: $0, text: name) } }
            guard !references.isEmpty else { continue }
            naming += 1
            let allUnknown = references.allSatisfy { item in
                if case .notFound = index.resolve(item.reference, classOrPosition: nil) { return true }
                return false
            }
            if allUnknown { unknown.append((row.row.number, references[0].text)) }
        }
        guard naming >= minimumRows, Double(unknown.count) >= unknownShare * Double(naming) else { return [] }
        let names = unknown.prefix(5).map(\.name).joined(separator: ", ")
        log.add(Issue(.sheetPeopleUnknown, file: sheet.file, sheet: sheet.sheet, sheetIndex: sheet.sheetIndex, value: names,
                      ["rows": RussianText.rows(unknown.count), "total": String(naming), "names": names]))
        return Set(unknown.map(\.row))
    }
}
