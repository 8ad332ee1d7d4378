/// The quarterly dynamics of the diagnostic indicators per form of mentoring: for each form and indicator,
/// the mean score of the members of the form's valid units in each period, `nil` where no one was measured.
/// The report page and the analytical note show it; the same means as the «По формам» table.
public struct FormDynamics {
    /// One line: a form, an indicator, and a mean (or nothing) per period.
    public struct Line {
        public var form: String
        public var indicator: String
        public var means: [Double?]
        /// People measured in each period.
        public var measured: [Int]
    }

    public var periods: [Period]
    public var lines: [Line]

    public init(_ register: Register) {
        periods = register.periods
        let periodIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1.key, $0) })
        // The form of each member of a valid unit (a person in units of two forms counts in both).
        var forms: [ObjectIdentifier: [String]] = [:]
        for unit in register.units where unit.isValid {
            let form = unit.form?.russian ?? "форма не указана"
            for member in [unit.mentor].compactMap({ $0 }) + unit.mentees where !(forms[ObjectIdentifier(member)] ?? []).contains(form) {
                forms[ObjectIdentifier(member), default: []].append(form)
            }
        }
        struct Key: Hashable { var form: String; var indicator: String }
        var sums: [Key: [(sum: Double, count: Int)]] = [:]
        for result in register.diagnostics {
            guard let period = periodIndex[result.period.key] else { continue }
            for form in forms[ObjectIdentifier(result.person)] ?? [] {
                let key = Key(form: form, indicator: result.indicator)
                var cells = sums[key] ?? Array(repeating: (0, 0), count: periods.count)
                cells[period].sum += result.score
                cells[period].count += 1
                sums[key] = cells
            }
        }
        lines = sums.keys.sorted { a, b in
            a.form != b.form ? a.form.utf8.lexicographicallyPrecedes(b.form.utf8) : a.indicator.utf8.lexicographicallyPrecedes(b.indicator.utf8)
        }
            .map { key in
                let cells = sums[key]!
                return Line(form: key.form, indicator: key.indicator, means: cells.map { $0.count == 0 ? nil : $0.sum / Double($0.count) },
                            measured: cells.map(\.count))
            }
    }

    /// The indicators, in the order of their first line.
    public var indicators: [String] {
        var seen = Set<String>()
        return lines.map(\.indicator).filter { seen.insert($0).inserted }
    }
}
