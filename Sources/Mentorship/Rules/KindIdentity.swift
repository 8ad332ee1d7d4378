/// Which headers identify a kind of table. A kind is chosen only when at least one of its own identifying
/// headers matches (for pairs: a mentor or mentee column); generic words found in unrelated tables («Начало»,
/// «Окончание», «Время», «№», «Урок») never choose a kind, though they still map columns once one is chosen.
enum KindIdentity {
    /// The fields that identify `kind` (the name columns for the kinds whose rows are people).
    static func fields(of kind: TableKind) -> Set<String> {
        let names: Set<String> = ["full_name", "last_name"]
        switch kind {
        case .students: return names.union(["birth_date", "class", "snils", "sex", "guardian_name", "guardian_phone"])
        case .staff: return names.union(["position", "experience", "teaching_start", "young_specialist", "qualification", "subject"])
        case .external: return names.union(["category", "organisation", "graduation_year", "child_name"])
        case .partners: return ["org_name", "inn", "ogrn", "agreement_no", "agreement_date", "contact_name", "mentors_count"]
        case .questionnaire: return names.union(["desired_role", "desired_form", "interests", "request", "source"])
        case .pairs: return ["mentor", "mentee"]
        case .consents: return names.union(["consent_date", "signer", "withdrawal_date"])
        case .diagnostics: return names.union(["indicator_name", "score"])
        case .attendance: return names.union(["event", "present"])
        case .roadmap: return ["measure", "deadline", "expected_result", "kpi", "done_date"]
        case .plans: return ["plan_item"]
        case .settings: return []
        }
    }

    /// Whether the fields a header row matched for `kind` include one that identifies it.
    static func identifies(_ kind: TableKind, matched fields: Set<String>) -> Bool {
        !fields.isDisjoint(with: Self.fields(of: kind)) || (kind == .diagnostics && fields.contains { $0.hasPrefix("indicator#") })
    }
}
