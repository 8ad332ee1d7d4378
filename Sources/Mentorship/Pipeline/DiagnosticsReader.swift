import Foundation
import SheetIO

/// One diagnostic score of one person in one period.
public struct DiagnosticResult {
    public var person: Person
    public var period: Period
    public var indicator: String
    public var score: Double
    public var place: SourceRef
}

/// A score that could not be used (not a number, negative, off the scale): the tables show «ошибка» for it.
public struct InvalidScore {
    public var person: Person
    public var period: Period
    public var indicator: String
    public var value: String
    public var place: SourceRef
    /// Why it was refused, as the remark says.
    public var reason: String
}

/// Reads diagnostic sheets (wide: a column per indicator; long: «Показатель», «Балл») and checks that every
/// member of an active valid unit has a result in every period present (`DIAGNOSTIC_MISSING`).
final class DiagnosticsReader {
    let asOf: CalendarDate
    let log: IssueLog
    let index: PersonIndex
    private(set) var results: [DiagnosticResult] = []
    private var byKey: [TextKey: Int] = [:]
    private var periodsByText: [String: Period?] = [:]
    var reconciliation = Reconciliation()
    /// Scores refused, kept so that the tables show them as errors rather than as blanks.
    private(set) var invalid: [InvalidScore] = []

    init(asOf: CalendarDate, log: IssueLog, index: PersonIndex) {
        self.asOf = asOf
        self.log = log
        self.index = index
    }

    /// The periods present in the data, in time order.
    var periods: [Period] { Array(Set(results.map(\.period))).sorted() }

    func read(_ sheet: RecognisedSheet) {
        let sheetPeriod = Period.parse(sheet.sheet, pivotYear: asOf.year)
        let filePeriod = Period.parse((sheet.file as NSString).lastPathComponent, pivotYear: asOf.year)
        let titleScale = SheetRecognizer.declaredScale(sheet.titleText)
        let flooded = PeopleFlood.unknownRows(sheet, index: index, log: log)
        for row in sheet.rows {
            reconciliation.count(flooded.contains(row.row.number) ? .rejected : read(row, fallback: sheetPeriod ?? filePeriod, titleScale: titleScale))
        }
    }

    private func read(_ row: SheetRow, fallback: Period?, titleScale: ClosedRange<Double>?) -> RowOutcome {
        let nameField = row.personName.field
        guard case .found(let person) = index.resolve(row, log: log, missing: .standard) else { return .rejected }
        // The period: a date column, a period column, the sheet name, the file name.
        var period: Period?
        let date = log.date(row, "diagnostic_date", pivotYear: asOf.year)
        if case .date(let date) = date { period = Period.quarter(of: date) }
        if period == nil, case let text = row.text("period"), !text.isEmpty { period = parsedPeriod(text) }
        if period == nil { period = fallback }
        guard let period else {
            if case .invalid = date { return .rejected }   // DATE_INVALID at the date cell already says why
            let field = row.recognition.column(of: "period") != nil ? "period" : row.recognition.column(of: "diagnostic_date") != nil ? "diagnostic_date" : nameField
            log.add(Issue(.dateInvalid, .period, at: row.place(field), field: field, value: row.text(field).isEmpty ? nil : row.text(field)))
            return .rejected
        }
        // The scores.
        var scores: [(String, CellValue, Int, ClosedRange<Double>?)] = []
        if row.recognition.column(of: "indicator_name") != nil, let column = row.recognition.column(of: "score") {
            scores.append((row.text("indicator_name"), row.row[column: column], column, SheetRecognizer.declaredScale(row.text("indicator_name")) ?? titleScale))
        } else {
            for indicator in row.recognition.indicators {
                scores.append((indicator.name, row.row[column: indicator.column], indicator.column, indicator.scale ?? titleScale))
            }
        }
        var kept = 0, duplicates = 0
        for (indicator, cell, column, scale) in scores {
            let place = row.place(column: column)
            let value: Double?
            switch cell {
            case .empty: continue
            case .number(let number): value = number
            case .text(let text): value = Double(TextCleaning.clean(text).replacingOccurrences(of: ",", with: "."))
            default: value = nil
            }
            guard let score = value, score >= 0, scale.map({ $0.contains(score) }) ?? true else {
                let variant: IssueVariant = value == nil ? .standard : (value! < 0 ? .negative : .outOfScale)
                let issue = Issue(.scoreInvalid, variant, at: place, field: "indicator", value: CellText.text(cell),
                                  ["indicator": indicator, "scale": scale.map(RussianText.scale) ?? ""])
                log.add(issue)
                invalid.append(InvalidScore(person: person, period: period, indicator: indicator, value: CellText.text(cell), place: place, reason: issue.message))
                continue
            }
            let key = person.identityKey + "|" + period.key + "|" + PersonName.fold(indicator)
            if let earlier = byKey[TextKey(key)] {
                log.add(Issue(.diagnosticDuplicate, at: place, field: "indicator", value: CellText.text(cell),
                              ["name": person.name.short, "indicator": indicator, "period": period.key, "row": String(results[earlier].place.row)]))
                results[earlier] = DiagnosticResult(person: person, period: period, indicator: indicator, score: score, place: place)
                duplicates += 1
                continue
            }
            byKey[TextKey(key)] = results.count
            results.append(DiagnosticResult(person: person, period: period, indicator: indicator, score: score, place: place))
            kept += 1
        }
        return duplicates > 0 && kept == 0 ? .merged : .used
    }

    /// A period column's text read as a period, once per distinct text (a column repeats a few values on every row).
    private func parsedPeriod(_ text: String) -> Period? {
        if let known = periodsByText[text] { return known }
        let period = Period.parse(text, pivotYear: asOf.year)
        periodsByText[text] = period
        return period
    }

    /// `DIAGNOSTIC_MISSING`: one issue per member of a valid unit active in a period, without a result in it.
    func reportMissing(units: [MentoringUnit]) {
        for line in Coverage.compute(units: units, periods: periods, results: results) {
            for member in line.missing {
                log.add(Issue(.diagnosticMissing, at: member.origin, field: "person", value: line.period.key, ["period": line.period.key],
                              person: member.name.description))
            }
        }
    }
}
