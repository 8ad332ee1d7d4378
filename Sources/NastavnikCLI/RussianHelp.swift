/// The commands' help in Russian. swift-argument-parser writes its own help in English, so `--help`,
/// `-h` and `help КОМАНДА` print these texts instead (``CommandLine/intercept``).
enum CommandName: String, CaseIterable {
    case root = "nastavnik", build, consolidate, cat, inspect, convert
    case templates = "init"

    /// The command named by the arguments (the first that is a subcommand's name), else the root.
    static func of(_ arguments: [String]) -> CommandName {
        for argument in arguments where !argument.hasPrefix("-") {
            if let command = CommandName(rawValue: argument), command != .root { return command }
            if argument != "help" { break }
        }
        return .root
    }

    /// «nastavnik build», as an error names the command.
    var invocation: String { self == .root ? "nastavnik" : "nastavnik \(rawValue)" }

    /// The usage line.
    var usage: String {
        switch self {
        case .root: return "nastavnik КОМАНДА [ПАРАМЕТРЫ]   (команды: build, init, consolidate, cat, inspect, convert)"
        case .templates: return "nastavnik init ПАПКА [--academic-year ГОД]"
        case .build: return "nastavnik build ПАПКА -o РЕЗУЛЬТАТ [--as-of ДД.ММ.ГГГГ] [параметры]"
        case .consolidate: return "nastavnik consolidate ПАПКА -o РЕЗУЛЬТАТ [--as-of ДД.ММ.ГГГГ]"
        case .cat: return "nastavnik cat --json ФАЙЛ"
        case .inspect: return "nastavnik inspect ФАЙЛ [--json] [--head ЧИСЛО]"
        case .convert: return "nastavnik convert ВХОД ВЫХОД [--sheet ЛИСТ] [параметры]"
        }
    }

    static let exitStatuses = """
    Коды завершения: 0 — готово, ошибок нет; 1 — готово, но в данных есть ошибки или файл не прочитан \
    (результаты всё равно записаны, список — на листе «Замечания»); 2 — не удалось запустить (неверные параметры, \
    нет папки, нельзя записать результаты).
    """

    static let csvOptions = """
      --encoding КОДИРОВКА   кодировка CSV: utf-8, utf-16le, utf-16be, windows-1251 (по умолчанию определяется сама)
      --delimiter ЗНАК       разделитель CSV: ';', ',', 'tab' или '|' (по умолчанию определяется сам)
    """

    /// The whole help text.
    var help: String {
        switch self {
        case .root:
            return """
            nastavnik — таблицы программы наставничества школы: реестр участников, список того, что исправить, \
            проекты приказов, региональная выгрузка.

            Использование: \(usage)

            Команды:
              build         собрать реестр из папки с таблицами школы
              init          создать пустые шаблоны всех таблиц в новой папке
              consolidate   свести региональные выгрузки многих школ в один файл с итогами
              cat           показать все ячейки таблицы в виде JSON (для программ)
              inspect       кратко описать таблицу: листы, строки, типы ячеек, первые строки
              convert       перевести CSV в XLSX и обратно

            Параметры:
              -h, --help    эта справка; о команде: nastavnik КОМАНДА --help
              --version     версия программы

            Пример: nastavnik build Таблицы -o Результат --as-of 29.05.2026

            \(Self.exitStatuses)

            """
        case .build:
            return """
            nastavnik build — собрать реестр наставничества из папки с таблицами школы.

            Использование: \(usage)

            Аргументы:
              ПАПКА                        папка с таблицами школы (.xlsx, .xls, .ods, .csv; подпапки тоже читаются)

            Параметры:
              -o, --output РЕЗУЛЬТАТ       папка для результатов: новая, пустая или с результатами прошлой сборки
              --as-of ДАТА                 дата отчёта, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД: на неё считаются возраст, сроки
                                           и согласия (по умолчанию — сегодня)
              --mentor-limit ЧИСЛО         сколько наставляемых может быть у одного наставника (по умолчанию 10)
              --school-name ТЕКСТ          полное наименование ОО (важнее листа «Сведения об ОО»)
              --school-short-name ТЕКСТ    краткое наименование ОО
              --municipality ТЕКСТ         муниципалитет
              --region ТЕКСТ               регион
              --director ФИО               директор
              --curator ФИО                куратор программы наставничества
              --academic-year ГОД          учебный год, например 2025/2026
              --id-key КЛЮЧ                ключ обезличивания для ID участников в региональной выгрузке
              --pairs-order-template ФАЙЛ  свой шаблон (.docx) приказа о закреплении пар
              --plans-order-template ФАЙЛ  свой шаблон (.docx) приказа об утверждении индивидуальных планов
              --shared-output              результаты доступны другим пользователям (по умолчанию — только вам)
              -h, --help                   эта справка

            Что получится в папке результатов: register.xlsx — реестр (что исправить — лист «Замечания»), \
            diagnostics.xlsx — сравнительные таблицы диагностики, orders/ — два проекта приказов, regional.xlsx \
            и три CSV — региональная выгрузка, исправить/ — копии ваших таблиц с пометками в ячейках, где есть \
            ошибки и предупреждения, report.json — то же для программ.

            \(Self.exitStatuses)

            """
        case .templates:
            return """
            nastavnik init — создать пустые шаблоны всех таблиц программы наставничества.

            Использование: \(usage)

            Аргументы:
              ПАПКА                    новая или пустая папка для шаблонов (папку с файлами программа не трогает)

            Параметры:
              --academic-year ГОД      учебный год сроков дорожной карты, например 2025/2026 (по умолчанию — текущий)
              -h, --help               эта справка

            В каждом шаблоне: заголовки, которые программа узнаёт, примечание к каждому заголовку (что вписать и в каком \
            виде), списки для выбора, столбцы дат, лист «Образец» с примером и лист «Инструкция». Дорожная карта уже \
            заполнена типовыми позициями со сроками на учебный год.

            Коды завершения: 0 — шаблоны записаны; 2 — папка не пуста или запись не удалась.

            """
        case .consolidate:
            return """
            nastavnik consolidate — свести региональные выгрузки (regional.xlsx) многих школ в один файл.

            Использование: \(usage)

            Аргументы:
              ПАПКА                    папка с выгрузками школ (подпапки тоже читаются)

            Параметры:
              -o, --output РЕЗУЛЬТАТ   папка для сводного regional.xlsx, его CSV и report.json
              --as-of ДАТА             дата сводки, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию — сегодня)
              --shared-output          результаты доступны другим пользователям (по умолчанию — только вам)
              -h, --help               эта справка

            Школа, выгруженная дважды с разными данными, не принимается; одинаковая копия учитывается один раз.

            Коды завершения: 0 — все файлы приняты; 1 — некоторые не приняты (причины — в сводке и report.json); \
            2 — не удалось запустить.

            """
        case .cat:
            return """
            nastavnik cat — показать все ячейки всех листов таблицы в виде JSON, с типами (для программ).

            Использование: \(usage)

            Аргументы:
              ФАЙЛ                   таблица: .xlsx, .xls, .ods или .csv

            Параметры:
              --json                 вывод в JSON (пока единственный вид)
            \(Self.csvOptions)
              -h, --help             эта справка

            Коды завершения: 0 — готово; 1 — файл не прочитан; 2 — не удалось запустить.

            """
        case .inspect:
            return """
            nastavnik inspect — кратко описать таблицу: листы, видимость, занятый диапазон, строки, типы ячеек, первые строки.

            Использование: \(usage)

            Аргументы:
              ФАЙЛ                   таблица: .xlsx, .xls, .ods или .csv

            Параметры:
              --json                 вывод в JSON (для программ)
              --head ЧИСЛО           сколько первых строк показать (по умолчанию 5)
            \(Self.csvOptions)
              -h, --help             эта справка

            Коды завершения: 0 — готово; 1 — файл не прочитан; 2 — не удалось запустить.

            """
        case .convert:
            return """
            nastavnik convert — перевести CSV в XLSX и обратно.

            Использование: \(usage)

            ВХОД.csv → ВЫХОД.xlsx: один лист с именем файла. ВХОД.xlsx → ВЫХОД.csv: нужен --sheet, если листов \
            несколько. ВХОД.xlsx → ПАПКА (без расширения): по CSV на каждый лист, с именем листа.

            Параметры:
              --sheet ЛИСТ               лист для перевода в CSV: имя или номер (1 — первый)
              --sheet-name ИМЯ           имя листа в XLSX из CSV (по умолчанию — имя файла)
              --infer-types              числа и даты ГГГГ-ММ-ДД из текста CSV записать числами и датами
              --shared-strings           хранить текст в общей таблице строк, как Excel
              --preset ВИД               вид CSV: utf8 (UTF-8, «,», даты ГГГГ-ММ-ДД) или excel-ru (BOM, «;», ДД.ММ.ГГГГ, десятичная запятая)
              --no-neutralise            не ставить апостроф перед текстом, начинающимся с = + - @
              --compression-level ЧИСЛО  степень сжатия XLSX, от 1 (быстрее) до 9 (меньше)
            \(Self.csvOptions)
              -h, --help                 эта справка

            Коды завершения: 0 — готово; 1 — файл не прочитан; 2 — не удалось запустить.

            """
        }
    }
}
