import SheetIO

/// `diagnostics.xlsx`: the quarterly comparison tables (`outputs.md`) — per participant, per pair or group,
/// per form, and coverage. Periods are columns in time order, named as the curator writes them («3 кв. 2025»).
/// A period without a result says «нет данных», a refused score «ошибка» (its remark in the last column);
/// a mean is over the members measured in its period, a change over the members measured in both periods
/// (``QuarterlyChange``), and says so when that is not everyone («по 1 из 2»).
public enum DiagnosticsWorkbook {
    /// One line of a table: its labels, its members' scores by period key, the periods with a refused score.
    struct Line {
        var labels: [CellValue]
        var change: QuarterlyChange
        var errors: Set<String> = []
        var remarks: [String] = []
    }

    public static func write(_ register: Register, to path: String) throws {
        let writer = try XLSXWriter(path: path, options: XLSXWriteOptions(documentDate: register.asOf.iso + "T00:00:00Z", shortenLongText: true))
        let periods = register.periods
        let decimal = writer.style(forNumberFormat: "0.00", alignedRight: true)
        let indicators = orderedIndicators(register)
        let invalidOf = Dictionary(grouping: register.invalidScores) { key($0.person, nil, $0.indicator) }

        // Per participant.
        let counter = OperationCounter.current
        var participantLines: [Line] = []
        // Each person's results as positions in `register.diagnostics`, in its order (means sum in that order).
        var byPerson: [ObjectIdentifier: [Int]] = [:]
        for (position, result) in register.diagnostics.enumerated() { byPerson[ObjectIdentifier(result.person), default: []].append(position) }
        func scores(of person: Person, _ indicator: String) -> QuarterlyChange.Scores {
            let mine = (byPerson[ObjectIdentifier(person)] ?? []).map { register.diagnostics[$0] }.filter { $0.indicator == indicator }
            return Dictionary(mine.map { ($0.period.key, $0.score) }, uniquingKeysWith: { _, last in last })
        }
        func refused(_ person: Person, _ indicator: String) -> [InvalidScore] { invalidOf[key(person, nil, indicator)] ?? [] }
        for person in register.ordered(register.participants) {
            let positions = byPerson[ObjectIdentifier(person)] ?? []
            let refusedIndicators = Set(register.invalidScores.filter { $0.person === person }.map(\.indicator))
            guard !positions.isEmpty || !refusedIndicators.isEmpty else { continue }
            counter?.add(.diagnosticVisit, positions.count * indicators.count)
            let units = register.units(of: person)
            let role = register.roleText(of: person)
            for indicator in indicators {
                let mine = scores(of: person, indicator)
                let bad = refused(person, indicator)
                guard !mine.isEmpty || !bad.isEmpty else { continue }
                participantLines.append(Line(labels: [.text(person.name.description), .text(role),
                                                      .text(Array(Set(units.compactMap { $0.form?.russian })).sorted().joined(separator: "; ")),
                                                      .text(units.map(\.number).joined(separator: ", ")), .text(indicator)],
                                             change: QuarterlyChange(members: [mine]), errors: Set(bad.filter { mine[$0.period.key] == nil }.map(\.period.key)),
                                             remarks: bad.map { remark($0, who: nil) }))
            }
        }
        try table(writer, "По участникам", [("Участник", 38), ("Роль", 16), ("Форма", 22), ("№ пары / группы", 12), ("Показатель", 24)],
                  lines: participantLines, periods: periods, decimal: decimal)

        // Per pair or group, and per form.
        var unitLines: [Line] = []
        var formMembers: [String: [ObjectIdentifier: QuarterlyChange.Scores]] = [:]
        var formRemarks: [String: [String]] = [:]
        for unit in register.units where unit.isValid {
            var seen = Set<ObjectIdentifier>()
            let members = ([unit.mentor].compactMap { $0 } + unit.mentees).filter { seen.insert(ObjectIdentifier($0)).inserted }
            for indicator in indicators {
                counter?.add(.diagnosticVisit, members.count)
                let memberScores = members.map { scores(of: $0, indicator) }
                let bad = members.flatMap { refused($0, indicator) }
                guard memberScores.contains(where: { !$0.isEmpty }) || !bad.isEmpty else { continue }
                let errors = Set(bad.map(\.period.key)).filter { period in !memberScores.contains { $0[period] != nil } }
                let remarks = bad.map { remark($0, who: $0.person.name.short) }
                unitLines.append(Line(labels: [.text(unit.number), .text(unit.isGroup ? "группа" : "пара"), .text(unit.form?.russian ?? ""), .text(indicator)],
                                      change: QuarterlyChange(members: memberScores), errors: errors, remarks: remarks))
                let formKey = (unit.form?.russian ?? "") + "\u{1}" + indicator
                for (member, scores) in zip(members, memberScores) { formMembers[formKey, default: [:]][ObjectIdentifier(member)] = scores }
                formRemarks[formKey, default: []] += remarks
            }
        }
        try table(writer, "По парам и группам", [("№ пары / группы", 12), ("Пара или группа", 12), ("Форма", 22), ("Показатель", 24)],
                  lines: unitLines, periods: periods, decimal: decimal)
        let formLines = formMembers.keys.sorted().map { key -> Line in
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
            // Members in a fixed order: the register's order of people.
            let members = formMembers[key]!
            let ordered = register.ordered(register.participants).compactMap { members[ObjectIdentifier($0)] }
            return Line(labels: [.text(parts[0]), .text(parts[1])], change: QuarterlyChange(members: ordered), remarks: formRemarks[key] ?? [])
        }
        try table(writer, "По формам", [("Форма", 24), ("Показатель", 24)], lines: formLines, periods: periods, decimal: decimal)

        // Coverage.
        let percent = writer.style(forNumberFormat: "0%")
        let coverage = CuratorSheet(writer, "Охват", [("Период", 14), ("Ожидалось", 12), ("Прошли диагностику", 12), ("Доля", 10), ("Не прошли", 60)])
        for line in register.coverage {
            try coverage.append([.text(line.period.russian), .number(Double(line.expected.count)), .number(Double(line.diagnosed)),
                             line.expected.isEmpty ? .empty : .number(Double(line.diagnosed) / Double(line.expected.count)),
                             .text(line.missing.map(\.name.short).joined(separator: ", "))],
                            styles: [nil, nil, nil, percent, .wrapped])
        }
        try coverage.finish()
        try writer.close()
    }

    /// A refused score's key: person, period (nil: any), indicator.
    static func key(_ person: Person, _ period: Period?, _ indicator: String) -> String {
        person.identityKey + "|" + (period?.key ?? "") + "|" + indicator
    }

    /// «3 кв. 2025: «12» — вне шкалы от 0 до 10 (diag.xlsx › Лист1 › C5)».
    static func remark(_ score: InvalidScore, who: String?) -> String {
        (who.map { "\($0), " } ?? "") + "\(score.period.russian): «\(score.value)» — \(score.reason) (\(score.place.description))"
    }

    /// Indicators in the order they first appear.
    static func orderedIndicators(_ register: Register) -> [String] {
        var seen = Set<String>()
        return (register.diagnostics.map(\.indicator) + register.invalidScores.map(\.indicator)).filter { seen.insert($0).inserted }
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    /// A sheet of labels, one column a period, the change to the previous period (the last period against the one
    /// before it, both named in the header), the first period measured and the change since it, and the remarks.
    static func table(_ writer: XLSXWriter, _ name: String, _ labels: [(String, Double)], lines: [Line], periods: [Period], decimal: XLSXStyle) throws {
        let last = periods.last, previous = periods.count >= 2 ? periods[periods.count - 2] : nil
        let previousHeader = last.flatMap { last in previous.map { "Δ к предыдущему (\(last.russian) к \($0.russian))" } } ?? "Δ к предыдущему"
        let sheet = CuratorSheet(writer, name, labels + periods.map { ($0.russian, 12) }
            + [(previousHeader, 18), ("Первый замер", 12), ("Δ к первому замеру", 14), ("Замечания", 50)])
        sheet.highlightGrowth(columns: (labels.count + periods.count)..<(labels.count + periods.count + 3))
        for line in lines {
            let values: [CellValue] = periods.map { period in
                if let mean = line.change.mean(in: period) { return .number(mean) }
                return .text(line.errors.contains(period.key) ? "ошибка" : "нет данных")
            }
            var toPrevious: CellValue = .text("нет данных")
            if let last, let previous, let change = line.change.change(from: previous, to: last) { toPrevious = cell(change) }
            var first: CellValue = .text("нет данных"), toFirst: CellValue = .text("нет данных")
            if let span = line.change.span(in: periods) {
                first = .text(span.first.russian)
                toFirst = line.change.change(from: span.first, to: span.last).map(cell) ?? .text("нет общих участников")
            }
            try sheet.append(line.labels + values + [toPrevious, first, toFirst, .text(line.remarks.joined(separator: "\n"))],
                         styles: Array(repeating: nil, count: line.labels.count) + Array(repeating: decimal, count: periods.count) + [decimal, nil, decimal, .wrapped])
        }
        try sheet.finish()
    }

    /// A change over everyone is a number; over some of the members it is text that says over whom.
    static func cell(_ change: QuarterlyChange.Change) -> CellValue {
        change.isWhole ? .number(change.value) : .text(change.text)
    }
}
