import DocxIO

/// Приказ «О закреплении наставнических пар (групп)» with Appendix 1, the pairs and groups.
enum PairsOrder {
    static let title = "О закреплении наставнических пар (групп)"
    static let fileName = "Приказ о закреплении наставнических пар.docx"
    static let columns = ["№ п/п", "№ пары / группы", "ФИО наставника", "Должность / класс", "ФИО наставляемого", "Должность / класс",
                          "Форма наставничества", "Срок (с … по …)"]
    /// Column widths in millimetres: 267 mm, the text width of a landscape A4 page with ГОСТ margins.
    static let widths = [12.0, 22, 46, 35, 46, 35, 36, 35]
    /// Fields of a template row that a group's rows share (one merged cell).
    static let sharedFields: Set<String> = ["n", "unit", "mentor", "mentor_position", "form", "term", "start", "end"]

    static func document(_ entries: [OrderEntry], details: OrderDetails) -> Document {
        OrderFrame.compose(title: title, details: details, items: [
            "Закрепить наставнические пары (группы) в составе согласно приложению 1 к настоящему приказу.",
            "Назначить куратором внедрения целевой модели наставничества \(NameCases.inflect(details.curator, .accusative)), возложив на куратора организацию работы наставнических пар (групп) и ведение персонифицированного учёта участников.",
            "Наставникам в срок до \(details.plansDeadline.russian) разработать совместно с наставляемыми индивидуальные планы развития и представить их куратору.",
            "Куратору \(NameCases.inflect(details.curator, .dative)) организовать диагностику участников наставнических пар (групп) один раз в квартал и подготовку сравнительных таблиц изменений.",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
        ], entries: entries, appendixTitle: "Состав наставнических пар (групп) на \(details.academicYear) учебный год",
        table: OrderFrame.appendixTable(columns: columns, widths: widths,
                                        fields: ["n", "unit", "mentor", "mentor_position", "mentee", "mentee_position", "form", "term"],
                                        shared: sharedFields, centred: ["n", "unit"], rows: rows(entries),
                                        whenEmpty: "Нет пар и групп, которые можно закрепить приказом (см. лист «Пары и группы» реестра)."))
    }

    /// One appendix row per admitted mentee; the values also fill a curator's template row.
    static func rows(_ entries: [OrderEntry]) -> [AppendixRow] {
        entries.flatMap { entry in
            entry.mentees.enumerated().map { index, mentee in
                AppendixRow(group: entry.sequence, first: index == 0, groupSize: entry.mentees.count, values: [
                    "n": String(entry.sequence), "unit": entry.unit.number, "mentor": entry.mentor.name.description,
                    "mentor_position": entry.mentor.classOrPosition, "mentee": mentee.name.description,
                    "mentee_position": mentee.classOrPosition, "form": entry.unit.form?.russian ?? "",
                    "term": OrderFrame.term(entry.unit), "start": entry.unit.start?.russian ?? "", "end": entry.unit.end?.russian ?? "",
                ])
            }
        }
    }
}

/// One row of an order's appendix: the values by placeholder name, and the group it belongs to.
struct AppendixRow {
    var group: Int
    /// The first row of its group (the one a merged cell starts on).
    var first: Bool
    var groupSize: Int
    var values: [String: String]
}
