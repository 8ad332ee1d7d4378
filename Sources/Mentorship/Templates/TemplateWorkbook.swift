import Foundation
import SheetIO

/// One column of a blank template: its field, the header the recognition knows, and its guide.
struct TemplateColumn {
    var field: String
    var header: String
    var required: Bool
    var guide: FieldGuide.Entry
    var shape: FieldGuide.Shape
}

/// Writes the blank template of one kind of table: the sheet to fill (recognised headers with a comment each,
/// drop-down lists, date columns, the header frozen and filtered), the sheet «Образец» with one example row,
/// and the sheet «Инструкция». «Образец» and «Инструкция» are never read as data (``TemplateSheets``).
enum TemplateWorkbook {
    /// Rows below the header prepared with formats and drop-down lists.
    static let preparedRows = 300

    /// The template's columns, from the one header table: the full name first where the kind has one, the kind's
    /// fields in the table's order (its first synonym as the header); diagnostics get indicator columns.
    static func columns(for kind: TableKind) -> [TemplateColumn] {
        var result: [TemplateColumn] = []
        for line in HeaderTable.text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map { TextCleaning.clean(String($0)) }
            guard parts.count == 4, let header = parts[3].split(separator: "|").first.map(String.init) else { continue }
            let field = parts[1]
            if parts[0] == "*" {
                guard kind.hasPersonName, field == "full_name" else { continue }
            } else {
                guard parts[0] == kind.rawValue, !(kind == .diagnostics && (field == "indicator_name" || field == "score")) else { continue }
            }
            result.append(TemplateColumn(field: field, header: header, required: parts[2] != "opt", guide: FieldGuide.entry(field, kind: kind),
                                         shape: FieldGuide.shape(field, kind: kind)))
        }
        if let unit = result.firstIndex(where: { $0.field == "unit_no" }), kind == .pairs { result.insert(result.remove(at: unit), at: 0) }
        if kind == .diagnostics {
            for indicator in FieldGuide.indicators {
                var guide = FieldGuide.indicatorGuide
                guide.example = indicator.example
                result.append(TemplateColumn(field: "indicator", header: indicator.header, required: result.allSatisfy { $0.field != "indicator" }, guide: guide, shape: .number))
            }
        }
        return result
    }

    /// The header comment: what goes there and in what form.
    static func comment(_ column: TemplateColumn) -> String {
        var text = column.guide.what + (column.required ? " (обязательный столбец)" : "") + ".\nВ каком виде: " + column.guide.form + "."
        if case .list(let values) = column.shape { text += "\nЗначения: " + values.joined(separator: ", ") + "." }
        return text
    }

    /// Writes the template of `kind` at `path`; `year` dates the example and the roadmap.
    static func write(_ kind: TableKind, title: String, sheetName: String, to path: String, year: AcademicYear) throws {
        let plain = path + ".plain-\(getpid()).xlsx"
        defer { try? FileManager.default.removeItem(atPath: plain) }
        let writer = try XLSXWriter(path: plain)
        let columns = self.columns(for: kind)
        let textStyle = writer.style(forNumberFormat: "@")
        func style(_ column: TemplateColumn) -> XLSXStyle? {
            switch column.shape {
            case .date: return .date
            case .dateTime: return .dateTime
            case .text where ["snils", "inn", "ogrn", "phone", "guardian_phone", "agreement_no", "unit_no"].contains(column.field): return textStyle
            default: return nil
            }
        }
        let widths: [Double?] = columns.map { column in
            switch column.shape {
            case .date, .dateTime: return 14
            case .list(let values): return Double(max(column.header.count, values.map(\.count).max() ?? 0) + 4)
            default: return Double(min(60, max(column.header.count + 4, column.guide.example.count + 2, 12)))
            }
        }
        let validations = columns.enumerated().compactMap { offset, column -> ListValidation? in
            guard case .list(let values) = column.shape else { return nil }
            let range = CellRange(first: CellAddress(row: 2, column: offset + 1), last: CellAddress(row: preparedRows + 1, column: offset + 1))
            return ListValidation(range: range, values: values)
        }
        let main = try writer.addSheet(named: sheetName, layout: SheetLayout(columnWidths: widths, frozenRows: 1, autoFilter: true, validations: validations))
        try main.append(columns.map { .text($0.header) }, style: .header)
        if kind == .roadmap {
            for row in RoadmapTemplate.rows(for: year) {
                try main.append(row.map { $0.isEmpty ? .empty : .text($0) } + Array(repeating: CellValue.empty, count: max(0, columns.count - row.count)),
                                styles: row.count == 1 ? [.header] : [.wrapped, .wrapped, .wrapped, .wrapped, .wrapped] + columns.dropFirst(5).map(style))
                if row.count == 1 { main.merge(CellRange(first: CellAddress(row: main.rowCount, column: 1), last: CellAddress(row: main.rowCount, column: columns.count))) }
            }
        } else {
            for _ in 0..<preparedRows { try main.append(columns.map { _ in .empty }, styles: columns.map(style)) }
        }
        if kind != .roadmap {
            let sample = try writer.addSheet(named: TemplateSheets.example, layout: SheetLayout(columnWidths: widths, frozenRows: 1))
            try sample.append(columns.map { .text($0.header) }, style: .header)
            try sample.append(columns.map { example($0.guide.example, shape: $0.shape) }, styles: columns.map(style))
            try sample.append([])
            try sample.append([.text("Это образец заполнения одной строки. Программа этот лист не читает: заполняйте лист «\(sheetName)».")])
        }
        try instructions(writer, kind: kind, title: title, sheetName: sheetName, columns: columns)
        try writer.close()
        let marks = columns.enumerated().map { offset, column in
            CellMark(sheet: sheetName, cell: CellAddress(row: 1, column: offset + 1), level: .note, comment: comment(column))
        }
        try XLSXCellMarks.mark(source: plain, output: path, marks: marks)
    }

    /// The example value typed as the column wants it: a date as a date, a number as a number.
    static func example(_ text: String, shape: FieldGuide.Shape) -> CellValue {
        guard !text.isEmpty else { return .empty }
        switch shape {
        case .date, .dateTime:
            let parts = text.split(separator: ".").compactMap { Int($0) }
            if parts.count == 3 { return .temporal(ExcelTemporal(year: parts[2], month: parts[1], day: parts[0])) }
            return .text(text)
        case .number:
            return Double(text.replacingOccurrences(of: ",", with: ".")).map(CellValue.number) ?? .text(text)
        default:
            return .text(text)
        }
    }

    /// The sheet «Инструкция»: how to fill the template, then a row per column.
    static func instructions(_ writer: XLSXWriter, kind: TableKind, title: String, sheetName: String, columns: [TemplateColumn]) throws {
        let sheet = try writer.addSheet(named: TemplateSheets.instructions, layout: SheetLayout(columnWidths: [34, 16, 60, 60]))
        var lines = [
            "Шаблон: \(title)",
            "",
            "1. Заполняйте лист «\(sheetName)» со второй строки: одна строка — \(kind == .roadmap ? "одна позиция дорожной карты" : kind == .pairs ? "один наставляемый (для группы — по строке на каждого с одним номером группы)" : kind == .plans ? "одно мероприятие плана" : "один человек или одна запись").",
            "2. Строку заголовков не меняйте и не удаляйте: по ней программа узнаёт таблицу. Лишние столбцы можно добавить справа — они не мешают.",
            "3. Где в ячейке есть список (стрелка справа), выберите значение из него. Даты вписывайте как ДД.ММ.ГГГГ: столбцы дат уже в формате даты.",
            "4. Наведите указатель на заголовок столбца — в примечании сказано, что в него вписать и в каком виде.",
            "5. Лист «\(TemplateSheets.example)» показывает пример заполнения; он и этот лист программой не читаются.",
            "6. Положите заполненный файл в папку с таблицами и запустите: nastavnik build ПАПКА -o РЕЗУЛЬТАТ. Ошибки и предупреждения — в register.xlsx на листе «Замечания» и в копиях ваших файлов с пометками в папке РЕЗУЛЬТАТ/исправить.",
        ]
        if kind == .roadmap {
            lines.insert("Позиции дорожной карты уже вписаны (по образцу дорожной карты МАОУ СОШ № 44 г. Томска), сроки — на текущий учебный год. Исправьте их под свою школу; строка только с первой ячейкой — заголовок раздела.", at: 2)
        }
        if kind == .settings {
            lines = ["Шаблон: \(title)", "", "1. Впишите значения в столбец B листа «\(sheetName)» напротив названий в столбце A; названия не меняйте.",
                     "2. Наведите указатель на название — в примечании сказано, что вписать.",
                     "3. Ключ обезличивания можно не вписывать: программа создаст его сама и сохранит вне папки результатов.",
                     "4. Лист «\(TemplateSheets.example)» показывает пример заполнения; он и этот лист программой не читаются."]
        }
        for line in lines { try sheet.append(line.isEmpty ? [] : [.text(line)], styles: [line.hasPrefix("Шаблон") ? .bold : nil]) }
        try sheet.append([])
        try sheet.append([.text("Столбец"), .text("Обязательный"), .text("Что вписать"), .text("В каком виде")], style: .header)
        for column in columns {
            var form = column.guide.form
            if case .list(let values) = column.shape { form += ". Значения: " + values.joined(separator: ", ") }
            try sheet.append([.text(column.header), .text(column.required ? "да" : "нет"), .text(column.guide.what), .text(form)],
                             styles: [nil, nil, .wrapped, .wrapped])
        }
    }
}
