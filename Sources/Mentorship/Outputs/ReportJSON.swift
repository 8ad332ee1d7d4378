import SheetIO

/// `report.json`: the build for programs, in the layout of `outputs.md`, keys in a fixed order.
public enum ReportJSON {
    public static func render(_ register: Register, outputs: [(file: String, sha256: String)]) -> String {
        var json = "{\n"
        json += "  \"tool\": {\"name\": \"nastavnik\", \"version\": \(q(ToolVersion.current))},\n"
        json += "  \"as_of\": \(q(register.asOf.iso)),\n"
        json += "  \"inputs\": [" + register.inputs.map(input).joined(separator: ",") + (register.inputs.isEmpty ? "" : "\n  ") + "],\n"
        let r = register.reconciliation
        json += "  \"reconciliation\": {\"rows_read\": \(r.rowsRead), \"rows_used\": \(r.rowsUsed), \"rows_merged\": \(r.rowsMerged), \"rows_rejected\": \(r.rowsRejected)},\n"
        json += "  \"counts\": {" + register.counts.ordered.map { "\(q($0.key)): \($0.value)" }.joined(separator: ", ") + "},\n"
        let remarks = register.remarks
        json += "  \"issues\": [" + zip(register.issues, remarks.statuses).map { issue($0, status: $1) }.joined(separator: ",")
            + (register.issues.isEmpty ? "" : "\n  ") + "],\n"
        json += "  \"changes\": {\"compared\": \(remarks.hasEarlier), \"fixed\": \(remarks.fixed.count), \"new\": \(remarks.newCount), "
            + "\"remaining\": \(remarks.remainingCount)},\n"
        json += "  \"fixed\": [" + remarks.fixed.map(fixed).joined(separator: ",") + (remarks.fixed.isEmpty ? "" : "\n  ") + "],\n"
        json += "  \"indicators\": [" + register.indicators.map(indicator).joined(separator: ",") + "\n  ],\n"
        json += "  \"outputs\": [" + outputs.map { "\n    {\"file\": \(q($0.file)), \"sha256\": \(q($0.sha256))}" }.joined(separator: ",") + (outputs.isEmpty ? "" : "\n  ") + "]\n"
        return json + "}\n"
    }

    static func q(_ text: String?) -> String { text.map(CellJSON.quote) ?? "null" }
    static func n(_ value: Int?) -> String { value.map(String.init) ?? "null" }
    static func d(_ value: Double?) -> String {
        guard let value else { return "null" }
        let rounded = IndicatorMath.rounded(value)
        return rounded == rounded.rounded() ? String(Int(rounded)) + ".0" : "\(rounded)"
    }

    static func input(_ file: InputFile) -> String {
        var text = "\n    {\"file\": \(q(file.file)), \"sha256\": \(q(file.sha256)), \"status\": \(q(file.status.rawValue)), " + (file.reason.map { "\"reason\": \(q($0)), " } ?? "") + "\"sheets\": ["
        text += file.sheets.map { sheet in
            "{\"name\": \(q(sheet.name)), \"kind\": \(q(sheet.kind?.rawValue)), \"header_row\": \(n(sheet.headerRow)), \"rows\": \(sheet.rows), \"status\": \(q(sheet.status.rawValue))}"
        }.joined(separator: ", ")
        return text + "]}"
    }

    static func issue(_ issue: Issue) -> String { self.issue(issue, status: nil) }

    /// An issue; with the build's status of it (new or remaining) when given.
    static func issue(_ issue: Issue, status: RemarkHistory.Status?) -> String {
        "\n    {\"code\": \(q(issue.code.rawValue)), \"severity\": \(q(issue.severity.rawValue)), \"file\": \(q(issue.file)), "
            + "\"sheet\": \(q(issue.sheet)), \"cell\": \(q(issue.cell)), \"row\": \(n(issue.row)), \"field\": \(q(issue.field)), "
            + "\"value\": \(q(issue.value)), \"person\": \(q(issue.person)), \"message\": \(q(issue.message)), \"suggestion\": \(q(issue.suggestion))"
            + (status.map { ", \"status\": \(q(RemarkHistory.code($0)))" } ?? "") + "}"
    }

    /// An earlier remark that is gone, as the earlier report gave it.
    static func fixed(_ remark: RemarkHistory.Earlier) -> String {
        "\n    {\"code\": \(q(remark.code)), \"severity\": \(q(remark.severity)), \"file\": \(q(remark.file)), \"sheet\": \(q(remark.sheet)), "
            + "\"cell\": \(q(remark.cell)), \"row\": \(n(remark.row)), \"field\": \(q(remark.field)), \"value\": \(q(remark.value)), "
            + "\"message\": \(q(remark.message)), \"suggestion\": \(q(remark.suggestion))}"
    }

    static func indicator(_ value: Indicator) -> String {
        var text = "\n    {\"id\": \(q(value.id))"
        if let period = value.period { text += ", \"period\": \(q(period))" }
        if let event = value.event { text += ", \"event\": \(q(event))" }
        text += ", \"numerator\": \(value.numerator), \"denominator\": \(value.denominator), \"value\": \(d(value.value)), "
        text += "\"target\": \(d(value.target)), \"met\": \(value.met.map { $0 ? "true" : "false" } ?? "null"), \"definition\": \(q(value.definition))}"
        return text
    }
}
