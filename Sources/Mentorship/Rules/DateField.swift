/// The one way a date field is read: its cell through ``DateReading``, and a value that is not a date reported
/// as `DATE_INVALID` at its cell, whichever field it is (birth, consent, withdrawal, agreement, start, end,
/// teaching start, diagnostic, attendance). The caller decides what an invalid date means for its row.
extension IssueLog {
    @discardableResult
    func date(_ row: SheetRow, _ field: String, pivotYear: Int) -> DateReading.Outcome {
        let cell = row.cell(field)
        let outcome = DateReading.read(cell.value, pivotYear: pivotYear)
        if case .invalid(let reason) = outcome {
            add(Issue(.dateInvalid, at: row.place(field), field: field, value: cell.text, ["reason": reason]))
        }
        return outcome
    }
}
