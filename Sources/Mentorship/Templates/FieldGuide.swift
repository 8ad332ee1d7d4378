/// What goes into each column of a blank template, in the curator's words: the header comment, the Инструкция
/// sheet's row, the example value and the drop-down list. Header names come from ``HeaderTable``; closed
/// vocabularies from ``Category``, ``Role``, ``MentoringForm``, ``ConsentSigner`` and the да / нет reading.
enum FieldGuide {
    struct Entry {
        /// What goes there.
        var what: String
        /// In what form.
        var form: String
        /// The example row's value (text; a date is written «ДД.ММ.ГГГГ» and stored as a date).
        var example: String
    }

    /// How a column is typed in the template.
    enum Shape: Equatable { case text, date, dateTime, number, list([String]) }

    static let yesNo = ["да", "нет"]
    static let dateForm = "дата ДД.ММ.ГГГГ (ячейка уже в формате даты), например 15.09.2025"

    /// The guide of a field, the kind's own wording first.
    static func entry(_ field: String, kind: TableKind) -> Entry {
        byKind[kind.rawValue + "." + field] ?? common[field] ?? Entry(what: field, form: "текст", example: "")
    }

    /// The column's type: a drop-down list for a closed vocabulary, a date format for a date.
    static func shape(_ field: String, kind: TableKind) -> Shape {
        switch field {
        case "birth_date", "teaching_start", "agreement_date", "start_date", "end_date", "consent_date", "withdrawal_date",
             "diagnostic_date", "date", "done_date":
            return .date
        case "timestamp": return .dateTime
        case "young_specialist", "plan_approved", "present", "done": return .list(yesNo)
        case "desired_role", "role": return .list([Role.mentor.russian, Role.mentee.russian])
        case "form", "desired_form": return .list(MentoringForm.allCases.map(\.russian))
        case "signer": return .list(ConsentSigner.allCases.map(\.russian))
        case "category":
            let categories: [Category] = kind == .external ? [.parent, .graduate, .universityStudent, .employer] : Category.allCases
            return .list(categories.map(\.russian))
        case "mentors_count", "plan_done", "graduation_year", "experience": return .number
        default: return .text
        }
    }

    static let common: [String: Entry] = [
        "full_name": Entry(what: "Фамилия, имя и отчество полностью, как в документах", form: "«Фамилия Имя Отчество»; отчества может не быть", example: "Иванова Мария Петровна"),
        "birth_date": Entry(what: "Дата рождения", form: dateForm, example: "14.03.2012"),
        "class": Entry(what: "Класс обучающегося", form: "номер 1–11 и буква: 7А, 10Б; можно только номер", example: "7А"),
        "position": Entry(what: "Должность", form: "текст, как в штатном расписании: «учитель математики»", example: "учитель математики"),
        "snils": Entry(what: "СНИЛС (не обязателен)", form: "11 цифр: 123-456-789 64 или 12345678964", example: "112-233-445 95"),
        "sex": Entry(what: "Пол", form: "м или ж", example: "ж"),
        "phone": Entry(what: "Телефон для связи", form: "+7 (913) 123-45-67, 8 913 123 45 67 или 10 цифр", example: "+7 (913) 000-12-34"),
        "email": Entry(what: "Адрес электронной почты", form: "name@example.ru", example: "ivanova@example.ru"),
        "guardian_name": Entry(what: "ФИО законного представителя (родителя)", form: "«Фамилия Имя Отчество»", example: "Иванов Пётр Сергеевич"),
        "guardian_phone": Entry(what: "Телефон законного представителя", form: "+7 (913) 123-45-67", example: "+7 (913) 000-56-78"),
        "experience": Entry(what: "Педагогический стаж, лет", form: "число лет: 2 или 1,5; можно «2 г. 5 мес.»", example: "12"),
        "teaching_start": Entry(what: "Дата начала педагогической деятельности", form: dateForm, example: "01.09.2013"),
        "young_specialist": Entry(what: "Молодой специалист (стаж до 3 лет)", form: "выберите из списка: да или нет", example: "нет"),
        "qualification": Entry(what: "Квалификационная категория", form: "текст: первая, высшая, соответствие занимаемой должности", example: "высшая"),
        "subject": Entry(what: "Преподаваемый предмет", form: "текст", example: "математика"),
        "category": Entry(what: "Кто этот участник", form: "выберите из списка", example: Category.student.russian),
        "organisation": Entry(what: "Организация: место работы или учёбы", form: "название, как в соглашении с партнёром: ООО «ТомскСофт», ТГУ", example: "ООО «ТомскСофт»"),
        "graduation_year": Entry(what: "Год окончания школы (для выпускников)", form: "четыре цифры: 2019", example: "2019"),
        "child_name": Entry(what: "ФИО ребёнка-обучающегося (для родителей)", form: "«Фамилия Имя Отчество»", example: "Иванов Кирилл Петрович"),
        "org_name": Entry(what: "Наименование организации-партнёра", form: "как в соглашении: ООО «ТомскСофт»", example: "ООО «ТомскСофт»"),
        "inn": Entry(what: "ИНН организации", form: "10 цифр (организация) или 12 (ИП)", example: "7017000001"),
        "ogrn": Entry(what: "ОГРН организации", form: "13 цифр", example: "1027000000001"),
        "agreement_no": Entry(what: "Номер соглашения о сотрудничестве", form: "как в соглашении: С-7", example: "С-7"),
        "agreement_date": Entry(what: "Дата соглашения", form: dateForm, example: "01.09.2025"),
        "contact_name": Entry(what: "Контактное лицо организации", form: "«Фамилия Имя Отчество»", example: "Беляев Роман Игоревич"),
        "mentors_count": Entry(what: "Сколько наставников даёт организация", form: "целое число", example: "2"),
        "desired_role": Entry(what: "Кем участник хочет быть в программе", form: "выберите из списка: наставник или наставляемый", example: Role.mentor.russian),
        "class_or_position": Entry(what: "Класс (для обучающихся) или должность (для взрослых)", form: "7А или «учитель физики»; помогает отличить однофамильцев", example: "9Б"),
        "desired_form": Entry(what: "Желаемая форма наставничества", form: "выберите из списка", example: MentoringForm.studentStudent.russian),
        "interests": Entry(what: "Интересы и компетенции", form: "текст через запятую", example: "робототехника, программирование"),
        "request": Entry(what: "Запрос: чего участник ждёт от программы", form: "текст", example: "подготовка к олимпиаде"),
        "source": Entry(what: "Где участник узнал о программе", form: "педсовет, родительское собрание, классный час, встреча с выпускниками / партнёрами", example: "классный час"),
        "timestamp": Entry(what: "Когда заполнена анкета (из онлайн-формы)", form: "дата и время: 02.09.2025 18:41", example: "02.09.2025"),
        "unit_no": Entry(what: "Номер пары или группы", form: "число; у всех строк одной группы один номер", example: "1"),
        "form": Entry(what: "Форма наставничества", form: "выберите из списка; если пусто, программа определит её по участникам", example: MentoringForm.studentStudent.russian),
        "mentor": Entry(what: "Наставник", form: "ФИО полностью или «Фамилия И.О.»; человек должен быть в списке обучающихся, педагогов или внешних участников", example: "Орлов Д.С."),
        "mentee": Entry(what: "Наставляемый", form: "ФИО полностью или «Фамилия И.О.»; для группы — по строке на каждого с одним номером группы", example: "Зуева Т.М."),
        "mentor_class_or_position": Entry(what: "Класс или должность наставника", form: "9Б или «учитель физики»", example: "9Б"),
        "mentee_class_or_position": Entry(what: "Класс или должность наставляемого", form: "7Б или «учитель физики»", example: "7Б"),
        "start_date": Entry(what: "Дата начала работы пары (закрепления)", form: dateForm, example: "01.10.2025"),
        "end_date": Entry(what: "Дата окончания работы пары", form: dateForm, example: "31.05.2026"),
        "plan_approved": Entry(what: "Утверждён ли индивидуальный план", form: "выберите из списка: да или нет", example: "да"),
        "plan_done": Entry(what: "Выполнение индивидуального плана, %", form: "число от 0 до 100", example: "50"),
        "consent_date": Entry(what: "Дата подписания согласия на обработку персональных данных", form: dateForm, example: "02.09.2025"),
        "signer": Entry(what: "Кто подписал согласие", form: "выберите из списка; за обучающегося младше 14 лет подписывает законный представитель", example: ConsentSigner.representative.russian),
        "withdrawal_date": Entry(what: "Дата отзыва согласия (если отозвано)", form: dateForm, example: ""),
        "role": Entry(what: "Роль в паре или группе", form: "выберите из списка", example: Role.mentor.russian),
        "diagnostic_date": Entry(what: "Дата диагностики", form: dateForm + "; по ней определяется квартал", example: "15.12.2025"),
        "period": Entry(what: "Период диагностики (если нет даты)", form: "«4 кв. 2025», «2025-Q4» или «II четверть 2025/26»", example: "4 кв. 2025"),
        "event": Entry(what: "Название мероприятия", form: "текст; для классного часа можно указать классы: «Классный час, 5–11 классы»", example: "Педагогический совет «Запуск целевой модели наставничества»"),
        "date": Entry(what: "Дата мероприятия", form: dateForm, example: "29.08.2025"),
        "present": Entry(what: "Присутствовал ли участник", form: "выберите из списка: да или нет", example: "да"),
        "measure": Entry(what: "Содержание мероприятия дорожной карты; строка только с первой ячейкой — заголовок раздела", form: "текст", example: "Формирование наставнических пар или групп"),
        "deadline": Entry(what: "Срок", form: "дата 15.09.2025 или словами: «До конца октября», «До мая 2026», «В течение года», «1 раз в квартал», «По отдельному графику»", example: "До конца октября"),
        "expected_result": Entry(what: "Ожидаемый результат (вид документа)", form: "текст", example: "Сформированы наставнические пары"),
        "kpi": Entry(what: "Показатели эффективности", form: "текст", example: "100% участников"),
        "responsible": Entry(what: "Ответственный", form: "ФИО или должность", example: "Куратор внедрения ЦМН"),
        "done": Entry(what: "Отметка о выполнении", form: "выберите из списка: да или нет; пусто — не выполнено", example: "да"),
        "done_date": Entry(what: "Дата выполнения", form: dateForm, example: "10.10.2025"),
        "plan_item": Entry(what: "Мероприятие индивидуального плана", form: "текст", example: "Встреча-знакомство, определение целей"),
        "plan_item_deadline": Entry(what: "Срок мероприятия плана", form: "текст: «сентябрь 2025», «в течение года»", example: "сентябрь 2025"),
    ]

    static let byKind: [String: Entry] = [
        "staff.full_name": Entry(what: "Фамилия, имя и отчество педагога полностью", form: "«Фамилия Имя Отчество»", example: "Соколова Елена Викторовна"),
        "staff.birth_date": Entry(what: "Дата рождения", form: dateForm, example: "12.04.1975"),
        "external.full_name": Entry(what: "Фамилия, имя и отчество внешнего участника (родителя, выпускника, студента, работодателя)", form: "«Фамилия Имя Отчество»", example: "Беляев Роман Игоревич"),
        "external.category": Entry(what: "Кто этот участник", form: "выберите из списка: родитель, выпускник, студент, работодатель", example: Category.employer.russian),
        "external.position": Entry(what: "Должность на месте работы", form: "текст", example: "руководитель отдела"),
        "external.birth_date": Entry(what: "Дата рождения", form: dateForm, example: "12.04.1985"),
        "questionnaire.category": Entry(what: "Кто заполнил анкету", form: "выберите из списка", example: Category.student.russian),
        "consents.full_name": Entry(what: "ФИО участника, за которого дано согласие", form: "ФИО полностью или «Фамилия И.О.»", example: "Зуева Таисия Михайловна"),
        "consents.class_or_position": Entry(what: "Класс или должность участника", form: "7Б или «учитель физики»", example: "7Б"),
        "consents.guardian_name": Entry(what: "ФИО законного представителя, подписавшего согласие", form: "«Фамилия Имя Отчество»", example: "Зуев Михаил Андреевич"),
        "diagnostics.full_name": Entry(what: "ФИО участника диагностики", form: "ФИО полностью или «Фамилия И.О.»", example: "Орлов Д.С."),
        "diagnostics.unit_no": Entry(what: "Номер пары или группы участника", form: "число", example: "4"),
        "attendance.full_name": Entry(what: "ФИО участника мероприятия; кого нет в списке, считается отсутствовавшим", form: "ФИО полностью или «Фамилия И.О.»", example: "Соколова Елена Викторовна"),
        "plans.unit_no": Entry(what: "Номер пары или группы (как в таблице пар)", form: "число", example: "1"),
        "plans.done": Entry(what: "Выполнено ли мероприятие плана", form: "выберите из списка: да или нет; пусто — не выполнено", example: "да"),
    ]

    /// The diagnostic indicators of the template: a column each, with its scale in the header.
    static let indicators: [(header: String, example: String)] = [("Мотивация (1–10)", "7"), ("Вовлечённость (1–10)", "8"), ("Удовлетворённость (1–10)", "9")]
    static let indicatorGuide = Entry(what: "Показатель диагностики: балл участника", form: "число в пределах шкалы, указанной в заголовке (1–10); дробное — через запятую: 7,5. Столбцы показателей можно переименовать и добавить свои, указав шкалу в скобках", example: "7")
}
