import SheetIO

/// Writes `register.xlsx`: the register, the roster, the bases of mentors and mentees, the units,
/// the partners, the potential mentors and the issues (`outputs.md`).
public enum RegisterWorkbook {
    public static func write(_ register: Register, to path: String) throws {
        let writer = try XLSXWriter(path: path, options: XLSXWriteOptions(documentDate: register.asOf.iso + "T00:00:00Z", shortenLongText: true))
        try registerSheet(register, writer)
        try rosterSheet(register, writer)
        try mentorBase(register, writer)
        try menteeBase(register, writer)
        try unitsSheet(register, writer)
        try partnersSheet(register, writer)
        try potentialMentors(register, writer)
        try indicatorsSheet(register, writer)
        try roadmapSheet(register, writer)
        try issuesSheet(register, writer)
        try writer.close()
    }

    /// A sheet for the curator (``CuratorSheet``); each header's number is the least width a column may grow to
    /// before its text wraps (30 characters at least).
    static func sheet(_ writer: XLSXWriter, _ name: String, _ headers: [(String, Double)]) throws -> CuratorSheet {
        CuratorSheet(writer, name, headers.map { ($0.0, max($0.1, 30)) })
    }

    static func text(_ value: String?) -> CellValue { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
    static func date(_ value: CalendarDate?) -> CellValue {
        value.map { .temporal(ExcelTemporal(year: $0.year, month: $0.month, day: $0.day)) } ?? .empty
    }

    static func registerSheet(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "Реестр", [
            ("№ п/п", 6), ("ID участника", 14), ("Фамилия", 18), ("Имя", 14), ("Отчество", 18), ("Дата рождения", 12),
            ("Возраст на дату отчёта", 10), ("Категория", 16), ("Класс / Должность", 18), ("Организация / место учёбы", 24),
            ("Роль", 22), ("Формы наставничества", 22), ("№ пар / групп", 12), ("Дата вхождения в программу", 12),
            ("Дата завершения", 12), ("Согласие на обработку ПДн", 26), ("Статус", 12), ("Телефон", 15), ("Эл. почта", 22), ("Источники", 40),
        ])
        let refused = RefusedValues(register.issues, fields: ["phone", "email", "birth_date", "class"])
        for (offset, person) in register.ordered(register.participants).enumerated() {
            let units = register.units(of: person)
            let role = register.roleText(of: person)
            let forms = Array(Set(units.compactMap { $0.form?.russian })).sorted().joined(separator: "; ")
            let numbers = units.map(\.number).joined(separator: ", ")
            let start = units.compactMap(\.start).min()
            let end = units.isEmpty || units.contains { $0.end == nil } ? nil : units.compactMap(\.end).max()
            let consent = register.consent(of: person).map { consent in
                consent.date.russian + (consent.byRepresentative == true ? ", законный представитель" : consent.byRepresentative == false ? ", лично" : "")
                    + (consent.isValid ? "" : " (\(consent.problem ?? "недействительно"))")
            }
            let status = register.registerStatus(of: person)
            try sheet.append([
                .number(Double(offset + 1)), .text(person.id), text(person.name.surname), text(person.name.given), text(person.name.patronymic),
                person.birthDate == nil ? text(refused.text("birth_date", of: person)) : date(person.birthDate), person.age(on: register.asOf).map { .number(Double($0)) } ?? .empty, .text(person.category.russian),
                text(person.classOrPosition), text(person.organisation), text(role), text(forms), text(numbers), date(start), date(end),
                text(consent ?? "нет"), .text(status), text(ContactText.phone(of: person) ?? refused.text("phone", of: person)),
                text(person.email ?? refused.text("email", of: person)),
                .text(person.sources.map(\.rowReference).joined(separator: "; ")),
            ])
        }
        try sheet.finish()
    }

    static func rosterSheet(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "Контингент", [
            ("№ п/п", 6), ("ID", 14), ("ФИО", 36), ("Дата рождения", 12), ("Категория", 18), ("Класс / Должность", 22), ("СНИЛС", 15),
            ("Статус", 14), ("Замечание", 30), ("Источник", 36), ("Прочие сведения из списка", 36),
        ])
        let participants = Set(register.participants.map(ObjectIdentifier.init))
        let refused = RefusedValues(register.issues, fields: ["snils", "birth_date", "class"])
        for (offset, person) in register.ordered(register.people).enumerated() {
            try sheet.append([
                .number(Double(offset + 1)), .text(person.id), .text(person.name.description),
                person.birthDate == nil ? text(refused.text("birth_date", of: person)) : date(person.birthDate), .text(person.category.russian),
                text(person.classOrPosition.isEmpty ? refused.text("class", of: person) : person.classOrPosition), text(person.snils ?? refused.text("snils", of: person)), .text(participants.contains(ObjectIdentifier(person)) ? "участник" : "не участвует"),
                text(person.rejected ? "строка с ошибкой: см. Замечания" : nil), .text(person.sources.map(\.rowReference).joined(separator: "; ")),
                text(person.otherValues.joined(separator: "; ")),
            ])
        }
        try sheet.finish()
    }

    static func mentorBase(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "База наставников", [
            ("ФИО наставника", 36), ("Контактные данные для связи", 24), ("Место работы/учёбы наставника", 26), ("Основные компетенции наставника", 26),
            ("Важные для программы достижения", 22), ("Интересы наставника", 22), ("Желаемый возраст наставляемых", 16),
            ("Время, когда удобно выходить на связь", 16), ("Дата вхождения в программу", 14), ("ФИО наставляемого (ых)", 36),
            ("Место работы/учёбы наставляемого", 26), ("Форма наставничества", 22), ("Место реализации программы", 22),
            ("Дата завершения программы", 14), ("Результаты программы", 22),
        ])
        let mentors = register.ordered(Array(Set(register.units.compactMap { $0.mentor.map(ObjectIdentifier.init) })).compactMap { id in
            register.people.first { ObjectIdentifier($0) == id }
        })
        for mentor in mentors {
            let units = register.units(of: mentor).filter { $0.mentor === mentor }
            let mentees = units.flatMap(\.mentees)
            let interests = register.answer(of: mentor)?.interests
            try sheet.append([
                .text(mentor.name.description), text(ContactText.all(of: mentor)),
                text(mentor.organisation ?? mentor.classOrPosition), text(interests), .empty, text(interests), .empty, .empty,
                date(units.compactMap(\.start).min()), text(mentees.map(\.name.description).joined(separator: "; ")),
                text(Array(Set(mentees.map(\.classOrPosition))).sorted().joined(separator: ", ")),
                text(Array(Set(units.compactMap { $0.form?.russian })).sorted().joined(separator: "; ")), .empty,
                date(units.compactMap(\.end).max()), .empty,
            ])
        }
        try sheet.finish()
    }

    static func menteeBase(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "База наставляемых", [
            ("ФИО наставляемого", 36), ("Контактные данные для связи (или законных представителей)", 30), ("Возраст наставляемого", 10),
            ("Ключевой запрос наставляемого", 26), ("Дата вхождения в программу", 14), ("ФИО наставника", 36), ("Место работы/учёбы наставника", 26),
            ("Форма наставничества", 22), ("Место реализации программы", 22), ("Дата завершения программы", 14), ("Результаты программы", 22),
        ])
        var seen = Set<ObjectIdentifier>()
        var mentees: [Person] = []
        for unit in register.units { for mentee in unit.mentees where seen.insert(ObjectIdentifier(mentee)).inserted { mentees.append(mentee) } }
        for mentee in register.ordered(mentees) {
            let units = register.units(of: mentee).filter { $0.mentees.contains { $0 === mentee } }
            let contacts = ContactText.all(of: mentee)
            try sheet.append([
                .text(mentee.name.description), text(contacts), mentee.age(on: register.asOf).map { .number(Double($0)) } ?? .empty,
                text(register.answer(of: mentee)?.request), date(units.compactMap(\.start).min()),
                text(units.compactMap { $0.mentor?.name.description }.joined(separator: "; ")),
                text(units.compactMap { $0.mentor.map { $0.organisation ?? $0.classOrPosition } }.joined(separator: "; ")),
                text(Array(Set(units.compactMap { $0.form?.russian })).sorted().joined(separator: "; ")), .empty,
                date(units.compactMap(\.end).max()), .empty,
            ])
        }
        try sheet.finish()
    }

    static func unitsSheet(_ register: Register, _ writer: XLSXWriter) throws {
        let percent = writer.style(forNumberFormat: "0%")
        let sheet = try Self.sheet(writer, "Пары и группы", [
            ("№ пары / группы", 10), ("Пара или группа", 10), ("Форма", 22), ("Наставник", 30), ("Наставляемые", 40), ("Дата начала", 12),
            ("Дата окончания", 12), ("План утверждён", 10), ("Выполнение плана, %", 10), ("В приказе", 40),
        ])
        for unit in register.units {
            let inOrder = OrderRule.decision(for: unit, in: register)
            try sheet.append([
                .text(unit.number), .text(unit.isGroup ? "группа" : "пара"), text(unit.form?.russian), text(unit.mentor?.name.description),
                text(unit.mentees.map(\.name.description).joined(separator: "; ")), date(unit.start), date(unit.end),
                unit.planApproved.map { .text($0 ? "да" : "нет") } ?? .empty, unit.planDone.map { .number($0) } ?? .empty, .text(inOrder.text),
            ], styles: [nil, nil, nil, nil, .wrapped, nil, nil, nil, percent, .wrapped])
        }
        try sheet.finish()
    }

    static func partnersSheet(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "Партнёры", [
            ("Организация", 36), ("ИНН", 14), ("№ соглашения", 14), ("Дата соглашения", 12), ("Наставников по списку", 12), ("Наставники в парах", 36),
        ])
        // Employer mentors' names under each partner their organisation matches.
        let mentorNames = PartnerMatch.employerMentors(of: register.partners.map(\.name), in: register.units).map { Set($0.map(\.name.description)) }
        for (index, partner) in register.partners.enumerated() {
            let names = mentorNames[index].sorted()
            try sheet.append([.text(partner.name), text(partner.inn), text(partner.agreementNumber), date(partner.agreementDate),
                              text(partner.mentorsCount), text(names.joined(separator: "; "))])
        }
        try sheet.finish()
    }

    static func potentialMentors(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "Потенциальные наставники", [
            ("ФИО", 36), ("Категория", 18), ("Класс / Должность", 20), ("Источник", 26), ("Интересы / компетенции", 30), ("Уже в паре", 10), ("Анкета", 36),
        ])
        for respondent in register.respondents where respondent.role == .mentor {
            let inPair = respondent.person.map { !register.units(of: $0).isEmpty } ?? false
            try sheet.append([
                .text(respondent.name), text(respondent.person?.category.russian ?? Self.notInRosters(respondent.declaredCategory)),
                text(respondent.person?.classOrPosition ?? (respondent.declaredClassOrPosition.isEmpty ? nil : respondent.declaredClassOrPosition)),
                text(respondent.source), text(respondent.interests), .text(inPair ? "да" : "нет"), .text(respondent.place.description),
            ])
        }
        try sheet.finish()
    }

    /// A respondent not in the rosters: what the questionnaire says, marked as such.
    static func notInRosters(_ declared: String) -> String {
        declared.isEmpty ? "нет в списках" : declared + " (по анкете; нет в списках)"
    }

    static func indicatorsSheet(_ register: Register, _ writer: XLSXWriter) throws {
        let percent = writer.style(forNumberFormat: "0.0%")
        let sheet = try Self.sheet(writer, "Показатели", [
            ("Показатель", 60), ("Период / мероприятие", 16), ("Числитель", 10), ("Знаменатель", 12), ("Значение", 10),
            ("Цель", 8), ("Достигнуто", 11), ("Код (для программ)", 28),
        ])
        let periodNames = Dictionary(register.periods.map { ($0.key, $0.russian) }, uniquingKeysWith: { first, _ in first })
        for indicator in register.indicators {
            try sheet.append([
                .text(indicator.definition), text(indicator.period.map { periodNames[$0] ?? $0 } ?? indicator.event), .number(Double(indicator.numerator)),
                .number(Double(indicator.denominator)), indicator.value.map { .number($0) } ?? .empty, indicator.target.map { .number($0) } ?? .text("справочно"),
                indicator.met.map { .text($0 ? "да" : "нет") } ?? .empty, .text(indicator.id),
            ], styles: [.wrapped, nil, nil, nil, percent, percent, nil, nil])
        }
        try sheet.finish()
    }

    static func roadmapSheet(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "Дорожная карта", [
            ("Раздел", 30), ("Мероприятие", 60), ("Сроки (как в плане)", 24), ("Срок", 12), ("Ответственный", 24), ("Статус на \(register.asOf.russian)", 18),
            ("Источник", 30),
        ])
        for position in register.roadmap {
            let deadline: CellValue
            switch position.deadline {
            case .date(let day), .continuous(let day): deadline = date(day)
            case .quarterly: deadline = .text("ежеквартально")
            case .separateSchedule: deadline = .text("по графику")
            case .none: deadline = .text("без срока")
            }
            try sheet.append([text(position.section), .text(position.measure), text(position.deadlineText), deadline, text(position.responsible),
                              .text(position.status.russian), .text(position.place.description)], styles: [.wrapped, .wrapped, .wrapped, nil, .wrapped, nil, nil])
        }
        try sheet.finish()
    }

    static func issuesSheet(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "Замечания", [
            ("Серьёзность", 14), ("Код", 34), ("Файл", 26), ("Лист", 16), ("Ячейка", 8), ("Поле", 14), ("Значение", 24), ("Сообщение", 60), ("Как исправить", 40),
            ("Статус", 10),
        ])
        for (issue, status) in zip(register.issues, register.remarks.statuses) {
            try sheet.append([
                .text(issue.severity.russian), .text(issue.code.rawValue), .text(issue.file), text(issue.sheet), text(issue.cell),
                text(issue.field.map(FieldLabel.russian)), text(issue.value.map(Period.russianIfKey)), .text(Period.russianKeys(in: (issue.person.map { "\($0): " } ?? "") + issue.message)), text(issue.suggestion),
                .text(status.rawValue),
            ], styles: [nil, nil, nil, nil, nil, nil, nil, .wrapped, .wrapped, nil])
        }
        try sheet.finish()
        try fixedSheet(register, writer)
    }

    /// «Исправлено»: the remarks of the previous build into this folder that are gone now.
    static func fixedSheet(_ register: Register, _ writer: XLSXWriter) throws {
        let sheet = try Self.sheet(writer, "Исправлено", [
            ("Серьёзность", 14), ("Код", 34), ("Файл", 26), ("Лист", 16), ("Ячейка", 8), ("Поле", 14), ("Значение", 24), ("Сообщение", 60),
        ])
        for remark in register.remarks.fixed {
            try sheet.append([
                .text(Severity(rawValue: remark.severity)?.russian ?? remark.severity), .text(remark.code), .text(remark.file), text(remark.sheet),
                text(remark.cell), text(remark.field.map(FieldLabel.russian)), text(remark.value.map(Period.russianIfKey)), .text(Period.russianKeys(in: remark.message)),
            ], styles: [nil, nil, nil, nil, nil, nil, nil, .wrapped])
        }
        try sheet.finish()
    }
}
