/// Who was expected at each diagnostic period (members of valid units active in it) and who was diagnosed.
public enum Coverage {
    public struct Line {
        public var period: Period
        public var expected: [Person]
        public var diagnosed: Int
        public var missing: [Person]
    }

    public static func compute(_ register: Register) -> [Line] {
        compute(units: register.units, periods: register.periods, results: register.diagnostics)
    }

    /// The expected members of each period (of valid units active in it: a unit with no start is active from
    /// the first period) and who of them has no result; one rule for the table and for `DIAGNOSTIC_MISSING`.
    static func compute(units: [MentoringUnit], periods: [Period], results: [DiagnosticResult]) -> [Line] {
        guard let first = periods.first else { return [] }
        let counter = OperationCounter.current
        counter?.add(.diagnosticVisit, results.count)
        var diagnosed = Set<String>()
        for result in results { diagnosed.insert(result.person.identityKey + "|" + result.period.key) }
        return periods.map { period in
            var expected: [Person] = []
            var seen = Set<ObjectIdentifier>()
            for unit in units where unit.isValid {
                counter?.add(.memberVisit, 1 + unit.mentees.count)
                let start = unit.start ?? first.start
                guard start <= period.end, unit.end.map({ $0 >= period.start }) ?? true else { continue }
                for member in [unit.mentor].compactMap({ $0 }) + unit.mentees where seen.insert(ObjectIdentifier(member)).inserted {
                    expected.append(member)
                }
            }
            let missing = expected.filter { !diagnosed.contains($0.identityKey + "|" + period.key) }
            return Line(period: period, expected: expected, diagnosed: expected.count - missing.count, missing: PersonOrder.ordered(missing))
        }
    }
}
