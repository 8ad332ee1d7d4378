import Foundation
import Testing
@testable import Mentorship

/// The issue catalogue (`Rules/IssueCatalogue.swift`): one entry per code of `checks.md`, the only place that
/// writes a remark's Russian, every message readable in one golden file.
@Suite struct IssueCatalogueTests {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The codes of the table «Issue codes» of `../shared/spec/checks.md`, with their severities.
    static func specCodes() throws -> [(code: String, severity: String)]? {
        let path = repository.deletingLastPathComponent().path + "/shared/spec/checks.md"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var codes: [(String, String)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            for part in cells[0].split(separator: "`") where part.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) && !part.isEmpty {
                codes.append((String(part), cells[1]))
            }
        }
        return codes
    }

    @Test func everyCodeOfChecksHasExactlyOneEntry() throws {
        for code in IssueCode.allCases {
            #expect(IssueCatalogue.rules.filter { $0.code == code }.count == 1, "\(code.rawValue) must have one catalogue entry")
        }
        guard let spec = try Self.specCodes() else {
            print("catalogue: ../shared/spec/checks.md is absent; the comparison with the spec is skipped")
            return
        }
        #expect(spec.count >= 50)
        for (name, severity) in spec {
            let code = IssueCode(rawValue: name)
            #expect(code != nil, "\(name) of checks.md is not an IssueCode")
            guard let code else { continue }
            let entries = IssueCatalogue.rules.filter { $0.code == code }
            #expect(entries.count == 1, "\(name): \(entries.count) catalogue entries")
            #expect(entries.first?.severity.rawValue == severity, "\(name): severity \(entries.first?.severity.rawValue ?? "-"), checks.md says \(severity)")
        }
    }

    @Test func everyWordingIsUsedAndEveryTemplateCloses() {
        let used = Set(IssueCatalogue.rules.flatMap { $0.texts.keys })
        for variant in IssueVariant.allCases { #expect(used.contains(variant), "\(variant) is in no entry") }
        for rule in IssueCatalogue.rules {
            for (_, text) in rule.texts {
                for template in [text.message] + (text.fix.map { [$0] } ?? []) {
                    #expect(template.filter { $0 == "{" }.count == template.filter { $0 == "}" }.count, "\(rule.code.rawValue): \(template)")
                }
            }
        }
    }

    /// Sample values for every placeholder, so that each message reads as a curator will see it.
    static let samples: [String: String] = [
        "name": "Зуева Т.М.", "age": RussianText.years(13), "date": "31.05.2026", "asOf": "29.05.2026", "start": "01.09.2025", "end": "01.06.2025",
        "reason": "такой даты нет", "ext": "pdf", "encoding": "windows-1251", "delimiter": ";",
        "kind": "Контингент", "fields": "Дата рождения, Класс", "first": "Дата рождения", "headers": "Примечание, Хобби",
        "rows": "23 строки", "total": "25", "names": "Антонов А.А., Борисова Б.Б., Васильев В.В., Григорьева Г.Г., Дмитриев Д.Д.",
        "length": "40000", "limit": "10", "row": "7", "place": "students.xlsx!Лист1", "indicator": "Мотивация", "scale": "от 1 до 10",
        "there": "students.xlsx!Лист1!C5", "other": "7А", "basis": "«Педагогический стаж»", "people": "Иванов Илья Петрович (7А); Иванов Игорь Сергеевич (9Б)",
        "mentor": "Смирнова А.О.", "mentee": "Иванов И.П.", "mentorClass": "7А", "menteeClass": "8Б", "form": "ученик – ученик",
        "misfits": "наставник Смирнова А.О. — педагог", "unit": "3", "second": "Орлов Д.С.", "period": "2025-Q4", "percent": "75",
        "organisation": "ООО «Ромашка»", "measure": "Заключение соглашений с организациями-партнёрами", "year": "2025/2026",
        "found": "«Лист1»", "expected": "«Сводка ОО», «Показатели ОО», «Пары и группы»", "column": "Участников", "school": "МАОУ СОШ № 7",
        "current": "2", "file": "Томск/regional.xlsx", "files": "Северск/regional.xlsx",
    ]

    /// The field, value and values of a code where the common samples would not read naturally.
    static let sampleOverrides: [IssueCode: (field: String?, value: String?, values: [String: String])] = [
        .fileUnreadable: (nil, nil, ["reason": "архив повреждён (нет центрального каталога)"]),
        .fileUnsupported: (nil, nil, ["reason": "книга защищена паролем"]),
        .fileLimit: (nil, nil, ["reason": "после распаковки больше 1 ГБ"]),
        .fileSkipped: (nil, nil, ["reason": "ссылка на папку, которая уже прочитана"]),
        .ownOutputSkipped: (nil, nil, ["reason": "реестр (register.xlsx)"]),
        .sheetUnrecognised: (nil, "Урок | Начало | Окончание", [:]),
        .mergeInvalid: (nil, "B2:A1", [:]),
        .valueTooLong: ("request", "…", ["length": "40 000", "limit": "32 767"]),
        .nameInvalid: ("full_name", "Иванов", ["reason": "одно слово, а нужны хотя бы фамилия и имя"]),
        .nameMixedScript: ("full_name", "Mорозов Глеб Игоревич", ["name": "Морозов Глеб Игоревич"]),
        .classInvalid: ("class", "13Я", [:]),
        .phoneInvalid: ("guardian_phone", "12-34", [:]),
        .emailInvalid: ("email", "ivanov@", [:]),
        .snilsInvalid: ("snils", "868-633-003 41", ["reason": "контрольное число не сходится"]),
        .innInvalid: ("inn", "701712345", ["reason": "должно быть 10 цифр (организация) или 12 (физическое лицо), а здесь 9"]),
        .categoryUnknown: ("category", "студент или выпускник", [:]),
        .roleUnknown: ("desired_role", "куратор", [:]),
        .formUnknown: ("form", "учитель – ученик", [:]),
        .scoreInvalid: ("indicator", "12", [:]),
        .personConflict: ("class", "8Б", [:]),
        .personNotFound: ("mentor", "Смирнов Алексей Павлович", [:]),
        .personNotInRoster: ("full_name", "Смирнов Алексей Павлович", [:]),
        .personAmbiguous: ("mentee", "Иванов И.", [:]),
        .formMismatch: ("form", "ученик – ученик", ["first": "Смирнова А.О."]),
        .planUnitUnknown: ("unit_no", "12", [:]),
        .partnerNoAgreement: ("agreement_no", nil, [:]),
        .roadmapDeadlineUnparsed: ("deadline", "по согласованию", [:]),
        .uploadMalformed: (nil, "1", ["reason": "архив повреждён", "expected": "2 (или прежнюю 1)", "found": "«Лист1»"]),
        .uploadOldVersion: (nil, "1", [:]),
        .valueRequired: ("birth_date", nil, [:]),
        .dateInvalid: ("birth_date", "31.02.2011", [:]),
    ]

    /// Every code's every wording rendered with sample values, compared with `Tests/Fixtures/golden/issue-messages.txt`
    /// (`NASTAVNIK_UPDATE_GOLDEN=1` rewrites it).
    @Test func everyMessageRendersWithSampleValues() throws {
        var text = ""
        for rule in IssueCatalogue.rules {
            for variant in IssueVariant.allCases {
                guard rule.texts[variant] != nil else { continue }
                let special = Self.sampleOverrides[rule.code]
                let issue = Mentorship.Issue(rule.code, variant, at: SourceRef(file: "students.xlsx", sheet: "Лист1", sheetIndex: 0, row: 5, column: 3),
                                             field: special?.field, value: special?.value,
                                             Self.samples.merging(special?.values ?? [:]) { _, special in special })
                #expect(!issue.message.contains("{") && !(issue.suggestion ?? "").contains("{"), "\(rule.code.rawValue).\(variant): a placeholder without a sample")
                text += "\(rule.code.rawValue)\(variant == .standard ? "" : " (\(variant))") — \(issue.severity.russian)\n"
                text += "  \(issue.message)\n"
                if let fix = issue.suggestion { text += "  → \(fix)\n" }
            }
        }
        let path = Self.repository.path + "/Tests/Fixtures/golden/issue-messages.txt"
        if ProcessInfo.processInfo.environment["NASTAVNIK_UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)), "issue-messages.txt differs; NASTAVNIK_UPDATE_GOLDEN=1 rewrites it")
    }

    /// Outside `Rules/` and the header table, no call that raises an issue holds Russian text: sites pass values.
    @Test func noRussianMessageTextOutsideRules() throws {
        let root = Self.repository.path + "/Sources/Mentorship"
        let files = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Rules/") && !$0.hasSuffix("HeaderTable.swift") }
        #expect(files.count > 30)
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for opener in ["Issue(", "malformed(", "log.required("] {
                var rest = Substring(text)
                while let range = rest.range(of: opener) {
                    var depth = 1
                    var index = range.upperBound
                    while index < rest.endIndex, depth > 0 {
                        if rest[index] == "(" { depth += 1 } else if rest[index] == ")" { depth -= 1 }
                        index = rest.index(after: index)
                    }
                    let call = rest[range.lowerBound..<index]
                    if call.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
                        offenders.append("\(file): \(call.prefix(80))")
                    }
                    rest = rest[index...]
                }
            }
            if text.contains("IssueRule(") { offenders.append("\(file): an IssueRule outside Rules/") }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    /// The header table is checked against the field catalogue: a malformed or unknown line is reported, never skipped.
    @Test func headerTableLinesAreAllKnown() {
        #expect(HeaderCatalogue.shared.problems.isEmpty, "\(HeaderCatalogue.shared.problems)")
        let broken = HeaderCatalogue(text: "students\tbirth_date\treq\tДата рождения\nstudents\tbirthday\treq\tДень рождения\nstaff\tposition\n")
        #expect(broken.problems == ["students\tbirthday\treq\tДень рождения", "staff\tposition"])
    }

    /// Russian that needs no declension; a shortened value keeps whole words.
    @Test func remarksReadAsRussian() {
        #expect(RussianText.rows(23) == "23 строки" && RussianText.rows(25) == "25 строк")
        #expect(RussianText.years(1) == "1 год" && RussianText.years(3) == "3 года" && RussianText.years(13) == "13 лет" && RussianText.years(22) == "22 года")
        let long = "Заключение соглашений с организациями-партнерами по внедрению целевой модели наставничества в образовательной организации"
        let short = RussianText.shortened(long)
        #expect(short.hasSuffix("…") && long.hasPrefix(String(short.dropLast())) && long.split(separator: " ").contains { $0 == short.dropLast().split(separator: " ").last! })
    }
}
