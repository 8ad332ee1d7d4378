import SheetIO

/// Reads attendance lists: who was at which event. A name found in no roster is a warning here.
public final class AttendanceReader {
    public struct Mark {
        public var event: String
        public var date: CalendarDate?
        public var person: Person
        public var present: Bool
        public var place: SourceRef
        /// The title lines above the list's header (they may name the grades or people the event is for).
        public var title: String = ""
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
        let flooded = PeopleFlood.unknownRows(sheet, index: index, log: log)
        for row in sheet.rows { reconciliation.count(flooded.contains(row.row.number) ? .rejected : read(row, title: sheet.titleText)) }
    }

    private func read(_ row: SheetRow, title: String) -> RowOutcome {
        guard let event = log.required(row, "event", parse: { $0 }, invalid: .valueRequired) else { return .rejected }
        let person: Person
        switch index.resolve(row, log: log, missing: .attendance) {
        case .rejected: return .rejected
        case .missing: return .used
        case .found(let found): person = found
        }
        var date: CalendarDate?
        if case .date(let value) = log.date(row, "date", pivotYear: asOf.year) { date = value }
        let presentText = row.text("present")
        let present = presentText.isEmpty ? true : (ContactReading.yesNo(presentText) ?? true)
        marks.append(Mark(event: event, date: date, person: person, present: present, place: row.place(row.personName.field), title: title))
        return .used
    }
}
