import Foundation
import SheetIO

/// Reads the pairs table into units: names resolved against the rosters, forms checked against
/// categories, dates and plans read, duplicates and overloads reported.
final class PairsBuilder {
    let asOf: CalendarDate
    let log: IssueLog
    let index: PersonIndex
    let mentorLimit: Int
    private(set) var units: [MentoringUnit] = []
    private var byNumber: [String: MentoringUnit] = [:]
    private var seenPairs: [String: SourceRef] = [:]
    private var menteesPerMentor: [ObjectIdentifier: Int] = [:]
    private var overloadReported: Set<ObjectIdentifier> = []
    /// Names on the current row that resolved to people whose roster row was rejected.
    private var rejectedReferences: [String] = []
    /// People on any pairs row that resolved to them.
    private(set) var onPairRows: Set<ObjectIdentifier> = []
    var reconciliation = Reconciliation()

    init(asOf: CalendarDate, log: IssueLog, index: PersonIndex, mentorLimit: Int) {
        self.asOf = asOf
        self.log = log
        self.index = index
        self.mentorLimit = mentorLimit
    }

    func read(_ sheet: RecognisedSheet) {
        let flooded = PeopleFlood.unknownRows(sheet, index: index, log: log)
        for row in sheet.rows { reconciliation.count(flooded.contains(row.row.number) ? .rejected : read(row)) }
    }

    private func read(_ row: SheetRow) -> RowOutcome {
        // The form first: it narrows who the names can mean.
        let formText = row.text("form")
        var form: MentoringForm?
        var rowHasError = false
        if !formText.isEmpty {
            form = MentoringForm.parse(formText)
            if form == nil {
                log.add(Issue(.formUnknown, at: row.place("form"), field: "form", value: formText))
                rowHasError = true
            }
        }
        // The mentor.
        let mentorText = row.text("mentor")
        var mentor: Person?
        if mentorText.isEmpty {
            log.add(Issue(.valueRequired, at: row.place("mentor"), field: "mentor", value: nil))
            rowHasError = true
        } else {
            mentor = resolve(mentorText, field: "mentor", place: row.place("mentor"), hint: row.text("mentor_class_or_position"),
                             categories: form?.mentorCategories, rowError: &rowHasError)
        }
        // The mentees: one or several names in the cell.
        let menteeText = row.cell("mentee").value.textWithBreaks
        var mentees: [Person] = []
        let names = MenteeList.split(menteeText)
        if names.isEmpty {
            log.add(Issue(.valueRequired, at: row.place("mentee"), field: "mentee", value: nil))
            rowHasError = true
        }
        var resolvedAny = false
        for name in names {
            if let person = resolve(name, field: "mentee", place: row.place("mentee"), hint: row.text("mentee_class_or_position"),
                                    categories: form?.menteeCategories, rowError: &rowHasError) {
                mentees.append(person)
                resolvedAny = true
            }
        }
        if let mentor { onPairRows.insert(ObjectIdentifier(mentor)) }
        for mentee in mentees { onPairRows.insert(ObjectIdentifier(mentee)) }

        // The unit.
        let unit = self.unit(for: row)
        unit.rows.append(row.place(column: 1))
        if unit.mentorCell == nil { unit.mentorCell = row.place("mentor") }
        if unit.mentor == nil { unit.mentor = mentor } else if let mentor, unit.mentor !== mentor {
            log.add(Issue(.formMismatch, .twoMentors, at: row.place("mentor"), field: "mentor", value: mentorText,
                          ["unit": unit.number, "first": unit.mentor!.name.short, "second": mentor.name.short]))
            rowHasError = true
        }

        // Form: given, or inferred from the mentor; then checked against both sides.
        if checkForm(&form, text: formText, row: row, unit: unit, mentor: mentor, mentees: mentees) { rowHasError = true }

        // Pair checks.
        guard checkPairs(row: row, unit: unit, mentor: mentor, mentees: mentees, form: form, rowHasError: &rowHasError) else { return .merged }

        // Dates and plan.
        readDatesAndPlan(row, unit: unit, rowHasError: &rowHasError)
        if rowHasError {
            unit.hasError = true
            if !rejectedReferences.isEmpty {
                unit.problems.append(OrderRule.rosterRowProblem(rejectedReferences))
            }
            if rejectedReferences.isEmpty || log.hasError(file: row.file, sheetIndex: row.sheetIndex, row: row.row.number) {
                unit.problems.append(OrderRule.rowProblem(row.row.number))
            }
        }
        rejectedReferences.removeAll()
        // Rejected: the mentor or every mentee could not be read.
        return mentor == nil || !resolvedAny ? .rejected : .used
    }

    /// The unit a row belongs to: by its № (a row without one is a unit of its own), made on first sight.
    private func unit(for row: SheetRow) -> MentoringUnit {
        let number = row.text("unit_no").isEmpty ? "\(row.file)!\(row.sheet)!\(row.row.number)" : row.text("unit_no")
        let unit: MentoringUnit
        if let existing = byNumber[number] {
            unit = existing
        } else {
            unit = MentoringUnit(number: row.text("unit_no").isEmpty ? String(units.count + 1) : number)
            byNumber[number] = unit
            units.append(unit)
        }
        return unit
    }

    /// Infers a missing form from the mentor and checks both sides' categories against it; true when that is an error.
    private func checkForm(_ form: inout MentoringForm?, text formText: String, row: SheetRow, unit: MentoringUnit, mentor: Person?, mentees: [Person]) -> Bool {
        var hasError = false
        if form == nil, formText.isEmpty, let mentor {
            form = PairsBuilder.inferredForm(mentor: mentor)
            log.add(Issue(.formInferred, at: row.place(row.recognition.column(of: "form") != nil ? "form" : "mentor"), field: "form", value: nil,
                          ["form": form!.russian]))
        }
        if let form {
            if unit.form == nil { unit.form = form }
            var misfits: [String] = []
            if let mentor, !mentor.rejected, !form.mentorCategories.contains(mentor.category) {
                misfits.append(RussianText.misfit(.mentor, name: mentor.name.short, category: mentor.category))
            }
            for mentee in mentees where !mentee.rejected && !form.menteeCategories.contains(mentee.category) {
                misfits.append(RussianText.misfit(.mentee, name: mentee.name.short, category: mentee.category))
            }
            if !misfits.isEmpty {
                log.add(Issue(.formMismatch, at: row.place(row.recognition.column(of: "form") != nil ? "form" : "mentor"), field: "form", value: formText.isEmpty ? form.russian : formText,
                              ["form": form.russian, "misfits": misfits.joined(separator: ", ")]))
                hasError = true
            }
        }
        return hasError
    }

    /// Checks each mentee against the mentor (self, duplicate, seniority, overload, age) and adds it to the unit;
    /// false when the row repeats an earlier pair (merged).
    private func checkPairs(row: SheetRow, unit: MentoringUnit, mentor: Person?, mentees: [Person], form: MentoringForm?, rowHasError: inout Bool) -> Bool {
        for mentee in mentees {
            if let mentor, mentor === mentee {
                log.add(Issue(.pairSelf, at: row.place("mentee"), field: "mentee", value: mentee.name.description, ["name": mentee.name.short]))
                rowHasError = true
                continue
            }
            if let mentor {
                let key = mentor.identityKey + "→" + mentee.identityKey
                if let earlier = seenPairs[key] {
                    log.add(Issue(.pairDuplicate, at: row.place("mentee"), field: "mentee", value: mentee.name.description,
                                  ["mentor": mentor.name.short, "mentee": mentee.name.short, "row": String(earlier.row)]))
                    return false
                }
                seenPairs[key] = row.place("mentee")
                if form == .studentStudent, let mentorGrade = mentor.schoolClass.flatMap(ContactReading.grade),
                   let menteeGrade = mentee.schoolClass.flatMap(ContactReading.grade), mentorGrade <= menteeGrade {
                    log.add(Issue(.mentorNotSenior, at: row.place("mentor"), field: "mentor", value: mentor.name.description,
                                  ["mentor": mentor.name.short, "mentorClass": mentor.schoolClass!, "mentee": mentee.name.short, "menteeClass": mentee.schoolClass!]))
                }
                let count = (menteesPerMentor[ObjectIdentifier(mentor)] ?? 0) + 1
                menteesPerMentor[ObjectIdentifier(mentor)] = count
                if count > mentorLimit, !overloadReported.contains(ObjectIdentifier(mentor)) {
                    overloadReported.insert(ObjectIdentifier(mentor))
                    log.add(Issue(.mentorOverload, at: row.place("mentor"), field: "mentor", value: mentor.name.description,
                                  ["name": mentor.name.short, "limit": String(mentorLimit)]))
                }
            }
            if mentee.category == .student, let age = mentee.age(on: asOf), age < 10 {
                log.add(Issue(.menteeUnder10, at: row.place("mentee"), field: "mentee", value: mentee.name.description,
                              ["name": mentee.name.short, "age": RussianText.years(age)]))
            }
            if !unit.mentees.contains(where: { $0 === mentee }) { unit.mentees.append(mentee) }
        }
        return true
    }

    /// The unit's dates (an end before the start is an error) and, from its first row, its plan.
    private func readDatesAndPlan(_ row: SheetRow, unit: MentoringUnit, rowHasError: inout Bool) {
        let start = date(row, "start_date", error: &rowHasError)
        let end = date(row, "end_date", error: &rowHasError)
        if let start, let end, start > end {
            log.add(Issue(.dateOutOfRange, .endBeforeStart, at: row.place("end_date"), field: "end_date", value: row.text("end_date"),
                          ["end": end.russian, "start": start.russian]))
            rowHasError = true
        }
        if unit.start == nil { unit.start = start }
        if unit.end == nil { unit.end = end }
        let isFirstRow = unit.rows.count == 1
        if row.recognition.column(of: "plan_approved") != nil, isFirstRow {
            let raw = row.text("plan_approved")
            unit.planApproved = raw.isEmpty ? false : ContactReading.yesNo(raw)
            if unit.planApproved == false {
                log.add(Issue(.planNotApproved, at: row.place("plan_approved"), field: "plan_approved", value: raw, ["unit": unit.number]))
            }
        }
        if row.recognition.column(of: "plan_done") != nil, isFirstRow, let share = PairsBuilder.share(row.cell("plan_done").value) {
            unit.planDone = share
            unit.planDonePlace = row.place("plan_done")
            unit.planDoneText = row.text("plan_done")
        }
    }

    private func resolve(_ text: String, field: String, place: SourceRef, hint: String, categories: Set<Category>?, rowError: inout Bool) -> Person? {
        switch index.resolve(text, field: field, place: place, hint: hint, categories: categories, log: log, missing: .pairs) {
        case .found(let person):
            if person.rejected {
                rowError = true
                rejectedReferences.append(person.name.short)
            }
            return person
        case .missing, .rejected:
            rowError = true
            return nil
        }
    }

    private func date(_ row: SheetRow, _ field: String, error: inout Bool) -> CalendarDate? {
        switch log.date(row, field, pivotYear: asOf.year) {
        case .empty: return nil
        case .date(let date): return date
        case .invalid:
            error = true
            return nil
        }
    }

    /// The form that follows the mentor's category (`checks.md`).
    static func inferredForm(mentor: Person) -> MentoringForm {
        switch mentor.category {
        case .student: return .studentStudent
        case .teacher, .youngSpecialist: return .teacherTeacher
        case .universityStudent: return .universityStudentStudent
        case .employer, .parent: return .employerStudent
        case .graduate: return mentor.organisation != nil && !(mentor.organisation ?? "").isEmpty ? .universityStudentStudent : .employerStudent
        }
    }

    /// «85», «85%», 0.85 → 0.85.
    static func share(_ cell: CellValue) -> Double? {
        switch cell {
        case .number(let value): return value > 1 ? value / 100 : value
        case .text(let text):
            let cleaned = TextCleaning.clean(text).replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces)
            guard let value = Double(cleaned) else { return nil }
            return value > 1 ? value / 100 : value
        default: return nil
        }
    }
}

/// Splits a mentee cell that lists several names: `;`, line breaks, or `,` before a capitalised surname.
enum MenteeList {
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            var current = ""
            let pieces = line.split(separator: ",", omittingEmptySubsequences: false)
            for piece in pieces {
                let trimmed = TextCleaning.clean(String(piece))
                if !current.isEmpty, let first = trimmed.first, first.isUppercase, trimmed.contains(" ") || trimmed.count > 3 {
                    parts.append(current)
                    current = trimmed
                } else {
                    current = current.isEmpty ? trimmed : current + ", " + trimmed
                }
            }
            if !current.isEmpty { parts.append(current) }
        }
        return parts.map(TextCleaning.clean).filter { !$0.isEmpty }
    }
}

extension CellValue {
    /// Text with its line breaks kept (for cells that list several names).
    var textWithBreaks: String {
        if case .text(let text) = self { return text }
        return CellText.text(self)
    }
}
