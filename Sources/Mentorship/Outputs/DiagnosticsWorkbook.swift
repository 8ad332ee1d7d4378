import SheetIO

/// `diagnostics.xlsx`: the quarterly comparison tables (`outputs.md`) — per participant, per pair or group,
/// per form, and coverage. Periods are columns in time order; a missing result is an empty cell, never 0.
public enum DiagnosticsWorkbook {
    /// Scores of one line of a table, by period key.
    struct Line {
        var labels: [CellValue]
        var scores: [String: Double]
    }

    public static func write(_ register: Register, to path: String) throws {
        let writer = try XLSXWriter(path: path, options: XLSXWriteOptions(documentDate: register.asOf.iso + "T00:00:00Z", shortenLongText: true))
        let periods = register.periods
        let decimal = writer.style(forNumberFormat: "0.00")
        let indicators = orderedIndicators(register)

        // Per participant.
        let counter = OperationCounter.current
        var participantLines: [Line] = []
        // Each person's results as positions in `register.diagnostics`, in its order (means sum in that order).
        var byPerson: [ObjectIdentifier: [Int]] = [:]
        for (position, result) in register.diagnostics.enumerated() { byPerson[ObjectIdentifier(result.person), default: []].append(position) }
        for person in RegisterWorkbook.ordered(register.participants) {
            guard let positions = byPerson[ObjectIdentifier(person)] else { continue }
            let results = positions.map { register.diagnostics[$0] }
            counter?.add(.diagnosticVisit, results.count * indicators.count)
            let units = register.units(of: person)
            let role = register.roleText(of: person)
            for indicator in indicators {
                let mine = results.filter { $0.indicator == indicator }
                guard !mine.isEmpty else { continue }
                participantLines.append(Line(labels: [.text(person.name.description), .text(role),
                                                      .text(Array(Set(units.compactMap { $0.form?.russian })).sorted().joined(separator: "; ")),
                                                      .text(units.map(\.number).joined(separator: ", ")), .text(indicator)],
                                             scores: Dictionary(mine.map { ($0.period.key, $0.score) }, uniquingKeysWith: { _, last in last })))
            }
        }
        try table(writer, "По участникам", ["Участник", "Роль", "Форма", "№ пары / группы", "Показатель"], [30, 16, 22, 12, 22],
                  lines: participantLines, periods: periods, decimal: decimal)

        // Per pair or group, and per form: means of the members' scores.
        var unitLines: [Line] = []
        var formScores: [String: [String: [Double]]] = [:]
        for unit in register.units where unit.isValid {
            let members = [unit.mentor].compactMap { $0 } + unit.mentees
            var seen = Set<ObjectIdentifier>()
            let positions = members.filter { seen.insert(ObjectIdentifier($0)).inserted }
                .flatMap { byPerson[ObjectIdentifier($0)] ?? [] }.sorted()
            for indicator in indicators {
                var perPeriod: [String: [Double]] = [:]
                counter?.add(.diagnosticVisit, positions.count)
                for position in positions where register.diagnostics[position].indicator == indicator {
                    let result = register.diagnostics[position]
                    perPeriod[result.period.key, default: []].append(result.score)
                }
                guard !perPeriod.isEmpty else { continue }
                unitLines.append(Line(labels: [.text(unit.number), .text(unit.isGroup ? "группа" : "пара"), .text(unit.form?.russian ?? ""), .text(indicator)],
                                      scores: perPeriod.mapValues(mean)))
                let formKey = (unit.form?.russian ?? "") + "\u{1}" + indicator
                for (period, scores) in perPeriod { formScores[formKey, default: [:]][period, default: []] += scores }
            }
        }
        try table(writer, "По парам и группам", ["№ пары / группы", "Пара или группа", "Форма", "Показатель"], [12, 12, 22, 22],
                  lines: unitLines, periods: periods, decimal: decimal)
        let formLines = formScores.keys.sorted().map { key -> Line in
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
            return Line(labels: [.text(parts[0]), .text(parts[1])], scores: formScores[key]!.mapValues(mean))
        }
        try table(writer, "По формам", ["Форма", "Показатель"], [24, 24], lines: formLines, periods: periods, decimal: decimal)

        // Coverage.
        let percent = writer.style(forNumberFormat: "0%")
        let coverage = try writer.addSheet(named: "Охват", layout: SheetLayout(columnWidths: [12, 14, 14, 10, 60], frozenRows: 1, autoFilter: true))
        try coverage.append([.text("Период"), .text("Ожидалось"), .text("Прошли диагностику"), .text("Доля"), .text("Не прошли")], style: .header)
        for line in register.coverage {
            try coverage.append([.text(line.period.key), .number(Double(line.expected.count)), .number(Double(line.diagnosed)),
                                 line.expected.isEmpty ? .empty : .number(Double(line.diagnosed) / Double(line.expected.count)),
                                 .text(line.missing.map(\.name.short).joined(separator: ", "))],
                                styles: [nil, nil, nil, percent, .wrapped])
        }
        try writer.close()
    }

    /// Indicators in the order they first appear.
    static func orderedIndicators(_ register: Register) -> [String] {
        var seen = Set<String>()
        return register.diagnostics.map(\.indicator).filter { seen.insert($0).inserted }
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    /// A sheet of labels, one score column a period, then Δ to the previous period and Δ to the first.
    static func table(_ writer: XLSXWriter, _ name: String, _ labels: [String], _ widths: [Double], lines: [Line], periods: [Period], decimal: XLSXStyle) throws {
        let firstDelta = labels.count + periods.count + 1
        let highlights = lines.isEmpty ? [] : [CellRange(first: CellAddress(row: 2, column: firstDelta), last: CellAddress(row: lines.count + 1, column: firstDelta + 1))]
        let sheet = try writer.addSheet(named: name, layout: SheetLayout(columnWidths: widths.map { $0 } + periods.map { _ in 10 } + [12, 12],
                                                                         frozenRows: 1, autoFilter: true, growthHighlights: highlights))
        try sheet.append((labels + periods.map(\.key) + ["Δ к предыдущему", "Δ к первому"]).map { .text($0) }, style: .header)
        for line in lines {
            let values = periods.map { line.scores[$0.key] }
            let present = values.compactMap { $0 }
            let last = present.last, previous = present.count >= 2 ? present[present.count - 2] : nil, first = present.first
            let row: [CellValue] = line.labels + values.map { $0.map(CellValue.number) ?? .empty }
                + [previous.map { .number(last! - $0) } ?? .empty, present.count >= 2 ? .number(last! - first!) : .empty]
            try sheet.append(row, styles: Array(repeating: nil, count: line.labels.count) + Array(repeating: decimal, count: periods.count + 2))
        }
    }
}
