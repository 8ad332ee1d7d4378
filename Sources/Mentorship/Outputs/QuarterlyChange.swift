/// The changes of the quarterly tables, over the same people: a line's mean for a period is over the members
/// measured then; its change between two periods is over the members measured in both.
struct QuarterlyChange {
    /// One member's scores, by period key.
    typealias Scores = [String: Double]

    /// The line's members (a participant alone, a unit's members, a form's people) and their scores.
    var members: [Scores]

    /// The mean of the members measured in `period`, nil when none was.
    func mean(in period: Period) -> Double? {
        let values = members.compactMap { $0[period.key] }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The change from `from` to `to` over the members measured in both, and how many they are.
    func change(from: Period, to: Period) -> Change? {
        let both = members.compactMap { scores -> (Double, Double)? in
            guard let a = scores[from.key], let b = scores[to.key] else { return nil }
            return (a, b)
        }
        guard !both.isEmpty else { return nil }
        let count = Double(both.count)
        let delta = both.map(\.1).reduce(0, +) / count - both.map(\.0).reduce(0, +) / count
        return Change(value: delta, compared: both.count, of: members.count)
    }

    /// The first and the last periods of `periods` in which any member was measured.
    func span(in periods: [Period]) -> (first: Period, last: Period)? {
        let measured = periods.filter { period in members.contains { $0[period.key] != nil } }
        guard let first = measured.first, let last = measured.last, first != last else { return nil }
        return (first, last)
    }

    struct Change: Equatable {
        var value: Double
        /// Members measured in both periods, of all the line's members.
        var compared: Int
        var of: Int

        /// Whether the change covers every member of the line.
        var isWhole: Bool { compared == of }

        /// «+0,50 (по 1 из 2)»: the change with a decimal comma, and whom it covers when not everyone.
        var text: String {
            let rounded = (value * 100).rounded() / 100
            return (rounded > 0 ? "+" : "") + RussianText.hundredths(rounded) + (isWhole ? "" : " (по \(compared) из \(of))")
        }
    }
}
