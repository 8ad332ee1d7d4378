import PackageIO

/// Inline SVG charts and HTML text for the report pages: no scripts, no fonts or files from outside.
enum HTMLCharts {
    /// Text escaped for HTML content and double-quoted attribute values.
    static func escape(_ text: String) -> String { XMLEscape.escape(text, attribute: true) }

    /// A share as Russian text: «64,3 %».
    static func percent(_ value: Double) -> String { RussianText.percent(value) }

    /// A score as Russian text: «7,25».
    static func score(_ value: Double) -> String { RussianText.hundredths(value) }

    /// The colours of the series of a line chart, in order (the legend uses the same).
    static let seriesColours = ["#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#5d4037"]

    /// A horizontal bar of a share (0–1, clipped at 1) with the target marked: green when met, red when not,
    /// grey when there is no target.
    static func bar(value: Double?, target: Double?, met: Bool?) -> String {
        let width = 100.0, height = 16.0
        let filled = min(max(value ?? 0, 0), 1) * width
        let colour = met == true ? "#2e7d32" : met == false ? "#c62828" : "#607d8b"
        var svg = "<svg class=\"bar\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" preserveAspectRatio=\"none\" role=\"img\">"
        svg += "<rect x=\"0\" y=\"2\" width=\"\(Int(width))\" height=\"12\" fill=\"#eceff1\"/>"
        svg += "<rect x=\"0\" y=\"2\" width=\"\(format(filled))\" height=\"12\" fill=\"\(colour)\"/>"
        if let target {
            let x = format(min(max(target, 0), 1) * width)
            svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(Int(height))\" stroke=\"#212121\" stroke-width=\"2\"/>"
        }
        return svg + "</svg>"
    }

    /// A line chart of series over periods; a missing value breaks the line and is marked «нет данных».
    static func lines(periods: [String], series: [(name: String, values: [Double?])], maximum: Double) -> String {
        let width = 560.0, height = 190.0, left = 36.0, right = 40.0, top = 12.0, bottom = 30.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let step = periods.count > 1 ? plotWidth / Double(periods.count - 1) : 0
        func x(_ index: Int) -> Double { left + (periods.count > 1 ? Double(index) * step : plotWidth / 2) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value / maximum, 0), 1)) }
        let colours = seriesColours
        var svg = "<svg class=\"lines\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for tick in 0...4 {
            let value = maximum * Double(tick) / 4
            svg += "<line x1=\"\(format(left))\" y1=\"\(format(y(value)))\" x2=\"\(format(width - right))\" y2=\"\(format(y(value)))\" stroke=\"#e0e0e0\"/>"
            svg += "<text x=\"\(format(left - 4))\" y=\"\(format(y(value) + 4))\" text-anchor=\"end\" font-size=\"10\">\(escape(score(value).replacingOccurrences(of: ",00", with: "")))</text>"
        }
        for (index, period) in periods.enumerated() {
            svg += "<text x=\"\(format(x(index)))\" y=\"\(format(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"10\">\(escape(period))</text>"
        }
        for (number, line) in series.enumerated() {
            let colour = colours[number % colours.count]
            var segment: [String] = []
            func flush() {
                if segment.count > 1 { svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(segment.joined(separator: " "))\"/>" }
                segment = []
            }
            for (index, value) in line.values.enumerated() {
                guard let value else {
                    flush()
                    continue
                }
                segment.append("\(format(x(index))),\(format(y(value)))")
                svg += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(value)))\" r=\"3\" fill=\"\(colour)\"><title>\(escape(line.name)): \(score(value))</title></circle>"
            }
            flush()
        }
        for (index, _) in periods.enumerated() where series.allSatisfy({ $0.values[index] == nil }) {
            svg += "<text x=\"\(format(x(index)))\" y=\"\(format(top + plotHeight / 2))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#757575\">нет данных</text>"
        }
        return svg + "</svg>"
    }

    /// A coordinate with at most one decimal.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
