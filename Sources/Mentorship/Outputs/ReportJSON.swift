import SheetIO

/// `report.json`: the build for programs, in the layout of `outputs.md`, keys in a fixed order.
public enum ReportJSON {
    public static let toolVersion = "0.1.0"

    public static func render(_ register: Register, outputs: [(file: String, sha256: String)]) -> String {
        var json = "{\n"
        json += "  \"tool\": {\"name\": \"nastavnik\", \"version\": \(q(toolVersion))},\n"
        json += "  \"as_of\": \(q(register.asOf.iso)),\n"
        json += "  \"inputs\": [" + register.inputs.map(input).joined(separator: ",") + (register.inputs.isEmpty ? "" : "\n  ") + "],\n"
        let r = register.reconciliation
        json += "  \"reconciliation\": {\"rows_read\": \(r.rowsRead), \"rows_used\": \(r.rowsUsed), \"rows_merged\": \(r.rowsMerged), \"rows_rejected\": \(r.rowsRejected)},\n"
        json += "  \"counts\": {" + register.counts.map { "\(q($0.0)): \($0.1)" }.joined(separator: ", ") + "},\n"
        json += "  \"issues\": [" + register.issues.map(issue).joined(separator: ",") + (register.issues.isEmpty ? "" : "\n  ") + "],\n"
        json += "  \"indicators\": [" + register.indicators.map(indicator).joined(separator: ",") + "\n  ],\n"
        json += "  \"outputs\": [" + outputs.map { "\n    {\"file\": \(q($0.file)), \"sha256\": \(q($0.sha256))}" }.joined(separator: ",") + (outputs.isEmpty ? "" : "\n  ") + "]\n"
        return json + "}\n"
    }

    static func q(_ text: String?) -> String { text.map(CellJSON.quote) ?? "null" }
    static func n(_ value: Int?) -> String { value.map(String.init) ?? "null" }
    static func d(_ value: Double?) -> String {
        guard let value else { return "null" }
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == rounded.rounded() ? String(Int(rounded)) + ".0" : "\(rounded)"
    }

    static func input(_ file: InputFile) -> String {
        var text = "\n    {\"file\": \(q(file.file)), \"sha256\": \(q(file.sha256)), \"status\": \(q(file.status.rawValue)), " + (file.reason.map { "\"reason\": \(q($0)), " } ?? "") + "\"sheets\": ["
        text += file.sheets.map { sheet in
            "{\"name\": \(q(sheet.name)), \"kind\": \(q(sheet.kind?.rawValue)), \"header_row\": \(n(sheet.headerRow)), \"rows\": \(sheet.rows), \"status\": \(q(sheet.status))}"
        }.joined(separator: ", ")
        return text + "]}"
    }

    static func issue(_ issue: Issue) -> String {
        "\n    {\"code\": \(q(issue.code.rawValue)), \"severity\": \(q(issue.severity.rawValue)), \"file\": \(q(issue.file)), "
            + "\"sheet\": \(q(issue.sheet)), \"cell\": \(q(issue.cell)), \"row\": \(n(issue.row)), \"field\": \(q(issue.field)), "
            + "\"value\": \(q(issue.value)), \"person\": \(q(issue.person)), \"message\": \(q(issue.message)), \"suggestion\": \(q(issue.suggestion))}"
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

/// One indicator of `outputs.md`.
public struct Indicator {
    public var id: String
    public var period: String?
    public var event: String?
    public var numerator: Int
    public var denominator: Int
    public var target: Double?
    public var definition: String

    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }
    public var met: Bool? {
        guard let target, let value else { return nil }
        return value >= target - 1e-12
    }
}

/// Every indicator of `outputs.md`, in a fixed order.
public enum Indicators {
    /// What the 10–18 indicator's definition says of pupils without a birth date (nothing when every pupil has one).
    static func ageNote(_ bands: [AgeRules.AgeBand]) -> String {
        let byGrade = bands.filter { if case .byGrade = $0 { return true } else { return false } }.count
        let unknown = bands.filter { $0 == .unknown }.count
        var note = ""
        if byGrade > 0 { note += "; без даты рождения (\(byGrade) чел.) возраст 10–18 лет считается по классу: 5–11 классы" }
        if unknown > 0 { note += "; без даты рождения и класса (\(unknown) чел.) не учтены" }
        return note
    }

    public static func compute(_ register: Register) -> [Indicator] {
        let valid = register.units.filter(\.isValid)
        let mentors = Set(valid.compactMap { $0.mentor.map(ObjectIdentifier.init) })
        let inPairs = Set<ObjectIdentifier>(register.units.flatMap { unit -> [ObjectIdentifier] in ([unit.mentor].compactMap { $0 } + unit.mentees).map { ObjectIdentifier($0) } })
        let pupils = register.people.filter { $0.category == .student && !$0.rejected }
        let pedagogical = register.people.filter { $0.isPedagogical && !$0.rejected }
        let young = register.people.filter { $0.category == .youngSpecialist }
        let bands = pupils.map { AgeRules.band10to18($0, on: register.asOf) }
        let pupils10to18 = zip(pupils, bands).filter { $0.1.inBand }.map(\.0)
        let withPlan = register.units.filter { $0.planDone != nil }
        let mentorOrganisations = Set(valid.compactMap { $0.mentor?.organisation }.filter { !$0.isEmpty }.map(FoldedText.init))
        let partnerMatch = PartnerMatch(partnerNames: register.partners.map(\.name))
        let coverage = register.coverage.map { line in
            Indicator(id: "diagnostics_coverage", period: line.period.key, numerator: line.diagnosed, denominator: line.expected.count, target: 1.0,
                      definition: "прошли диагностику за период / участники пар, действовавших в периоде")
        }
        return [
            Indicator(id: "mentors_from_students", numerator: pupils.filter { mentors.contains(ObjectIdentifier($0)) }.count, denominator: pupils.count,
                      target: 0.03, definition: "наставники-обучающиеся в действующих парах / обучающиеся по контингенту"),
            Indicator(id: "mentors_from_teachers", numerator: pedagogical.filter { mentors.contains(ObjectIdentifier($0)) }.count, denominator: pedagogical.count,
                      target: 0.05, definition: "наставники-педагоги в действующих парах / педагогические работники"),
            Indicator(id: "participants_in_pairs", numerator: register.participants.filter { inPairs.contains(ObjectIdentifier($0)) }.count,
                      denominator: register.participants.count, target: 1.0, definition: "участники хотя бы в одной паре / все участники"),
            Indicator(id: "consents", numerator: register.participants.filter { register.consent(of: $0)?.isValid == true }.count,
                      denominator: register.participants.count, target: 1.0, definition: "участники с действующим согласием / все участники"),
        ] + coverage + [
            Indicator(id: "plans_done", numerator: withPlan.filter { ($0.planDone ?? 0) >= 0.9 }.count, denominator: withPlan.count,
                      target: nil, definition: "пары с выполнением плана от 90% / пары с планом"),
            Indicator(id: "young_specialists_in_pairs", numerator: young.filter { inPairs.contains(ObjectIdentifier($0)) }.count, denominator: young.count,
                      target: 1.0, definition: "молодые специалисты в парах / все молодые специалисты"),
            Indicator(id: "students_10_18_involved", numerator: pupils10to18.filter { inPairs.contains(ObjectIdentifier($0)) }.count,
                      denominator: pupils10to18.count, target: nil, definition: "обучающиеся 10–18 лет в парах / все обучающиеся 10–18 лет" + ageNote(bands)),
            Indicator(id: "partners_with_mentors", numerator: Set(mentorOrganisations.flatMap(partnerMatch.partners(containing:))).count, denominator: register.partners.count, target: nil, definition: "организации, предоставившие наставников / все организации-партнёры"),
        ] + AttendanceIndicators.compute(register) + [
            Indicator(id: "roadmap_done", numerator: register.roadmap.filter { $0.due && $0.done }.count,
                      denominator: register.roadmap.filter(\.due).count, target: 0.9,
                      definition: "позиции дорожной карты со сроком до даты отчёта, выполненные / все такие позиции"),
            Indicator(id: "partner_agreements", numerator: register.partners.filter { $0.agreementNumber != nil && $0.agreementDate != nil }.count,
                      denominator: register.partners.count, target: nil, definition: "организации с номером и датой соглашения / все организации-партнёры"),
        ]
    }
}
