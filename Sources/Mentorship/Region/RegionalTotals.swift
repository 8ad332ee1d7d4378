import SheetIO

/// Totals of the consolidated uploads per municipality and per region: the counts of «Сводка ОО» summed,
/// and each indicator as Σ numerators / Σ denominators (never a mean of the schools' ratios).
struct RegionalTotals {
    static let header = ["Итог", "Регион", "Муниципалитет", "Код показателя", "Показатель", "Период / мероприятие",
                         "ОО", "Числитель", "Знаменатель", "Значение", "Цель", "Достигнуто"]
    /// The counts of «Сводка ОО», with their codes and their (zero-based) columns there.
    static let counts = RegisterCounts.fields.map { ($0.key, $0.russian) }
    static let countColumns = RegisterCounts.fields.map { RegionalUpload.summaryHeader.firstIndex(of: $0.russian)! }

    struct Area: Hashable, Comparable {
        var region: String
        var municipality: String?   // nil: the whole region
        static func < (a: Area, b: Area) -> Bool {
            let left = (PersonName.fold(a.region), a.municipality.map(PersonName.fold) ?? "\u{10FFFF}")
            let right = (PersonName.fold(b.region), b.municipality.map(PersonName.fold) ?? "\u{10FFFF}")
            return left < right || left == right && (a.region, a.municipality ?? "") < (b.region, b.municipality ?? "")
        }
    }

    struct Sum {
        var label: String
        var target: Double?
        var schools = 0
        var numerator = 0.0
        var denominator = 0.0
    }

    private var schools: [Area: Int] = [:]
    private var countSums: [Area: [Double]] = [:]
    /// Indicator sums by area, keyed by code and period, in the order the codes first appear.
    private var sums: [Area: [String: Sum]] = [:]
    private var indicatorOrder: [String] = []
    private var indicatorKeys: Set<String> = []

    private func areas(_ region: String, _ municipality: String) -> [Area] {
        [Area(region: region, municipality: municipality), Area(region: region, municipality: nil)]
    }

    /// A row of «Сводка ОО».
    mutating func addSummary(_ cells: [CellValue]) {
        let text = cells.map(UploadCheck.plain)
        for area in areas(text[1], text[2]) {
            schools[area, default: 0] += 1
            var values = countSums[area] ?? Array(repeating: 0, count: Self.counts.count)
            for index in values.indices { if case .number(let value) = cells[Self.countColumns[index]] { values[index] += value } }
            countSums[area] = values
        }
    }

    /// A row of «Показатели ОО».
    mutating func addIndicator(_ cells: [CellValue]) {
        let text = cells.map(UploadCheck.plain)
        let key = text[7] + "\u{1F}" + text[9]
        if indicatorKeys.insert(key).inserted { indicatorOrder.append(key) }
        for area in areas(text[1], text[2]) {
            var sum = sums[area]?[key] ?? Sum(label: text[8], target: { if case .number(let t) = cells[13] { return t } else { return nil } }())
            sum.schools += 1
            if case .number(let value) = cells[10] { sum.numerator += value }
            if case .number(let value) = cells[11] { sum.denominator += value }
            sums[area, default: [:]][key] = sum
        }
    }

    /// The «Итоги» rows: each municipality, then its region's total, regions in collation order.
    var rows: [[CellValue]] {
        var result: [[CellValue]] = []
        for area in schools.keys.sorted() {
            let title = area.municipality.map { "Итого по \($0)" } ?? "Итого по региону"
            let place: [CellValue] = [.text(title), text(area.region), area.municipality.map(text) ?? .empty]
            let schoolCount = Double(schools[area] ?? 0)
            result.append(place + [.text("schools"), .text("Образовательных организаций"), .empty, .number(schoolCount), .empty, .empty,
                                   .number(schoolCount), .empty, .empty])
            for (index, (code, label)) in Self.counts.enumerated() {
                let total = countSums[area]?[index] ?? 0
                result.append(place + [.text(code), .text(label), .empty, .number(schoolCount), .empty, .empty, .number(total), .empty, .empty])
            }
            for key in indicatorOrder {
                guard let sum = sums[area]?[key] else { continue }
                let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                let value: Double? = sum.denominator == 0 ? nil : IndicatorMath.rounded(sum.numerator / sum.denominator)
                let met: CellValue = IndicatorMath.met(value: value, target: sum.target).map { .text($0 ? "да" : "нет") } ?? .empty
                result.append(place + [.text(parts[0]), .text(sum.label), text(parts[1]), .number(Double(sum.schools)), .number(sum.numerator),
                                       .number(sum.denominator), value.map(CellValue.number) ?? .empty, sum.target.map(CellValue.number) ?? .empty, met])
            }
        }
        return result
    }

    private func text(_ value: String) -> CellValue { value.isEmpty ? .empty : .text(value) }
}
