import Foundation

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
    public var met: Bool? { IndicatorMath.met(value: value, target: target) }
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
        let withPlan = valid.filter { $0.planDone != nil }
        let providing = PartnerMatch.employerMentors(of: register.partners.map(\.name), in: valid).filter { !$0.isEmpty }.count
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
            Indicator(id: "consents", numerator: register.participants.filter(register.hasValidConsent).count,
                      denominator: register.participants.count, target: 1.0, definition: "участники с действующим согласием / все участники"),
        ] + coverage + [
            Indicator(id: "plans_done", numerator: withPlan.filter { ($0.planDone ?? 0) >= 0.9 }.count, denominator: withPlan.count,
                      target: nil, definition: "пары с выполнением плана от 90% / пары с планом"),
            Indicator(id: "young_specialists_in_pairs", numerator: young.filter { inPairs.contains(ObjectIdentifier($0)) }.count, denominator: young.count,
                      target: 1.0, definition: "молодые специалисты в парах / все молодые специалисты"),
            Indicator(id: "students_10_18_involved", numerator: pupils10to18.filter { inPairs.contains(ObjectIdentifier($0)) }.count,
                      denominator: pupils10to18.count, target: nil, definition: "обучающиеся 10–18 лет в парах / все обучающиеся 10–18 лет" + ageNote(bands)),
            Indicator(id: "partners_with_mentors", numerator: providing, denominator: register.partners.count, target: nil, definition: "организации, предоставившие наставников / все организации-партнёры"),
        ] + AttendanceIndicators.compute(register) + [
            Indicator(id: "roadmap_done", numerator: register.roadmap.filter { $0.due && $0.done }.count,
                      denominator: register.roadmap.filter(\.due).count, target: 0.9,
                      definition: "позиции дорожной карты со сроком до даты отчёта, выполненные / все такие позиции"),
            Indicator(id: "partner_agreements", numerator: register.partners.filter { $0.agreementNumber != nil && $0.agreementDate != nil }.count,
                      denominator: register.partners.count, target: nil, definition: "организации с номером и датой соглашения / все организации-партнёры"),
        ]
    }
}
