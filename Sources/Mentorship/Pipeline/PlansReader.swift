import SheetIO

/// Reads the optional `plans` kind (Индивидуальные планы): each unit's plan items, which give the
/// appendix of the plans order and the unit's completion share. Then reports `PLAN_BEHIND` for every
/// unit, whichever table its completion came from.
final class PlansReader {
    let log: IssueLog
    private var units: [String: MentoringUnit] = [:]
    private var firstRow: [ObjectIdentifier: SourceRef] = [:]
    var reconciliation = Reconciliation()

    init(log: IssueLog, units: [MentoringUnit]) {
        self.log = log
        for unit in units where self.units[Self.key(unit.number)] == nil { self.units[Self.key(unit.number)] = unit }
    }

    /// «№ 3», «3», «Группа 3» and «3.» name the same unit.
    static func key(_ number: String) -> String {
        let digits = number.filter(\.isNumber)
        return digits.isEmpty ? TextCleaning.matchKey(number) : String(Int(digits) ?? 0)
    }

    func read(_ sheet: RecognisedSheet) {
        for row in sheet.rows { reconciliation.count(read(row)) }
    }

    private func read(_ row: SheetRow) -> RowOutcome {
        guard let number = log.required(row, "unit_no", parse: { $0 }, invalid: .valueRequired) else { return .rejected }
        guard let item = log.required(row, "plan_item", parse: { $0 }, invalid: .valueRequired) else { return .rejected }
        guard let unit = units[Self.key(number)] else {
            log.add(Issue(.planUnitUnknown, at: row.place("unit_no"), field: "unit_no", value: number))
            return .rejected
        }
        let doneText = row.text("done")
        // A date in the mark column («12.10.2025») means done too.
        let done = doneText.isEmpty ? false : (ContactReading.yesNo(doneText) ?? (doneText.contains(where: \.isNumber) || doneText.lowercased().hasPrefix("выполн")))
        if unit.planItems.isEmpty { firstRow[ObjectIdentifier(unit)] = row.place(row.recognition.column(of: "done") != nil ? "done" : "plan_item") }
        unit.planItems.append(PlanItem(text: item, deadline: row.text("plan_item_deadline"), done: done, place: row.place("plan_item")))
        return .used
    }

    /// Sets the completion of units with plan items and reports those under 90%.
    func finish(_ units: [MentoringUnit]) {
        for unit in units {
            if !unit.planItems.isEmpty {
                let done = unit.planItems.filter(\.done).count
                unit.planDone = Double(done) / Double(unit.planItems.count)
                unit.planDonePlace = firstRow[ObjectIdentifier(unit)]
                unit.planDoneText = "\(done)/\(unit.planItems.count)"
            }
            guard let share = unit.planDone, share < 0.9, let place = unit.planDonePlace else { continue }
            log.add(Issue(.planBehind, at: place, field: unit.planItems.isEmpty ? "plan_done" : "done", value: unit.planDoneText,
                          ["unit": unit.number, "percent": String(Int((share * 100).rounded()))]))
        }
    }
}
