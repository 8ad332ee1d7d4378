import Foundation
import SheetIO

/// The template of the settings sheet «Сведения об ОО»: the keys the settings reader knows (their first names),
/// a comment on each, the academic year filled in.
enum SettingsTemplate {
    /// What goes beside each key, and the example's value.
    static let guide: [String: (what: String, example: String)] = [
        "school": ("Полное наименование образовательной организации, как в уставе (идёт в шапку приказов)", "Муниципальное автономное общеобразовательное учреждение средняя общеобразовательная школа № 7 г. Томска"),
        "short_name": ("Краткое наименование, как в уставе", "МАОУ СОШ № 7 г. Томска"),
        "municipality": ("Муниципалитет (для региональной выгрузки)", "г. Томск"),
        "city": ("Населённый пункт (для приказов), если он не совпадает с муниципалитетом", "Томск"),
        "region": ("Субъект Российской Федерации", "Томская область"),
        "director": ("ФИО директора полностью (подпись в приказах)", "Кузнецова Ирина Николаевна"),
        "curator": ("ФИО куратора программы наставничества полностью", "Лебедева Татьяна Александровна"),
        "academic_year": ("Учебный год в виде 2025/2026: по нему считаются сроки дорожной карты", "2025/2026"),
        "inn": ("ИНН образовательной организации, 10 цифр", "7017000019"),
        "address": ("Адрес образовательной организации", "634000, г. Томск, ул. Примерная, 1"),
        "id_key": ("Ключ обезличивания для ID участников в региональной выгрузке; можно оставить пустым — программа создаст его сама", ""),
    ]

    static func write(to path: String, sheetName: String, year: AcademicYear) throws {
        let plain = path + ".plain-\(getpid()).xlsx"
        defer { try? FileManager.default.removeItem(atPath: plain) }
        let writer = try XLSXWriter(path: plain)
        let keys = SettingKey.allCases.map { (id: $0.rawValue, name: $0.names[0]) }
        let main = try writer.addSheet(named: sheetName, layout: SheetLayout(columnWidths: [28, 90], frozenRows: 1))
        try main.append([.text("Сведения"), .text("Значение")], style: .header)
        for key in keys { try main.append([.text(key.name), key.id == "academic_year" ? .text(year.label) : .empty], styles: [.bold, .wrapped]) }
        let sample = try writer.addSheet(named: TemplateSheets.example, layout: SheetLayout(columnWidths: [28, 90], frozenRows: 1))
        try sample.append([.text("Сведения"), .text("Значение")], style: .header)
        for key in keys { try sample.append([.text(key.name), .text(guide[key.id]?.example ?? "")], styles: [.bold, .wrapped]) }
        try sample.append([])
        try sample.append([.text("Это образец заполнения. Программа этот лист не читает: заполняйте лист «\(sheetName)».")])
        let info = try writer.addSheet(named: TemplateSheets.instructions, layout: SheetLayout(columnWidths: [34, 90]))
        try info.append([.text("Шаблон: сведения об образовательной организации")], styles: [.bold])
        try info.append([])
        for line in ["1. Впишите значения в столбец B листа «\(sheetName)» напротив названий в столбце A; названия не меняйте.",
                     "2. Наведите указатель на название — в примечании сказано, что вписать.",
                     "3. Эти сведения идут в приказы и в региональную выгрузку; параметры командной строки (--school-name и другие) важнее листа.",
                     "4. Лист «\(TemplateSheets.example)» показывает пример заполнения; он и этот лист программой не читаются."] {
            try info.append([.text(line)])
        }
        try info.append([])
        try info.append([.text("Сведения"), .text("Что вписать")], style: .header)
        for key in keys { try info.append([.text(key.name), .text(guide[key.id]?.what ?? "")], styles: [nil, .wrapped]) }
        try writer.close()
        let marks = keys.enumerated().map { offset, key in
            CellMark(sheet: sheetName, cell: CellAddress(row: offset + 2, column: 1), level: .note, comment: (guide[key.id]?.what ?? key.name) + ".")
        }
        try XLSXCellMarks.mark(source: plain, output: path, marks: marks)
    }
}
