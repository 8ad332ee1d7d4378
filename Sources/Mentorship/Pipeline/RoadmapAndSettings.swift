import SheetIO

/// One position of the roadmap, with its deadline normalised and its status on the as-of date.
public struct RoadmapPosition {
    public var section: String
    public var measure: String
    public var deadlineText: String
    public var deadline: Deadline
    public var responsible: String
    public var done: Bool
    public var status: RoadmapStatus
    /// Due by the as-of date (for `roadmap_done`).
    public var due: Bool
    public var place: SourceRef
}

/// Reads the settings sheet and the roadmap.
final class RoadmapReader {
    let asOf: CalendarDate
    let log: IssueLog
    private(set) var positions: [RoadmapPosition] = []
    var reconciliation = Reconciliation()

    init(asOf: CalendarDate, log: IssueLog) {
        self.asOf = asOf
        self.log = log
    }

    static func settings(from sheets: [RecognisedSheet]) -> SchoolSettings {
        var settings = SchoolSettings()
        for sheet in sheets {
            // The key–value table has no header row: read every row of the sheet from the top.
            for row in sheet.allRows {
                let value = CellText.text(row[column: 2])
                guard !value.isEmpty, let id = SettingKey.named(CellText.text(row[column: 1])), settings.values[id] == nil else { continue }
                settings.values[id] = value
                settings.place[id] = SourceRef(file: sheet.file, sheet: sheet.sheet, sheetIndex: sheet.sheetIndex, row: row.number, column: 2)
            }
        }
        return settings
    }

    func read(_ sheet: RecognisedSheet, year: AcademicYear, periods: [Period]) {
        var section = ""
        for row in sheet.rows {
            reconciliation.count(.used)
            // A section heading: only its first cell filled, or one text merged across the row.
            let filled = row.row.cells.enumerated().filter { !CellText.text($0.element).isEmpty }
            if let first = filled.first, first.offset == 0, Set(filled.map { CellText.text($0.element) }).count == 1 {
                section = CellText.text(first.element)
                continue
            }
            let measure = row.text("measure")
            guard !measure.isEmpty else { continue }
            let deadlineText = row.text("deadline")
            let reading = DeadlineReading.read(deadlineText, year: year, pivotYear: asOf.year)
            if let dropped = reading.outOfYear {
                log.add(Issue(.roadmapDeadlineOutOfYear, at: row.place("deadline"), field: "deadline", value: deadlineText,
                              ["date": dropped.russian, "year": year.label]))
            } else if reading.deadline == .none {
                log.add(Issue(.roadmapDeadlineUnparsed, deadlineText.isEmpty ? .empty : .standard, at: row.place("deadline"), field: "deadline",
                              value: deadlineText.isEmpty ? nil : deadlineText))
            }
            let doneText = row.text("done").lowercased()
            let done = !doneText.isEmpty && (ContactReading.yesNo(doneText) ?? (doneText.contains("выполн") && !doneText.contains("не ")))
            let (status, due) = RoadmapRule.judge(reading.deadline, done: done, asOf: asOf, periods: periods)
            if status == .overdue {
                log.add(Issue(.roadmapOverdue, reading.deadline.dueDate == nil ? .quarterly : .standard, at: row.place("deadline"), field: "deadline",
                              value: deadlineText, ["measure": RussianText.shortened(measure), "date": reading.deadline.dueDate?.russian ?? ""]))
            }
            positions.append(RoadmapPosition(section: section, measure: measure, deadlineText: deadlineText, deadline: reading.deadline,
                                             responsible: row.text("responsible"), done: done, status: status, due: due,
                                             place: row.place("measure")))
        }
    }
}
