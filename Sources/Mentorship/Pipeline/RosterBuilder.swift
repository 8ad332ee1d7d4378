import Foundation
import SheetIO

/// Reads the rosters (students, staff, external participants) into people: each value normalised and
/// checked, rows of one person merged by СНИЛС, then by name and birth date, then by name and category.
final class RosterBuilder {
    let asOf: CalendarDate
    let log: IssueLog
    private(set) var people: [Person] = []
    private var bySNILS: [String: Person] = [:]
    private var byKey: [String: Person] = [:]
    private var byNameCategory: [String: [Person]] = [:]
    private var seenRows: [String: SourceRef] = [:]
    var reconciliation = Reconciliation()

    init(asOf: CalendarDate, log: IssueLog) {
        self.asOf = asOf
        self.log = log
    }

    /// Reads every row of a roster sheet.
    func read(_ sheet: RecognisedSheet) {
        guard let kind = sheet.recognition.kind else { return }
        reportAbsentColumns(sheet)
        for row in sheet.rows { reconciliation.count(read(row, kind: kind)) }
    }

    /// A pupils' roster without a birth-date or class column is read, with one warning for the sheet each
    /// (`BIRTH_DATES_MISSING`; `CLASS_MISSING` only when neither the sheet's name nor a title names the class).
    private func reportAbsentColumns(_ sheet: RecognisedSheet) {
        let absent = sheet.recognition.absentFields
        if absent.contains("birth_date") {
            log.add(Issue(.birthDatesMissing, file: sheet.file, sheet: sheet.sheet, sheetIndex: sheet.sheetIndex))
        }
        if absent.contains("class"), sheet.recognition.sheetClass == nil {
            log.add(Issue(.classMissing, file: sheet.file, sheet: sheet.sheet, sheetIndex: sheet.sheetIndex))
        }
    }

    private func read(_ row: SheetRow, kind: TableKind) -> RowOutcome {
        var rejected = false
        // Name.
        let (rawName, nameField) = row.personName
        let namePlace = row.place(nameField)
        if rawName.isEmpty {
            log.add(Issue(.valueRequired, at: namePlace, field: nameField, value: nil))
            return .rejected
        }
        let reading = nameField == "full_name" ? NameNormaliser.readFull(rawName)
            : NameNormaliser.readParts(surname: row.text("last_name"), given: row.text("first_name"), patronymic: row.text("patronymic"))
        guard let name = reading.name else {
            log.add(Issue(.nameInvalid, at: namePlace, field: nameField, value: rawName, ["reason": reading.problem ?? ""]))
            return .rejected
        }
        if reading.replacedLatin {
            log.add(Issue(.nameMixedScript, at: namePlace, field: nameField, value: rawName, ["name": name.description]))
        }

        // Category.
        var category: Category
        switch kind {
        case .students: category = .student
        case .staff: category = .teacher
        default:
            let parsed = log.required(row, "category", parse: Category.parse, invalid: .categoryUnknown)
            if parsed == nil { rejected = true }
            category = parsed ?? .parent
        }

        // Birth date (required for pupils).
        var birthDate: CalendarDate?
        let birthCell = row.cell("birth_date")
        switch log.date(row, "birth_date", pivotYear: asOf.year) {
        case .empty:
            // A roster without the column is reported once for the sheet (`BIRTH_DATES_MISSING`).
            if kind == .students, birthCell.present {
                log.add(Issue(.valueRequired, at: row.place("birth_date"), field: "birth_date", value: nil))
                rejected = true
            }
        case .invalid:
            rejected = rejected || kind == .students
        case .date(let date):
            let age = date.years(until: asOf)
            if date > asOf || age < 6 || age > 90 {
                log.add(Issue(.dateOutOfRange, date > asOf ? .birthFuture : .birthAge, at: row.place("birth_date"), field: "birth_date", value: birthCell.text,
                              ["date": date.russian, "age": RussianText.years(age)]))
                rejected = rejected || kind == .students
            } else {
                birthDate = date
            }
        }

        // Class (pupils) or position (staff).
        var schoolClass: String?
        var position: String?
        if kind == .students, row.recognition.column(of: "class") == nil {
            // No class column: the class the sheet's name or title gives, else none (`CLASS_MISSING` for the sheet).
            schoolClass = row.recognition.sheetClass
        } else if kind == .students {
            schoolClass = log.required(row, "class", parse: ContactReading.schoolClass, invalid: .classInvalid)
            if schoolClass == nil { rejected = true }
        }
        let rawPosition = row.text("position")
        if kind == .staff && rawPosition.isEmpty {
            log.add(Issue(.valueRequired, at: row.place("position"), field: "position", value: nil))
            rejected = true
        }
        if !rawPosition.isEmpty { position = rawPosition }

        // Contacts: problems here are warnings, the row is used.
        let snils = checked(row, "snils", ContactReading.snils, code: .snilsInvalid)
        let phone = contact(row, "phone", ContactReading.phone, code: .phoneInvalid)
        let email = contact(row, "email", ContactReading.email, code: .emailInvalid)
        let guardianPhone = contact(row, "guardian_phone", ContactReading.phone, code: .phoneInvalid)

        if kind == .staff, category == .teacher, isYoungSpecialist(row) { category = .youngSpecialist }

        let origin = row.place(nameField)
        // The same row twice (a duplicate of an earlier row of the same kind).
        let rowKey = DuplicateRow.key(row, kind: kind) + (row.recognition.column(of: "class") == nil ? "|" + (schoolClass ?? "") : "")
        if let earlier = seenRows[rowKey] {
            log.add(Issue(.rowDuplicate, at: row.place(column: 1), field: nil, value: name.description,
                          ["row": String(earlier.row), "place": "\(earlier.file)!\(earlier.sheet)"]))
            return .merged
        }
        seenRows[rowKey] = origin

        // Merge with an earlier row of the same person.
        let probe = Person(name: name, category: category, birthDate: birthDate, origin: origin, rosterKind: kind)
        let existing = snils.flatMap { bySNILS[$0] }
            ?? (birthDate != nil ? byKey[probe.identityKey] : namesake(of: name, category: category, schoolClass: schoolClass))
        if let person = existing {
            merge(into: person, row: row, category: category, birthDate: birthDate, schoolClass: schoolClass, position: position, snils: snils, phone: phone, email: email)
            if rejected { person.rejected = true }
            return rejected ? .rejected : .merged
        }
        let person = probe
        person.schoolClass = schoolClass
        person.position = position
        person.organisation = row.text("organisation").isEmpty ? nil : row.text("organisation")
        person.snils = snils
        person.phone = phone
        person.email = email
        person.guardianName = row.text("guardian_name").isEmpty ? nil : row.text("guardian_name")
        person.guardianPhone = guardianPhone
        person.rejected = rejected
        for column in row.recognition.columns where !CellText.text(row.row[column: column.column]).isEmpty {
            person.fieldSources[column.field] = row.place(column: column.column)
        }
        person.otherValues = RosterBuilder.otherValues(of: row)
        person.isPedagogical = kind == .staff && StaffRules.isPedagogical(position: position ?? "")
        people.append(person)
        if let snils { bySNILS[snils] = person }
        byKey[person.identityKey] = person
        byNameCategory[name.key + "|" + category.rawValue, default: []].append(person)
        return rejected ? .rejected : .used
    }

    /// The person a row without a birth date is, among those of its name and category: two pupils of one
    /// name in different classes are two people; a row without a class is the one namesake it can be, or the
    /// one without a birth date.
    private func namesake(of name: PersonName, category: Category, schoolClass: String?) -> Person? {
        let candidates = (byNameCategory[name.key + "|" + category.rawValue] ?? []).filter { person in
            guard let schoolClass, let own = person.schoolClass else { return true }
            return own == schoolClass
        }
        let sameClass = candidates.filter { $0.schoolClass == schoolClass }
        if sameClass.count == 1 { return sameClass[0] }
        if candidates.count == 1 { return candidates[0] }
        let undated = candidates.filter { $0.birthDate == nil }
        return undated.count == 1 ? undated[0] : nil
    }

    /// Gives an identity key, and so an ID, of its own to each of the people who would otherwise share one
    /// (namesakes without birth dates in different classes): the year the class began first grade and its
    /// letter («5Б» in 2025/2026 → «2021Б»), which stays the same when the class moves up in September.
    /// Everyone else keeps the key `checks.md` gives.
    func disambiguate(academicYear: AcademicYear) {
        let shared = Dictionary(grouping: people, by: \.identityKey).filter { $0.value.count > 1 }
        for (_, namesakes) in shared {
            for person in namesakes {
                guard let schoolClass = person.schoolClass, let grade = ContactReading.grade(of: schoolClass) else { continue }
                person.disambiguate(with: "\(academicYear.startYear - grade + 1)\(schoolClass.drop { $0.isNumber })")
            }
        }
    }

    /// A second row of a known person: conflicting values are reported at the less authoritative cell.
    private func merge(into person: Person, row: SheetRow, category: Category, birthDate: CalendarDate?, schoolClass: String?, position: String?,
                       snils: String?, phone: String?, email: String?) {
        person.sources.append(row.place(column: 1))
        person.otherValues += RosterBuilder.otherValues(of: row).filter { !person.otherValues.contains($0) }
        for column in row.recognition.columns where person.fieldSources[column.field] == nil && !CellText.text(row.row[column: column.column]).isEmpty {
            person.fieldSources[column.field] = row.place(column: column.column)
        }
        func conflict(_ field: String, _ mine: String?, _ theirs: String?) {
            guard let mine, let theirs, mine != theirs else { return }
            let there = person.fieldSources[field] ?? person.origin
            log.add(Issue(.personConflict, at: row.place(field), field: field, value: theirs,
                          ["name": person.name.short, "there": there.description, "other": mine]))
        }
        conflict("birth_date", person.birthDate?.russian, birthDate?.russian)
        if person.category != category, !(person.category == .teacher && category == .youngSpecialist || person.category == .youngSpecialist && category == .teacher) {
            conflict(row.recognition.column(of: "category") != nil ? "category" : row.personName.field, person.category.russian, category.russian)
        }
        conflict("class", person.schoolClass, schoolClass)
        if person.birthDate == nil { person.birthDate = birthDate }
        if person.schoolClass == nil { person.schoolClass = schoolClass }
        if person.position == nil { person.position = position }
        if person.snils == nil { person.snils = snils; if let snils { bySNILS[snils] = person } }
        if person.phone == nil { person.phone = phone }
        if person.email == nil { person.email = email }
    }

    /// «Заголовок: значение» for each filled column that no kind knows.
    static func otherValues(of row: SheetRow) -> [String] {
        zip(row.recognition.unknownHeaders, row.recognition.unknownColumns).compactMap { header, column in
            let value = CellText.text(row.row[column: column])
            return value.isEmpty ? nil : "\(header): \(value)"
        }
    }

    private func checked(_ row: SheetRow, _ field: String, _ check: (String) -> ContactReading.Checked, code: IssueCode) -> String? {
        let raw = row.text(field)
        guard !raw.isEmpty else { return nil }
        switch check(raw) {
        case .valid(let value): return value
        case .invalid(let reason):
            log.add(Issue(code, at: row.place(field), field: field, value: raw, ["reason": reason]))
            return nil
        }
    }

    private func contact(_ row: SheetRow, _ field: String, _ normalise: (String) -> String?, code: IssueCode) -> String? {
        let raw = row.text(field)
        guard !raw.isEmpty else { return nil }
        if let value = normalise(raw) { return value }
        log.add(Issue(code, at: row.place(field), field: field, value: raw))
        return nil
    }
}

/// «Педагогический стаж» in the forms curators write: «2», «2 г. 5 мес.», «1,5».
enum Experience {
    static func years(_ raw: String) -> Double? {
        let text = raw.lowercased().replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty else { return nil }
        if let plain = Double(text) { return plain }
        var numbers: [Double] = []
        var current = ""
        for character in text + " " {
            if character.isNumber || (character == "." && !current.isEmpty) { current.append(character); continue }
            if let value = Double(current) { numbers.append(value) }
            current = ""
        }
        guard let first = numbers.first else { return nil }
        if text.contains("мес"), numbers.count >= 2 { return first + numbers[1] / 12 }
        if text.contains("мес"), !text.contains("г"), !text.contains("л") { return first / 12 }
        return first
    }
}
