/// The kinds of table curators keep (`inputs.md`).
public enum TableKind: String, CaseIterable, Sendable, Codable {
    case students, staff, external, partners, questionnaire, pairs, consents, diagnostics, attendance, roadmap, settings, plans

    /// Words of the kind's Russian names, for breaking ties by the sheet or file name.
    var nameWords: [String] {
        switch self {
        case .students: return ["контингент", "обучающ", "ученик", "учащ"]
        case .staff: return ["педагог", "кадры", "сотрудник", "персонал"]
        case .external: return ["внешн", "родител", "выпускник", "студент", "работодател"]
        case .partners: return ["партн"]
        case .questionnaire: return ["анкет"]
        case .pairs: return ["пар", "групп", "наставнич"]
        case .consents: return ["соглас", "пдн"]
        case .diagnostics: return ["диагност"]
        case .attendance: return ["явк", "посещ", "участие в мероприят"]
        case .roadmap: return ["дорожн", "план мероприят"]
        case .settings: return ["сведения", "настройк"]
        case .plans: return ["индивидуальн", "план"]
        }
    }

    /// Kinds whose rows are about one person, named in a full-name column (or three name columns).
    public var hasPersonName: Bool {
        switch self {
        case .students, .staff, .external, .questionnaire, .consents, .diagnostics, .attendance: return true
        case .partners, .pairs, .roadmap, .settings, .plans: return false
        }
    }

    /// Required fields a sheet of this kind is still read without, with one warning for the sheet (`inputs.md`,
    /// «Rosters as schools export them»): a pupils' roster exported without birth dates or a class column.
    public var readWithout: Set<String> { self == .students ? ["birth_date", "class"] : [] }

    /// Kinds whose rows define people (the rosters).
    public var isRoster: Bool { self == .students || self == .staff || self == .external }
}

/// One recognised column: its field id and, for diagnostic scores, the indicator's name and scale.
public struct ColumnField: Sendable, Equatable {
    public var field: String
    /// One-based column number.
    public var column: Int
    /// The header text as the sheet has it.
    public var header: String
}

/// How to read a header row's cells: which column holds which field.
struct HeaderCatalogue {
    struct Entry {
        let kind: TableKind?   // nil: the full-name group, shared by every kind but settings
        let field: String
        let required: Bool
    }

    /// Entries by header match key.
    let byKey: [String: [Entry]]
    /// Required fields of each kind (the name group aside).
    let required: [TableKind: [String]]
    /// Lines of the header table that are malformed or name an unknown kind, field or requirement (a test
    /// requires none; such a line is not used).
    let problems: [String]

    static let shared = HeaderCatalogue()

    init(text: String = HeaderTable.text) {
        var byKey: [String: [Entry]] = [:]
        var required: [TableKind: [String]] = [:]
        var problems: [String] = []
        for line in text.split(separator: "\n") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { TextCleaning.clean(String($0)) }
            guard columns.count == 4, columns[0] == "*" || TableKind(rawValue: columns[0]) != nil, Field(rawValue: columns[1]) != nil,
                  ["req", "opt", "name"].contains(columns[2]), !columns[3].isEmpty else {
                problems.append(String(line))
                continue
            }
            let kind = columns[0] == "*" ? nil : TableKind(rawValue: columns[0])
            let entry = Entry(kind: kind, field: columns[1], required: columns[2] == "req")
            if let kind, entry.required { required[kind, default: []].append(entry.field) }
            let synonyms = columns[3].split(separator: "|").map(String.init) + [columns[1]]
            for synonym in synonyms {
                let key = HeaderCatalogue.key(synonym)
                if !(byKey[key]?.contains { $0.kind == entry.kind && $0.field == entry.field } ?? false) {
                    byKey[key, default: []].append(entry)
                }
            }
        }
        self.byKey = byKey
        self.required = required
        self.problems = problems
    }

    /// The comparison key of a header: case, spaces, punctuation, `ё`/`е` and a trailing `*` ignored.
    static func key(_ header: String) -> String { TextCleaning.matchKey(header) }

    /// The fields a header cell can mean, for each kind.
    func entries(for header: String) -> [Entry] { byKey[HeaderCatalogue.key(header)] ?? [] }
}
