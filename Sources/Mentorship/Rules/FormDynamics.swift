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
        let periods = register.periods
        self.periods = periods
        let periodIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1.key, $0) })
        // The forms (numbered), and the forms of each member of a valid unit (a person in units of two forms counts in both).
        var formNames: [String] = [], formNumbers: [String: Int] = [:]
        var forms: [ObjectIdentifier: [Int]] = [:]
        for unit in register.units where unit.isValid {
            let name = unit.form?.russian ?? "форма не указана"
            let form = formNumbers[name] ?? { formNames.append(name); formNumbers[name] = formNames.count - 1; return formNames.count - 1 }()
            for member in [unit.mentor].compactMap({ $0 }) + unit.mentees where !(forms[ObjectIdentifier(member)] ?? []).contains(form) {
                forms[ObjectIdentifier(member), default: []].append(form)
            }
        }
        // One slot of sums per form and indicator, the indicator keyed by its bytes (``TextKey``).
        struct Key: Hashable { var form: Int; var indicator: TextKey }
        var slots: [Key: Int] = [:]
        var keys: [(form: String, indicator: String)] = []
        var sums: [[(sum: Double, count: Int)]] = []
        for result in register.diagnostics {
            guard let period = periodIndex[result.period.key], let memberForms = forms[ObjectIdentifier(result.person)] else { continue }
            let indicator = TextKey(result.indicator)
            for form in memberForms {
                let key = Key(form: form, indicator: indicator)
                let slot = slots[key] ?? {
                    keys.append((formNames[form], result.indicator))
                    sums.append(Array(repeating: (0, 0), count: periods.count))
                    slots[key] = sums.count - 1
                    return sums.count - 1
                }()
                sums[slot][period].sum += result.score
                sums[slot][period].count += 1
            }
        }
        lines = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            return x.form != y.form ? x.form.utf8.lexicographicallyPrecedes(y.form.utf8) : x.indicator.utf8.lexicographicallyPrecedes(y.indicator.utf8)
        }
            .map { slot in
                let cells = sums[slot]
                return Line(form: keys[slot].form, indicator: keys[slot].indicator, means: cells.map { $0.count == 0 ? nil : $0.sum / Double($0.count) },
                            measured: cells.map(\.count))
            }
    }

    /// The indicators, in the order of their first line.
    public var indicators: [String] {
        var seen = Set<String>()
        return lines.map(\.indicator).filter { seen.insert($0).inserted }
    }
}
