import DocxIO

/// Приказ «О закреплении наставнических пар (групп)» with Appendix 1, the pairs and groups.
enum PairsOrder {
    static let title = "О закреплении наставнических пар (групп)"
    static let fileName = "Приказ о закреплении наставнических пар.docx"
    static let columns = ["№ п/п", "ФИО наставника", "Должность / класс", "ФИО наставляемого", "Должность / класс",
                          "Форма наставничества", "Срок (с … по …)"]
    /// Column widths in millimetres: 267 mm, the text width of a landscape A4 page with ГОСТ margins.
    static let widths = [12.0, 55, 35, 55, 35, 40, 35]
    /// Fields of a template row that a group's rows share (one merged cell).
    static let sharedFields: Set<String> = ["n", "unit", "mentor", "mentor_position", "form", "term", "start", "end"]

    static func document(_ entries: [OrderEntry], details: OrderDetails) -> Document {
        var document = OrderFrame.document(title: title, details: details)
        OrderFrame.items([
            "Закрепить наставнические пары (группы) в составе согласно приложению 1 к настоящему приказу.",
            "Назначить куратором внедрения целевой модели наставничества \(NameCases.inflect(details.curator, .accusative)), возложив на куратора организацию работы наставнических пар (групп) и ведение персонифицированного учёта участников.",
            "Наставникам в срок до \(OrderFrame.plansDeadline(details.asOf).russian) разработать совместно с наставляемыми индивидуальные планы развития и представить их куратору.",
            "Куратору \(NameCases.inflect(details.curator, .dative)) организовать диагностику участников наставнических пар (групп) один раз в квартал и подготовку сравнительных таблиц изменений.",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
        ], in: &document)
        OrderFrame.signatures(details, acquainted: OrderFrame.acquainted(entries, details: details), in: &document)
        OrderFrame.appendixHeading("Состав наставнических пар (групп) на \(details.academicYear) учебный год", details: details, in: &document)
        var table = Table(columnWidths: widths.map(Twips.mm), rows: [OrderFrame.headerRow(columns)])
        table.fontSize = OrderFrame.tableFontSize
        for row in rows(entries) {
            let first = row.first
            let merge: TableCell.VerticalMerge = row.groupSize == 1 ? .none : (first ? .restart : .continue)
            func shared(_ text: String, _ alignment: Alignment = .left) -> TableCell {
                first ? TableCell(text, alignment: alignment, verticalMerge: merge) : .continuesAbove
            }
            let values = row.values
            table.rows.append(TableRow([
                shared(values["n"]!, .center), shared(values["mentor"]!), shared(values["mentor_position"]!),
                TableCell(values["mentee"]!), TableCell(values["mentee_position"]!), shared(values["form"]!), shared(values["term"]!),
            ]))
        }
        if entries.isEmpty {
            table.rows.append(TableRow([TableCell([Paragraph("Нет пар и групп, которые можно закрепить приказом (см. лист «Пары и группы» реестра).", alignment: .center)], columnSpan: columns.count)]))
        }
        document.append(table)
        return document
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
