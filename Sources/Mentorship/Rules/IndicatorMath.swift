/// How an indicator's value is shown and judged, the same in the report, the regional upload and the regional totals.
enum IndicatorMath {
    /// A value rounded to six decimals.
    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

    /// Whether a value meets its target (nil when either is missing).
    static func met(value: Double?, target: Double?) -> Bool? {
        guard let target, let value else { return nil }
        return value >= target - 1e-12
    }
}
