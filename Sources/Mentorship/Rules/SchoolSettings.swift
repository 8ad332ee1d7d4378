/// The settings of the key–value sheet «Сведения об ОО», each with the key texts that name it: the one table
/// that recognition (a sheet whose first column holds two of them is the settings) and reading both use.
public enum SettingKey: String, CaseIterable, Sendable {
    case school, shortName = "short_name", municipality, city, region, director, curator, academicYear = "academic_year"
    case inn, address, idKey = "id_key", plansDeadline = "plans_deadline"

    /// The texts a settings sheet names the key with.
    var names: [String] {
        switch self {
        case .school: return ["Наименование ОО", "Полное наименование ОО", "Наименование образовательной организации"]
        case .shortName: return ["Краткое наименование", "Краткое наименование ОО"]
        case .municipality: return ["Муниципалитет", "Муниципальное образование", "Город"]
        case .city: return ["Населённый пункт", "Город (населённый пункт)"]
        case .region: return ["Регион", "Субъект РФ"]
        case .director: return ["Директор", "ФИО директора"]
        case .curator: return ["Куратор", "Куратор внедрения ЦМН", "ФИО куратора"]
        case .academicYear: return ["Учебный год"]
        case .inn: return ["ИНН ОО", "ИНН"]
        case .address: return ["Адрес"]
        case .idKey: return ["Ключ обезличивания"]
        case .plansDeadline: return ["Срок представления планов", "Срок представления индивидуальных планов"]
        }
    }

    private static let byMatchKey: [String: SettingKey] = {
        var table: [String: SettingKey] = [:]
        for key in allCases { for name in key.names + [key.rawValue] { table[TextCleaning.matchKey(name)] = key } }
        return table
    }()

    /// The key a first-column cell names (case, spaces, punctuation and `ё` ignored), if any.
    static func named(_ text: String) -> SettingKey? { byMatchKey[TextCleaning.matchKey(text)] }
}

/// The school's settings: the key–value sheet «Сведения об ОО» (command-line options win over it).
public struct SchoolSettings: Sendable, Equatable {
    public var values: [SettingKey: String] = [:]
    public var place: [SettingKey: SourceRef] = [:]

    public subscript(_ key: SettingKey) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }
}
