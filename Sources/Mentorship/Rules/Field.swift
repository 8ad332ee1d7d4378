/// The field catalogue: every field id a column or an issue can have (`inputs.md`), its Russian name and how
/// to fill it. The header table is checked against it (``HeaderCatalogue/problems``).
public enum Field: String, CaseIterable, Sendable {
    case fullName = "full_name", lastName = "last_name", firstName = "first_name", patronymic
    case birthDate = "birth_date", schoolClass = "class", position, snils, sex, phone, email
    case guardianName = "guardian_name", guardianPhone = "guardian_phone", experience, teachingStart = "teaching_start"
    case youngSpecialist = "young_specialist", qualification, subject, category, organisation
    case graduationYear = "graduation_year", childName = "child_name", orgName = "org_name", inn, ogrn
    case agreementNo = "agreement_no", agreementDate = "agreement_date", contactName = "contact_name", mentorsCount = "mentors_count"
    case desiredRole = "desired_role", desiredForm = "desired_form", interests, request, source, timestamp
    case unitNo = "unit_no", form, mentor, mentorClassOrPosition = "mentor_class_or_position", mentee
    case menteeClassOrPosition = "mentee_class_or_position", startDate = "start_date", endDate = "end_date"
    case planApproved = "plan_approved", planDone = "plan_done", consentDate = "consent_date", signer
    case withdrawalDate = "withdrawal_date", role, diagnosticDate = "diagnostic_date", period, indicator
    case indicatorName = "indicator_name", score, event, date, present, measure, deadline
    case expectedResult = "expected_result", kpi, responsible, done, doneDate = "done_date"
    case planItem = "plan_item", planItemDeadline = "plan_item_deadline", classOrPosition = "class_or_position"
    /// Person-level issues.
    case person

    /// The field's name as a curator reads it.
    public var russian: String {
        switch self {
        case .fullName: return "ФИО"
        case .lastName: return "Фамилия"
        case .firstName: return "Имя"
        case .patronymic: return "Отчество"
        case .birthDate: return "Дата рождения"
        case .schoolClass: return "Класс"
        case .position: return "Должность"
        case .snils: return "СНИЛС"
        case .sex: return "Пол"
        case .phone: return "Телефон"
        case .email: return "Эл. почта"
        case .guardianName: return "Законный представитель"
        case .guardianPhone: return "Телефон представителя"
        case .experience: return "Педагогический стаж"
        case .teachingStart: return "Дата начала педагогической деятельности"
        case .youngSpecialist: return "Молодой специалист"
        case .qualification: return "Квалификационная категория"
        case .subject: return "Предмет"
        case .category: return "Категория"
        case .organisation: return "Организация"
        case .graduationYear: return "Год выпуска"
        case .childName: return "Ребёнок"
        case .orgName: return "Наименование организации"
        case .inn: return "ИНН"
        case .ogrn: return "ОГРН"
        case .agreementNo: return "Номер соглашения"
        case .agreementDate: return "Дата соглашения"
        case .contactName: return "Контактное лицо"
        case .mentorsCount: return "Количество наставников"
        case .desiredRole: return "Желаемая роль"
        case .desiredForm: return "Желаемая форма"
        case .interests: return "Интересы"
        case .request: return "Запрос"
        case .source: return "Источник"
        case .timestamp: return "Отметка времени"
        case .unitNo: return "№ пары / группы"
        case .form: return "Форма наставничества"
        case .mentor: return "Наставник"
        case .mentorClassOrPosition: return "Класс / должность наставника"
        case .mentee: return "Наставляемый"
        case .menteeClassOrPosition: return "Класс / должность наставляемого"
        case .startDate: return "Дата начала"
        case .endDate: return "Дата окончания"
        case .planApproved: return "Индивидуальный план утверждён"
        case .planDone: return "Выполнение плана, %"
        case .consentDate: return "Дата согласия"
        case .signer: return "Кем дано"
        case .withdrawalDate: return "Дата отзыва"
        case .role: return "Роль"
        case .diagnosticDate: return "Дата диагностики"
        case .period: return "Период"
        case .indicator: return "Показатель"
        case .indicatorName: return "Показатель"
        case .score: return "Балл"
        case .event: return "Мероприятие"
        case .date: return "Дата"
        case .present: return "Присутствовал"
        case .measure: return "Содержание"
        case .deadline: return "Сроки"
        case .expectedResult: return "Ожидаемый результат"
        case .kpi: return "Показатели эффективности"
        case .responsible: return "Ответственный"
        case .done: return "Отметка о выполнении"
        case .doneDate: return "Дата выполнения"
        case .planItem: return "Мероприятие плана"
        case .planItemDeadline: return "Срок"
        case .classOrPosition: return "Класс / должность"
        case .person: return "Участник"
        }
    }

    /// How to fill the field, the fix of `VALUE_REQUIRED` and of an unreadable value.
    public var hint: String {
        switch self {
        case .fullName, .lastName, .firstName, .patronymic: return "Впишите фамилию, имя и отчество"
        case .birthDate, .teachingStart, .agreementDate, .startDate, .endDate, .withdrawalDate, .diagnosticDate, .date, .doneDate:
            return "Впишите дату в виде ДД.ММ.ГГГГ"
        case .consentDate: return "Впишите дату подписания согласия в виде ДД.ММ.ГГГГ"
        case .schoolClass: return "Впишите класс, например 7А"
        case .position: return "Впишите должность"
        case .category: return "Укажите: родитель, выпускник, студент или работодатель"
        case .desiredRole: return "Укажите: наставник или наставляемый"
        case .event: return "Впишите название мероприятия"
        case .unitNo: return "Впишите номер пары или группы из таблицы пар"
        case .planItem: return "Впишите мероприятие индивидуального плана"
        case .mentor: return "Впишите ФИО наставника"
        case .mentee: return "Впишите ФИО наставляемого"
        case .orgName: return "Впишите наименование организации"
        case .inn: return "Впишите ИНН из 10 цифр"
        case .phone, .guardianPhone: return "Впишите номер в виде +7 913 123-45-67"
        case .email: return "Проверьте адрес: имя@домен.ru"
        case .form: return "Укажите: ученик – ученик, учитель – учитель, студент – ученик или работодатель – ученик"
        default: return "Заполните поле «\(russian)»"
        }
    }
}

/// Russian names of the field ids, for messages and the Замечания sheet.
enum FieldNames {
    static func russian(_ field: String) -> String { Field(rawValue: field)?.russian ?? field }
}
