import PackageIO
import Foundation
import SheetIO

/// The regional upload (`outputs.md`): `regional.xlsx` and its three CSVs in a fixed layout, personal data
/// only where consent is valid, participant IDs pseudonymous under the school's key.
public enum RegionalUpload {
    /// «Версия формата». 2: participant IDs under a key kept outside the output (never the empty key), see the README.
    public static let formatVersion = "2"
    /// The version before, still accepted by consolidation with a warning.
    public static let previousFormatVersion = "1"
    static let readableFormatVersions: Set<String> = [formatVersion, previousFormatVersion]

    public static let summaryHeader = ["Версия формата", "Регион", "Муниципалитет", "ОО", "ИНН ОО", "Учебный год", "Дата отчёта",
                                       "Участников", "Наставников", "Наставляемых", "Пар", "Групп", "Организаций-партнёров"]
    public static let indicatorsHeader = ["Версия формата", "Регион", "Муниципалитет", "ОО", "ИНН ОО", "Учебный год", "Дата отчёта",
                                          "Код показателя", "Показатель", "Период / мероприятие", "Числитель", "Знаменатель", "Значение", "Цель", "Достигнуто"]
    public static let pairsHeader = ["Версия формата", "Регион", "Муниципалитет", "ОО", "ИНН ОО", "№ пары / группы", "Форма наставничества",
                                     "Роль", "Категория", "Возраст", "Дата начала", "Дата окончания", "ID участника", "ФИО"]
    public static let sheetNames = ["Сводка ОО", "Показатели ОО", "Пары и группы"]

    /// The three tables as rows of cells.
    public static func tables(_ register: Register) -> [[[CellValue]]] {
        let s = register.settings
        let school = [CellValue.text(formatVersion), text(s[.region]), text(s[.municipality]), text(s[.shortName] ?? s[.school]), text(s[.inn])]
        let summary: [[CellValue]] = [school + [.text(register.academicYear.label), .text(register.asOf.iso)]
            + register.counts.ordered.map { .number(Double($0.value)) }]
        let indicators: [[CellValue]] = register.indicators.map { indicator in
            school + [.text(register.academicYear.label), .text(register.asOf.iso), .text(indicator.id), .text(indicator.definition),
                      text(indicator.period ?? indicator.event), .number(Double(indicator.numerator)), .number(Double(indicator.denominator)),
                      indicator.value.map { .number(IndicatorMath.rounded($0)) } ?? .empty,
                      indicator.target.map(CellValue.number) ?? .empty, indicator.met.map { .text($0 ? "да" : "нет") } ?? .empty]
        }
        let key = Array((s[.idKey] ?? "").utf8)
        var pairs: [[CellValue]] = []
        for unit in register.units where unit.isValid {
            let members = [(unit.mentor!, Role.mentor)] + unit.mentees.map { ($0, Role.mentee) }
            for (person, role) in members {
                let consented = register.hasValidConsent(person)
                pairs.append(school + [.text(unit.number), text(unit.form?.russian), .text(role.russian), .text(person.category.russian),
                                       person.age(on: register.asOf).map { .number(Double($0)) } ?? .empty,
                                       unit.start.map { .text($0.iso) } ?? .empty, unit.end.map { .text($0.iso) } ?? .empty,
                                       .text(pseudonym(person.identityKey, key: key)), consented ? .text(person.name.description) : .empty])
            }
        }
        return [summary, indicators, pairs]
    }

    /// A truncated HMAC-SHA256 of the identity key under the school's key (16 hexadecimal digits).
    public static func pseudonym(_ identityKey: String, key: [UInt8]) -> String {
        Array(HMACSHA256.code(message: Array(identityKey.utf8), key: key).prefix(8)).hexString
    }

    static func text(_ value: String?) -> CellValue { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }

    /// Writes `regional.xlsx` and `regional.csv`, `regional-indicators.csv`, `regional-pairs.csv` into `folder`;
    /// returns the files written.
    public static func write(_ register: Register, to folder: String) throws -> [String] {
        let tables = tables(register)
        let headers = [summaryHeader, indicatorsHeader, pairsHeader]
        let writer = try XLSXWriter(path: folder + "/regional.xlsx", options: XLSXWriteOptions(documentDate: register.asOf.iso + "T00:00:00Z", shortenLongText: true))
        for (index, name) in sheetNames.enumerated() {
            let sheet = try writer.addSheet(named: name, layout: RegionalLayout.layout(headers: headers[index]))
            try sheet.append(headers[index].map { .text($0) }, style: .header)
            for row in tables[index] { try sheet.append(row) }
        }
        try writer.close()
        var csvOptions = CSVWriteOptions(delimiter: UInt8(ascii: ";"), byteOrderMark: true)
        csvOptions.neutraliseFormulas = true
        let names = ["regional.csv", "regional-indicators.csv", "regional-pairs.csv"]
        for (index, name) in names.enumerated() {
            let csv = try CSVWriter(path: folder + "/" + name, options: csvOptions)
            csv.append(headers[index].map { .text($0) })
            for row in tables[index] { csv.append(row) }
            try csv.close()
        }
        return ["regional.xlsx"] + names
    }
}
