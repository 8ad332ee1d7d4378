import Foundation
import SheetIO

/// Reads the tables that refer to roster people: consents and questionnaires; and the partners.
final class ReferenceTables {
    let asOf: CalendarDate
    let log: IssueLog
    let index: PersonIndex
    /// Consents by person.
    private(set) var consents: [ObjectIdentifier: Consent] = [:]
    /// People who asked for a role in a questionnaire, with what they asked.
    private(set) var respondents: [Respondent] = []
    private(set) var partners: [Partner] = []
    var reconciliation = Reconciliation()
    private var seenRows: Set<String> = []

    struct Respondent {
        var person: Person?
        var name: String
        var role: Role
        var source: String
        var interests: String
        var request: String
        var place: SourceRef
        /// What the questionnaire itself says of the respondent (kept for a person not in the rosters).
        var declaredCategory = ""
        var declaredClassOrPosition = ""
    }

    public struct Partner {
        var name: String
        var inn: String?
        var agreementNumber: String?
        var agreementDate: CalendarDate?
        var mentorsCount: String
        var place: SourceRef
    }

    init(asOf: CalendarDate, log: IssueLog, index: PersonIndex) {
        self.asOf = asOf
        self.log = log
        self.index = index
    }

    /// Whether this row repeats an earlier one of its kind (`ROW_DUPLICATE`, merged).
    private func isDuplicate(_ row: SheetRow, kind: TableKind) -> Bool {
        let key = DuplicateRow.key(row, kind: kind)
        if seenRows.insert(key).inserted { return false }
        log.add(Issue(.rowDuplicate, .earlier, at: row.place(column: 1), field: nil, value: nil))
        return true
    }

    // MARK: Consents

    func readConsents(_ sheet: RecognisedSheet) {
        let flooded = PeopleFlood.unknownRows(sheet, index: index, log: log)
        for row in sheet.rows { reconciliation.count(flooded.contains(row.row.number) ? .rejected : readConsent(row)) }
    }

    private func readConsent(_ row: SheetRow) -> RowOutcome {
        if isDuplicate(row, kind: .consents) { return .merged }
        guard case .found(let person) = index.resolve(row, log: log, missing: .standard) else { return .rejected }
        let dateCell = row.cell("consent_date")
        let date: CalendarDate
        switch log.date(row, "consent_date", pivotYear: asOf.year) {
        case .empty:
            log.add(Issue(.valueRequired, at: row.place("consent_date"), field: "consent_date", value: nil))
            return .rejected
        case .invalid:
            return .rejected
        case .date(let value):
            if value > asOf {
                log.add(Issue(.dateOutOfRange, .consentLate, at: row.place("consent_date"), field: "consent_date", value: dateCell.text,
                              ["date": value.russian, "asOf": asOf.russian]))
                return .rejected
            }
            date = value
        }
        let signerText = row.text("signer").lowercased()
        let byRepresentative: Bool? = signerText.isEmpty ? (row.text("guardian_name").isEmpty ? nil : true)
            : ["представ", "родител", "мать", "отец", "опекун", "мама", "папа", "попечит"].contains { signerText.contains($0) }
        var consent = Consent(date: date, byRepresentative: byRepresentative, withdrawn: nil, place: row.place("consent_date"), isValid: true, problem: nil)
        let signer = AgeRules.consentSigner(of: person, on: date)
        if signer != .anyone, byRepresentative != true {
            log.add(Issue(.consentWrongSigner, signer == .representativeAgeUnknown ? .ageUnknown : .standard, at: row.place(row.recognition.column(of: "signer") != nil ? "signer" : "consent_date"), field: "signer",
                          value: row.text("signer"), ["age": RussianText.years(person.age(on: date) ?? 0)], person: person.name.description))
            consent.isValid = false
            consent.problem = "согласие дано не законным представителем"
        }
        let withdrawal = log.date(row, "withdrawal_date", pivotYear: asOf.year)
        if case .invalid = withdrawal {
            // A withdrawal was written but cannot be read: the consent cannot be relied on until the date is fixed.
            consent.isValid = false
            consent.problem = "дата отзыва согласия не читается"
        }
        if case .date(let withdrawn) = withdrawal, withdrawn <= asOf {
            consent.withdrawn = withdrawn
            consent.isValid = false
            consent.problem = "согласие отозвано \(withdrawn.russian)"
            log.add(Issue(.consentWithdrawn, at: row.place("withdrawal_date"), field: "withdrawal_date", value: row.text("withdrawal_date"),
                          ["date": withdrawn.russian], person: person.name.description))
        }
        // A later valid consent wins over an earlier one.
        if let existing = consents[ObjectIdentifier(person)], existing.isValid, !consent.isValid { return .merged }
        let merged = consents[ObjectIdentifier(person)] != nil
        consents[ObjectIdentifier(person)] = consent
        return merged ? .merged : .used
    }

    // MARK: Questionnaires

    func readQuestionnaire(_ sheet: RecognisedSheet) {
        for row in sheet.rows { reconciliation.count(readAnswer(row)) }
    }

    private func readAnswer(_ row: SheetRow) -> RowOutcome {
        if isDuplicate(row, kind: .questionnaire) { return .merged }
        guard let role = log.required(row, "desired_role", parse: Role.parse, invalid: .roleUnknown) else {
            return .rejected
        }
        let categoryText = row.text("category")
        if !categoryText.isEmpty, Category.parse(categoryText) == nil {
            log.add(Issue(.categoryUnknown, at: row.place("category"), field: "category", value: categoryText))
        }
        let (text, field) = row.personName
        let person: Person?
        switch index.resolve(row, log: log, missing: nil) {
        case .rejected: return .rejected
        case .found(let found): person = found
        case .missing:
            person = nil
            log.add(Issue(.personNotInRoster, at: row.place(field), field: field, value: text))
        }
        // A class in the questionnaire that disagrees with the roster: the questionnaire is the less authoritative source.
        let declaredClass = row.text("class_or_position")
        if let person, let own = person.schoolClass, let given = ContactReading.schoolClass(declaredClass), given != own, !(given.count < own.count && own.hasPrefix(given)) {
            log.add(Issue(.personConflict, at: row.place("class_or_position"), field: "class", value: declaredClass,
                          ["name": person.name.short, "there": (person.fieldSources["class"] ?? person.origin).description, "other": own]))
        }
        respondents.append(Respondent(person: person, name: person?.name.description ?? NameNormaliser.readFull(text).name?.description ?? text,
                                      role: role, source: row.text("source"), interests: row.text("interests"), request: row.text("request"), place: row.place(field),
                                      declaredCategory: row.text("category"), declaredClassOrPosition: row.text("class_or_position")))
        return .used
    }

    // MARK: Partners

    func readPartners(_ sheet: RecognisedSheet) {
        for row in sheet.rows { reconciliation.count(readPartner(row)) }
    }

    private func readPartner(_ row: SheetRow) -> RowOutcome {
        if isDuplicate(row, kind: .partners) { return .merged }
        let name = row.text("org_name")
        guard !name.isEmpty else {
            log.add(Issue(.valueRequired, at: row.place("org_name"), field: "org_name", value: nil))
            return .rejected
        }
        var inn: String?
        let innText = row.text("inn")
        if innText.isEmpty {
            log.add(Issue(.valueRequired, at: row.place("inn"), field: "inn", value: nil))
        } else {
            switch ContactReading.inn(innText) {
            case .valid(let value): inn = value
            case .invalid(let reason):
                log.add(Issue(.innInvalid, at: row.place("inn"), field: "inn", value: innText, ["reason": reason]))
            }
        }
        var agreementDate: CalendarDate?
        if case .date(let date) = log.date(row, "agreement_date", pivotYear: asOf.year) { agreementDate = date }
        let number = row.text("agreement_no")
        if number.isEmpty || agreementDate == nil {
            let field = row.recognition.column(of: "agreement_no") != nil ? "agreement_no" : "org_name"
            log.add(Issue(.partnerNoAgreement, at: row.place(field), field: field, value: number.isEmpty ? nil : number, ["organisation": name]))
        }
        if let inn, partners.contains(where: { $0.inn == inn }) { return .merged }
        partners.append(Partner(name: name, inn: inn, agreementNumber: number.isEmpty ? nil : number, agreementDate: agreementDate,
                                mentorsCount: row.text("mentors_count"), place: row.place("org_name")))
        return .used
    }
}
