import Foundation

/// Which wording of a code an issue takes, where one code covers several situations.
public enum IssueVariant: String, CaseIterable, Sendable {
    case standard
    /// An inbox entry listed but not read (a link out of the inbox, a loop, a FIFO, no rights …).
    case entry
    case format, noExtension, notTable
    case repeatedHeader, footer, earlier
    case reference
    case birthFuture, birthAge, consentLate, endBeforeStart
    case period
    case youngSpecialist
    case pairs, attendance
    case twoMentors
    case representative
    /// A pupil whose birth date no roster gives: the age rules take the safe side.
    case ageUnknown
    case negative, outOfScale
    case noOrganisation
    case quarterly, empty
    case notWorkbook, notXLSX, sheets, sheetUnreadable, header, version, twoSchools, otherSchool, cell, emptySheet, noSchool
}

/// One code of the catalogue: its severity and, for each wording, the message and the fix, with
/// `{placeholders}` for the values a raising site passes.
struct IssueRule {
    let code: IssueCode
    let severity: Severity
    let texts: [IssueVariant: (message: String, fix: String?)]
    /// Wordings whose severity differs from the code's (a name not found in an attendance list is a warning).
    let severities: [IssueVariant: Severity]

    init(_ code: IssueCode, _ severity: Severity, _ message: String, fix: String? = nil,
         variants: [IssueVariant: (message: String, fix: String?)] = [:], severities: [IssueVariant: Severity] = [:]) {
        self.code = code
        self.severity = severity
        self.severities = severities
        var texts = variants
        texts[.standard] = (message, fix)
        self.texts = texts
    }
}

/// Every issue code in one table: code, severity, Russian message and fix. A raising site names the code
/// (and a wording, where the code has several) and passes values; the sentences are written only here.
///
/// Values the renderer adds itself: `{value}` (the issue's value), `{field}` (the field's Russian name)
/// and `{hint}` (how to fill the field). A name is always followed by a colon or stands in the nominative
/// after a dash, so that no name has to be declined. A long value is shortened at a word, with «…».
enum IssueCatalogue {
    static let rules: [IssueRule] = [
        // Files and sheets.
        IssueRule(.fileUnreadable, .error, "файл не прочитан: {reason}", fix: "Откройте файл в Excel и сохраните его заново как .xlsx",
                  variants: [.entry: ("не прочитан: {reason}", "Дайте права на чтение файла или сохраните его заново")]),
        IssueRule(.fileUnsupported, .error, "файл не прочитан: {reason}", fix: "Сохраните файл как .xlsx без пароля",
                  variants: [.entry: ("не прочитан: {reason}", "Положите в папку сам файл (.xlsx или .csv), а не ссылку или особую запись"),
                             .format: ("формат «.{ext}» не читается", "Сохраните файл как .xlsx (Книга Excel) без пароля")]),
        IssueRule(.fileLimit, .error, "файл не прочитан: {reason}", fix: "Откройте файл в Excel и сохраните его заново как .xlsx"),
        IssueRule(.fileSkipped, .warning, "не прочитан: {reason}", fix: "Положите таблицу в папку обычным файлом с коротким путём",
                  variants: [.notTable: ("не прочитан: файл «.{ext}» — не таблица", "Если это таблица, сохраните её как .xlsx или .csv"),
                             .noExtension: ("не прочитан: файл без расширения — не таблица", "Если это таблица, сохраните её как .xlsx или .csv")],
                  severities: [.notTable: .info, .noExtension: .info]),
        IssueRule(.ownOutputSkipped, .info, "не прочитан: {reason} — результат самой программы, а не исходная таблица",
                  fix: "Храните результаты отдельно от папки с исходными таблицами"),
        IssueRule(.encodingGuessed, .info, "кодировка {encoding} и разделитель «{delimiter}» определены автоматически"),
        IssueRule(.sheetUnrecognised, .warning, "заголовки листа не узнаны: непонятно, что это за таблица",
                  fix: "Проверьте строку заголовков: ФИО, Дата рождения, Класс …"),
        IssueRule(.headerMissing, .error, "в таблице «{kind}» нет обязательного столбца: {fields}; лист не прочитан",
                  fix: "Добавьте столбец с заголовком «{first}»"),
        IssueRule(.columnUnknown, .info, "столбцы не распознаны и не используются: {headers}"),
        IssueRule(.birthDatesMissing, .warning, "в списке обучающихся нет столбца «Дата рождения»: обучающиеся прочитаны без неё, а правила о возрасте "
                      + "решаются в безопасную сторону — согласие нужно от законного представителя, показатель «10–18 лет» считает обучающихся 5–11 классов",
                  fix: "Добавьте столбец «Дата рождения» (ДД.ММ.ГГГГ), чтобы возраст считался точно"),
        IssueRule(.classMissing, .warning, "в списке обучающихся нет столбца «Класс», а ни имя листа, ни заголовок над таблицей не называют класс: "
                      + "обучающиеся прочитаны без класса",
                  fix: "Добавьте столбец «Класс» или назовите лист по классу, например «7 Б»"),
        IssueRule(.sheetPeopleUnknown, .warning, "на листе {rows} с людьми, которых нет в списках школы (из {total}), например: {names}; эти строки не учтены",
                  fix: "Если это чужой список (олимпиада, другая школа), уберите его из папки; иначе добавьте людей в списки"),
        IssueRule(.mergeInvalid, .warning, "объединение ячеек записано наоборот ({value}); прочитано с переставленными углами"),
        IssueRule(.valueTooLong, .warning,
                  "значение длиннее, чем вмещает ячейка Excel: {length} знаков при пределе {limit}; в книгах оно сокращено с «…», полностью — в report.json",
                  fix: "Сократите текст в ячейке или перенесите подробности в отдельный документ"),
        IssueRule(.rowDuplicate, .warning, "строка повторяет строку {row} ({place}) и объединена с ней", fix: "Удалите повторную строку",
                  variants: [.earlier: ("строка повторяет более раннюю строку и объединена с ней", "Удалите повторную строку"),
                             .repeatedHeader: ("строка повторяет заголовок таблицы и пропущена", nil),
                             .footer: ("строки после таблицы (итоги, подписи) не считаются данными", nil)],
                  severities: [.repeatedHeader: .info, .footer: .info]),

        // Values.
        IssueRule(.valueRequired, .error, "не заполнено поле «{field}»", fix: "{hint}"),
        IssueRule(.nameInvalid, .error, "не ФИО — {reason}", fix: "Впишите фамилию, имя и отчество полностью",
                  variants: [.reference: ("«{value}» не похоже на ФИО", "Впишите фамилию и инициалы или полное ФИО")]),
        IssueRule(.nameMixedScript, .info, "латинские буквы, похожие на русские, заменены русскими", fix: "Исправьте на «{name}»"),
        IssueRule(.dateInvalid, .error, "{field}: «{value}» — {reason}", fix: "Впишите дату в виде ДД.ММ.ГГГГ",
                  variants: [.period: ("непонятно, к какому периоду относится диагностика", "Укажите дату диагностики или квартал («2 кв. 2025»)")]),
        IssueRule(.dateOutOfRange, .error, "дата вне допустимого диапазона", fix: "Проверьте дату",
                  variants: [.birthFuture: ("дата рождения {date} — в будущем", "Проверьте год рождения"),
                             .birthAge: ("по дате рождения возраст — {age}", "Проверьте год рождения"),
                             .consentLate: ("согласие датировано {date}, позже даты отчёта {asOf}", "Проверьте дату"),
                             .endBeforeStart: ("дата окончания {end} раньше даты начала {start}", "Проверьте даты")]),
        IssueRule(.classInvalid, .error, "класс «{value}» — не 1–11 с буквой", fix: "Впишите класс, например 7А"),
        IssueRule(.phoneInvalid, .warning, "{field}: номер «{value}» не распознан", fix: "Впишите номер в виде +7 913 123-45-67"),
        IssueRule(.emailInvalid, .warning, "{field}: адрес «{value}» не распознан", fix: "Проверьте адрес: имя@домен.ru"),
        IssueRule(.snilsInvalid, .warning, "СНИЛС «{value}»: {reason}", fix: "Сверьте номер с документом"),
        IssueRule(.innInvalid, .warning, "ИНН «{value}»: {reason}", fix: "Сверьте ИНН с выпиской ЕГРЮЛ"),
        IssueRule(.categoryUnknown, .error, "категория «{value}» не распознана", fix: "{hint}"),
        IssueRule(.roleUnknown, .error, "роль «{value}» не распознана", fix: "Укажите: наставник или наставляемый"),
        IssueRule(.formUnknown, .error, "форма «{value}» — не из четырёх форм целевой модели",
                  fix: "Укажите: ученик – ученик, учитель – учитель, студент – ученик или работодатель – ученик"),
        IssueRule(.scoreInvalid, .error, "балл по показателю «{indicator}» — не число", fix: "Впишите число {scale}",
                  variants: [.negative: ("балл по показателю «{indicator}» — отрицательный", "Впишите число {scale}"),
                             .outOfScale: ("балл по показателю «{indicator}» — вне шкалы {scale}", "Впишите число {scale}")]),

        // People.
        IssueRule(.personConflict, .warning, "{name}: {field} здесь «{value}», а в {there} — «{other}»",
                  fix: "Исправьте, чтобы значения совпадали",
                  variants: [.youngSpecialist: ("{name}: отметка «Молодой специалист» здесь «{value}», а {basis} в {there} — «{other}»",
                                                "Проверьте стаж и отметку")]),
        IssueRule(.personNotFound, .error, "{value}: нет в списках школы", fix: "Проверьте написание или добавьте человека в список",
                  variants: [.pairs: ("{value}: нет в списках школы (контингент, кадры, внешние участники)",
                                      "Проверьте написание или добавьте человека в список"),
                             .attendance: ("{value}: нет в списках школы; отметка о присутствии не учтена",
                                           "Проверьте написание или добавьте человека в список")],
                  severities: [.attendance: .warning]),
        IssueRule(.personNotInRoster, .info, "{value}: нет в списках школы; в потенциальных наставниках, но не участник программы"),
        IssueRule(.personAmbiguous, .error, "{value}: подходят несколько человек — {people}", fix: "Допишите имя и отчество или класс"),

        // Pairs and groups.
        IssueRule(.pairSelf, .error, "{name}: и наставник, и наставляемый в одной паре", fix: "Исправьте наставляемого"),
        IssueRule(.pairDuplicate, .warning, "пара {mentor} — {mentee} уже есть в строке {row}", fix: "Удалите повторную строку"),
        IssueRule(.formMismatch, .error, "форма «{form}» не подходит: {misfits}", fix: "Исправьте форму или участников",
                  variants: [.twoMentors: ("в группе № {unit} разные наставники: {first} и {second}",
                                           "У группы один наставник: исправьте № группы или наставника")]),
        IssueRule(.formInferred, .info, "форма не указана; по категории наставника это «{form}»", fix: "Укажите форму «{form}»"),
        IssueRule(.mentorNotSenior, .warning, "наставник {mentor} — {mentorClass} класс, наставляемый {mentee} — {menteeClass}: наставник должен быть старше",
                  fix: "Закрепите наставника из более старшего класса"),
        IssueRule(.menteeUnder10, .warning, "{name}: на дату отчёта {age}, а целевая модель — с 10 лет"),
        IssueRule(.mentorOverload, .warning, "{name}: наставляемых больше {limit}", fix: "Передайте часть наставляемых другому наставнику"),
        IssueRule(.participantUnpaired, .warning, "заявка в анкете есть, а пары нет", fix: "Закрепите в паре или группе",
                  variants: [.youngSpecialist: ("молодой специалист без наставника", "Закрепите в паре или группе")]),

        // Consents.
        IssueRule(.consentMissing, .error, "нет согласия на обработку персональных данных",
                  fix: "Получите согласие и внесите его в таблицу согласий",
                  variants: [.representative: ("нет согласия на обработку персональных данных от законного представителя",
                                               "Получите согласие и внесите его в таблицу согласий"),
                             .ageUnknown: ("нет согласия на обработку персональных данных от законного представителя (дата рождения неизвестна)",
                                           "Получите согласие законного представителя или впишите дату рождения в список")]),
        IssueRule(.consentWrongSigner, .error, "на дату согласия — {age}: согласие даёт законный представитель",
                  fix: "Получите согласие законного представителя",
                  variants: [.ageUnknown: ("дата рождения неизвестна (в списке нет даты рождения): согласие даёт законный представитель",
                                           "Получите согласие законного представителя или впишите дату рождения в список")]),
        IssueRule(.consentWithdrawn, .warning, "согласие отозвано {date}: персональные данные не выгружаются"),

        // Diagnostics and plans.
        IssueRule(.diagnosticMissing, .warning, "нет результатов диагностики за {period}", fix: "Проведите диагностику и внесите баллы"),
        IssueRule(.diagnosticDuplicate, .warning, "{name}: второй результат по «{indicator}» за {period} (первый — в строке {row}); действует этот",
                  fix: "Удалите лишний результат"),
        IssueRule(.planNotApproved, .warning, "индивидуальный план пары № {unit} не утверждён", fix: "Утвердите план приказом"),
        IssueRule(.planBehind, .info, "план пары № {unit} выполнен на {percent}% (нужно от 90%)"),
        IssueRule(.planUnitUnknown, .error, "пары или группы № {value} нет в таблице пар", fix: "Проверьте номер пары / группы"),

        // Partners.
        IssueRule(.partnerNoAgreement, .warning, "у организации «{organisation}» нет номера или даты соглашения",
                  fix: "Впишите номер и дату соглашения о сотрудничестве"),
        IssueRule(.employerUnknownOrg, .warning, "{name}: организации «{organisation}» нет среди организаций-партнёров",
                  fix: "Добавьте организацию в таблицу партнёров или исправьте её название",
                  variants: [.noOrganisation: ("{name}: организация наставника не указана", "Впишите организацию наставника")]),

        // Roadmap.
        IssueRule(.roadmapOverdue, .warning, "«{measure}»: срок {date} прошёл, отметки о выполнении нет",
                  fix: "Выполните мероприятие или отметьте выполнение",
                  variants: [.quarterly: ("«{measure}»: квартальный срок прошёл, отметки о выполнении нет",
                                          "Выполните мероприятие или отметьте выполнение")]),
        IssueRule(.roadmapDeadlineUnparsed, .info, "срок «{value}» не даёт ни даты, ни правила",
                  fix: "Впишите дату («до 15.10.2025») или правило («1 раз в квартал»)",
                  variants: [.empty: ("срок не указан: позиция без срока", nil)]),
        IssueRule(.roadmapDeadlineOutOfYear, .warning, "срок {date} раньше начала учебного года {year}; срок не учтён",
                  fix: "Исправьте год в сроке"),

        // Consolidation.
        IssueRule(.uploadMalformed, .error, "файл не похож на региональную выгрузку", fix: "Нужен файл regional.xlsx, записанный nastavnik build",
                  variants: [.notWorkbook: ("файл не читается как книга Excel: {reason}", "Нужен файл regional.xlsx, записанный nastavnik build"),
                             .notXLSX: ("не книга .xlsx", "Нужен файл regional.xlsx, записанный nastavnik build"),
                             .sheets: ("листы книги — {found}, а в выгрузке должны быть {expected}", "Нужен файл regional.xlsx, записанный nastavnik build"),
                             .sheetUnreadable: ("лист не читается: {reason}", "Нужен файл regional.xlsx, записанный nastavnik build"),
                             .emptySheet: ("лист пуст: нет строки заголовка", "Нужен файл regional.xlsx, записанный nastavnik build"),
                             .noSchool: ("в «Сводке ОО» нет строки школы", "Нужен файл regional.xlsx, записанный nastavnik build"),
                             .header: ("первая строка листа не совпадает с заголовком формата (ожидается «{expected}»)",
                                       "Выгрузите файл заново командой nastavnik build, не меняя его"),
                             .version: ("версия формата «{value}», а эта программа читает версию {expected}",
                                        "Выгрузите файл заново командой nastavnik build, не меняя его"),
                             .twoSchools: ("в «Сводке ОО» больше одной школы: одна выгрузка — одна школа",
                                           "Выгрузите файл заново командой nastavnik build, не меняя его"),
                             .otherSchool: ("строка другой школы («{value}»), чем в «Сводке ОО» («{school}»)",
                                            "Выгрузите файл заново командой nastavnik build, не меняя его"),
                             .cell: ("в столбце «{column}» должно быть неотрицательное число",
                                     "Выгрузите файл заново командой nastavnik build, не меняя его")]),
        IssueRule(.uploadOldVersion, .warning,
                  "выгрузка школы «{school}» в прежней версии формата {value} (текущая — {current}): принята, но ID участников в ней получены по-старому и не совпадут с новыми выгрузками",
                  fix: "Попросите школу выгрузить данные заново текущей версией nastavnik build"),
        IssueRule(.schoolRepeated, .info, "та же выгрузка школы «{school}», что и {file}; учтена один раз"),
        IssueRule(.schoolDuplicate, .error, "школа «{school}» выгружена ещё и в {files} с другими данными; ни одна из выгрузок не принята",
                  fix: "Оставьте одну, последнюю выгрузку школы"),
    ]

    /// The rules by code (built once; a code listed twice keeps its first rule, and a test requires one each).
    static let byCode: [IssueCode: IssueRule] = {
        var table: [IssueCode: IssueRule] = [:]
        for rule in rules where table[rule.code] == nil { table[rule.code] = rule }
        return table
    }()

    /// The severity of a code, or of one of its wordings.
    static func severity(of code: IssueCode, _ variant: IssueVariant = .standard) -> Severity {
        guard let rule = byCode[code] else { return .error }
        return rule.severities[variant] ?? rule.severity
    }

    /// The message and fix of a code's wording with its values filled in.
    static func render(_ code: IssueCode, _ variant: IssueVariant, values: [String: String]) -> (message: String, fix: String?) {
        guard let rule = byCode[code], let text = rule.texts[variant] ?? rule.texts[.standard] else { return (code.rawValue, nil) }
        return (fill(text.message, values), text.fix.map { fill($0, values) })
    }

    /// Replaces each `{name}` with its value, shortened at a word with «…»; spaces left by an empty value collapse.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name].map { RussianText.shortened($0, limit: 200) } ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        while result.contains("  ") { result = result.replacingOccurrences(of: "  ", with: " ") }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// The `{placeholders}` of a template.
    static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
