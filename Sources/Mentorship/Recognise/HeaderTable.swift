/// The one table of recognised column headers: for each kind of sheet, its fields, whether each is
/// required, and the header texts that name it. Matching ignores case, spaces, punctuation, `ё`/`е`
/// and a trailing `*`; the field id itself (`birth_date`) is always accepted too.
///
/// Columns: kind, field, required (`req`, `opt`, or `name` for the full-name group), synonyms separated by `|`.
/// A kind's `full_name` and `last_name`/`first_name`/`patronymic` rows are the two ways to give a name.
enum HeaderTable {
    static let text = """
    *	full_name	name	ФИО|Фамилия Имя Отчество|Ф.И.О.|Фамилия, имя, отчество|ФИО участника|Ф И О|Фамилия имя отчество полностью|ФИО полностью|Участник
    *	last_name	name	Фамилия
    *	first_name	name	Имя
    *	patronymic	name	Отчество
    students	birth_date	req	Дата рождения|Дата рожд.|Д.р.|Дата рождения (дд.мм.гггг)
    students	class	req	Класс|Класс (с литерой)|Класс обучения
    students	snils	opt	СНИЛС|Номер СНИЛС|СНИЛС обучающегося
    students	sex	opt	Пол
    students	phone	opt	Телефон|Телефон обучающегося|Мобильный телефон|Контактный телефон
    students	email	opt	Email|E-mail|Эл. почта|Электронная почта|Адрес электронной почты
    students	guardian_name	opt	Законный представитель|Законный представитель (ФИО)|ФИО законного представителя|ФИО родителя|Родитель
    students	guardian_phone	opt	Телефон представителя|Телефон законного представителя|Телефон родителя
    staff	position	req	Должность|Занимаемая должность
    staff	birth_date	opt	Дата рождения
    staff	experience	opt	Педагогический стаж|Стаж|Пед. стаж|Стаж педагогической работы|Стаж работы
    staff	teaching_start	opt	Дата начала педагогической деятельности|Дата начала работы|Дата начала педагогической работы
    staff	young_specialist	opt	Молодой специалист|Молодой педагог|Статус молодого специалиста
    staff	qualification	opt	Квалификационная категория|Категория квалификации|Квалификация
    staff	subject	opt	Предмет|Преподаваемый предмет|Предметы
    staff	snils	opt	СНИЛС
    staff	phone	opt	Телефон|Контактный телефон
    staff	email	opt	Email|E-mail|Эл. почта|Электронная почта
    external	category	req	Категория|Категория участника|Кто
    external	organisation	opt	Организация|Место работы|Место учёбы|Место работы/учёбы|Место работы / учёбы|Учебное заведение
    external	position	opt	Должность
    external	birth_date	opt	Дата рождения
    external	graduation_year	opt	Год выпуска|Год окончания школы
    external	child_name	opt	Ребёнок|Ребёнок (ФИО обучающегося)|ФИО ребёнка|ФИО обучающегося
    external	phone	opt	Телефон|Контактный телефон
    external	email	opt	Email|E-mail|Эл. почта|Электронная почта
    partners	org_name	req	Наименование организации|Организация|Наименование|Название организации|Организация-партнёр|Наименование организации-партнёра
    partners	inn	req	ИНН|ИНН организации
    partners	ogrn	opt	ОГРН
    partners	agreement_no	opt	Соглашение №|Номер соглашения|№ соглашения|Соглашение|Номер договора|Договор №
    partners	agreement_date	opt	Дата соглашения|Дата договора|Дата заключения соглашения
    partners	contact_name	opt	Контактное лицо|ФИО контактного лица|Ответственный
    partners	phone	opt	Телефон|Контактный телефон
    partners	email	opt	Email|E-mail|Эл. почта|Электронная почта
    partners	mentors_count	opt	Количество наставников|Число наставников|Наставников
    questionnaire	desired_role	req	Желаемая роль|Роль|Кем вы хотите быть|Хочу быть|Желаемая роль (наставник / наставляемый)|Вы хотите стать
    questionnaire	category	opt	Категория|Категория участника|Вы
    questionnaire	class_or_position	opt	Класс / Должность|Класс/должность|Класс или должность|Класс|Должность
    questionnaire	desired_form	opt	Желаемая форма|Форма наставничества|Желаемая форма наставничества
    questionnaire	interests	opt	Интересы|Компетенции|Интересы / Компетенции|Интересы и компетенции|Увлечения
    questionnaire	request	opt	Запрос|Ключевой запрос|Что вы хотите получить|Запрос наставляемого
    questionnaire	source	opt	Источник|Откуда вы узнали|Где узнали о программе|Канал
    questionnaire	timestamp	opt	Отметка времени|Timestamp|Дата и время|Время заполнения
    pairs	mentor	req	Наставник|Наставник (ФИО)|ФИО наставника
    pairs	mentee	req	Наставляемый|Наставляемый (ФИО)|ФИО наставляемого|Наставляемые|ФИО наставляемых|Наставляемые (ФИО)
    pairs	form	opt	Форма наставничества|Форма|Форма наставничества (модель)
    pairs	unit_no	opt	№ пары / группы|№ пары|№ группы|Номер пары|Номер группы|№ пары/группы|Пара / группа
    pairs	mentor_class_or_position	opt	Класс / должность наставника|Класс наставника|Должность наставника|Класс/должность наставника
    pairs	mentee_class_or_position	opt	Класс / должность наставляемого|Класс наставляемого|Должность наставляемого|Класс/должность наставляемого
    pairs	start_date	opt	Дата начала|Дата закрепления|Дата начала работы пары|Начало
    pairs	end_date	opt	Дата окончания|Дата завершения|Окончание|Срок окончания
    pairs	plan_approved	opt	Индивидуальный план утверждён|План утверждён|ИП утверждён|Индивидуальный план
    pairs	plan_done	opt	Выполнение плана, %|Выполнение плана|% выполнения плана|Выполнение ИП, %
    consents	consent_date	req	Дата согласия|Дата подписания согласия|Дата подписания|Согласие получено (дата)|Дата получения согласия
    consents	class_or_position	opt	Класс / должность|Класс/должность|Класс|Должность
    consents	signer	opt	Кем дано|Кем подписано|Подписант|Кем дано согласие
    consents	guardian_name	opt	ФИО законного представителя|Законный представитель|ФИО родителя
    consents	withdrawal_date	opt	Дата отзыва|Дата отзыва согласия|Отозвано
    diagnostics	class_or_position	opt	Класс / должность|Класс/должность|Класс|Должность
    diagnostics	role	opt	Роль
    diagnostics	diagnostic_date	opt	Дата диагностики|Дата проведения|Дата
    diagnostics	period	opt	Период|Квартал|Четверть
    diagnostics	unit_no	opt	№ пары / группы|№ пары|№ группы
    diagnostics	indicator_name	opt	Показатель|Критерий
    diagnostics	score	opt	Балл|Баллы|Значение|Оценка
    attendance	event	req	Мероприятие|Название мероприятия|Событие
    attendance	date	opt	Дата|Дата мероприятия|Дата проведения
    attendance	present	opt	Присутствовал|Присутствие|Явка|Был|Отметка о присутствии
    attendance	class_or_position	opt	Класс / должность|Класс|Должность
    roadmap	measure	req	Содержание|Мероприятие|Наименование мероприятия|Содержание мероприятия|Мероприятия
    roadmap	deadline	req	Сроки|Срок|Срок исполнения|Сроки исполнения|Сроки реализации
    roadmap	expected_result	opt	Ожидаемый результат|Результат|Ожидаемые результаты
    roadmap	kpi	opt	Показатели эффективности|Показатели|Целевые показатели
    roadmap	responsible	opt	Ответственный|Ответственные|Ответственный исполнитель
    roadmap	done	opt	Выполнено|Отметка о выполнении|Выполнение|Статус
    roadmap	done_date	opt	Дата выполнения|Фактическая дата
    plans	unit_no	req	№ пары / группы|№ пары|№ группы
    plans	plan_item	req	Мероприятие|Пункт плана|Содержание|Мероприятие плана
    plans	plan_item_deadline	opt	Срок|Сроки|Срок выполнения
    plans	done	opt	Отметка о выполнении|Выполнено|Выполнение
    """
}
