import SheetIO

/// Reads attendance lists: who was at which event. A name found in no roster is a warning here.
public final class AttendanceReader {
    public struct Mark {
        public var event: String
        public var date: CalendarDate?
        public var person: Person
        public var present: Bool
        public var place: SourceRef
    }

    let asOf: CalendarDate
    let log: IssueLog
    let index: PersonIndex
    public private(set) var marks: [Mark] = []
    var reconciliation = Reconciliation()

    init(asOf: CalendarDate, log: IssueLog, index: PersonIndex) {
        self.asOf = asOf
        self.log = log
        self.index = index
    }

    func read(_ sheet: RecognisedSheet) {
        for row in sheet.rows { reconciliation.count(read(row)) }
    }

    private func read(_ row: SheetRow) -> RowOutcome {
        let nameField = row.recognition.column(of: "full_name") != nil ? "full_name" : "last_name"
        let nameText = nameField == "full_name" ? row.text("full_name")
            : [row.text("last_name"), row.text("first_name"), row.text("patronymic")].filter { !$0.isEmpty }.joined(separator: " ")
        guard let event = log.required(row, "event", parse: { $0 }, invalid: .valueRequired, missing: "не указано мероприятие",
                                       unknown: { $0 }, suggestion: "Впишите название мероприятия") else { return .rejected }
        guard !nameText.isEmpty, let reference = NameReference.parse(nameText).reference else {
            log.add(Issue(nameText.isEmpty ? .valueRequired : .nameInvalid, at: row.place(nameField), field: nameField,
                          value: nameText.isEmpty ? nil : nameText, message: nameText.isEmpty ? "не заполнено ФИО" : "«\(nameText)» не похоже на ФИО"))
            return .rejected
        }
        let hint = row.text("class_or_position")
        guard case .found(let person) = index.resolve(reference, classOrPosition: hint.isEmpty ? nil : hint) else {
            log.add(Issue(.personNotFound, at: row.place(nameField), field: nameField, value: nameText,
                          message: "«\(nameText)» нет в списках; отметка о присутствии не учтена", suggestion: "Проверьте написание",
                          severity: .warning))
            return .used
        }
        var date: CalendarDate?
        if case .date(let value) = DateReading.read(row.cell("date").value, pivotYear: asOf.year) { date = value }
        let presentText = row.text("present")
        let present = presentText.isEmpty ? true : (ContactReading.yesNo(presentText) ?? true)
        marks.append(Mark(event: event, date: date, person: person, present: present, place: row.place(nameField)))
        return .used
    }
}
