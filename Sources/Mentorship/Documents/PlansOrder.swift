import DocxIO

/// Приказ «Об утверждении индивидуальных планов» with Appendix 1: each unit's plan items from the
/// `plans` kind, or its plan period when it has none.
enum PlansOrder {
    static let title = "Об утверждении индивидуальных планов"
    static let fileName = "Приказ об утверждении индивидуальных планов.docx"
    static let columns = ["№ п/п", "№ пары / группы", "Наставник", "Наставляемый (-ые)", "Мероприятие индивидуального плана", "Срок"]
    /// Column widths in millimetres: 267 mm, the landscape text width.
    static let widths = [12.0, 22, 48, 55, 90, 40]
    static let sharedFields: Set<String> = ["n", "unit", "mentor", "mentees", "form", "term"]

    static func document(_ entries: [OrderEntry], details: OrderDetails) -> Document {
        OrderFrame.compose(title: title, details: details, items: [
            "Утвердить индивидуальные планы развития наставляемых под руководством наставников согласно приложению 1 к настоящему приказу.",
            "Наставникам обеспечить выполнение мероприятий индивидуальных планов в установленные сроки и отмечать их выполнение.",
            "Куратору \(NameCases.inflect(details.curator, .dative)) ежеквартально проводить мониторинг выполнения индивидуальных планов и представлять директору сведения о доле выполненных мероприятий (целевое значение — не менее 90%).",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
        ], entries: entries, appendixTitle: "Индивидуальные планы наставнических пар (групп) на \(details.academicYear) учебный год",
        table: OrderFrame.appendixTable(columns: columns, widths: widths, fields: ["n", "unit", "mentor", "mentees", "plan_item", "plan_deadline"],
                                        shared: sharedFields, centred: ["n", "unit"], rows: rows(entries),
                                        whenEmpty: "Нет пар и групп, чьи планы можно утвердить приказом (см. лист «Пары и группы» реестра)."))
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
