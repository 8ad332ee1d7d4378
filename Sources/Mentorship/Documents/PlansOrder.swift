import DocxIO

/// Приказ «Об утверждении индивидуальных планов» with Appendix 1: each unit's plan items from the
/// `plans` kind, or its plan period when it has none.
enum PlansOrder {
    static let title = "Об утверждении индивидуальных планов"
    static let fileName = "Приказ об утверждении индивидуальных планов.docx"
    static let columns = ["№ п/п", "№ пары / группы", "Наставник", "Наставляемый (-ые)", "Мероприятие индивидуального плана", "Срок"]
    /// Column widths in millimetres: 267 mm, the landscape text width.
    static let widths = [12.0, 20, 50, 55, 90, 40]
    static let sharedFields: Set<String> = ["n", "unit", "mentor", "mentees", "form", "term"]

    static func document(_ entries: [OrderEntry], details: OrderDetails) -> Document {
        var document = OrderFrame.document(title: title, details: details)
        OrderFrame.items([
            "Утвердить индивидуальные планы развития наставляемых под руководством наставников согласно приложению 1 к настоящему приказу.",
            "Наставникам обеспечить выполнение мероприятий индивидуальных планов в установленные сроки и отмечать их выполнение.",
            "Куратору \(NameCases.inflect(details.curator, .dative)) ежеквартально проводить мониторинг выполнения индивидуальных планов и представлять директору сведения о доле выполненных мероприятий (целевое значение — не менее 90%).",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
        ], in: &document)
        OrderFrame.signatures(details, acquainted: OrderFrame.acquainted(entries, details: details), in: &document)
        OrderFrame.appendixHeading("Индивидуальные планы наставнических пар (групп) на \(details.academicYear) учебный год", details: details, in: &document)
        var table = Table(columnWidths: widths.map(Twips.mm), rows: [OrderFrame.headerRow(columns)])
        table.fontSize = OrderFrame.tableFontSize
        for row in rows(entries) {
            let merge: TableCell.VerticalMerge = row.groupSize == 1 ? .none : (row.first ? .restart : .continue)
            func shared(_ text: String, _ alignment: Alignment = .left) -> TableCell {
                row.first ? TableCell(text, alignment: alignment, verticalMerge: merge) : .continuesAbove
            }
            let values = row.values
            table.rows.append(TableRow([
                shared(values["n"]!, .center), shared(values["unit"]!, .center), shared(values["mentor"]!), shared(values["mentees"]!),
                TableCell(values["plan_item"]!), TableCell(values["plan_deadline"]!),
            ]))
        }
        if entries.isEmpty {
            table.rows.append(TableRow([TableCell([Paragraph("Нет пар и групп, чьи планы можно утвердить приказом (см. лист «Пары и группы» реестра).", alignment: .center)], columnSpan: columns.count)]))
        }
        document.append(table)
        return document
    }

    /// One row per plan item (a unit without items: one row with its plan period).
    static func rows(_ entries: [OrderEntry]) -> [AppendixRow] {
        entries.flatMap { entry -> [AppendixRow] in
            let unit = entry.unit
            let items = unit.planItems.isEmpty
                ? [("Индивидуальный план на период \(OrderFrame.term(unit))", OrderFrame.term(unit))]
                : unit.planItems.map { ($0.text, $0.deadline) }
            let shared = ["n": String(entry.sequence), "unit": unit.number, "mentor": entry.mentor.name.description,
                          "mentees": entry.mentees.map(\.name.description).joined(separator: "\n"), "form": unit.form?.russian ?? "",
                          "term": OrderFrame.term(unit)]
            return items.enumerated().map { index, item in
                AppendixRow(group: entry.sequence, first: index == 0, groupSize: items.count,
                            values: shared.merging(["plan_item": item.0, "plan_deadline": item.1]) { $1 })
            }
        }
    }
}
