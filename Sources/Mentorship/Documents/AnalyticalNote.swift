import DocxIO

/// `справка.docx`: the analytical note (аналитическая справка) for the director — the indicators against their
/// targets, the quarterly changes of the diagnostic indicators in words, the overdue roadmap positions and the
/// data problems that remain, counted. The same page, font and margins as the orders (ГОСТ Р 7.0.97-2016).
public enum AnalyticalNote {
    public static let fileName = "справка.docx"

    /// Writes the note into `folder`; returns its file name.
    public static func write(_ register: Register, to folder: String) throws -> String {
        try DocxWriter.write(document(register), to: folder + "/" + fileName)
        return fileName
    }

    static func document(_ register: Register) -> Document {
        let details = OrderDetails(register)
        var document = Document()
        document.title = "Аналитическая справка о реализации целевой модели наставничества"
        document.date = register.asOf.iso + "T00:00:00Z"
        document.append(Paragraph([Run("Аналитическая справка", bold: true)], alignment: .center))
        document.append(Paragraph([Run("о реализации целевой модели наставничества в \(details.shortName)", bold: true)], alignment: .center))
        document.append(Paragraph("в \(details.academicYear) учебном году (на \(register.asOf.russian))", alignment: .center))
        document.append(Paragraph([]))

        let counts = register.counts
        document.append(OrderFrame.body("Участников программы наставничества — \(counts.participants), из них наставников в действующих "
            + "парах и группах — \(counts.mentors), наставляемых — \(counts.mentees); пар — \(counts.pairs), групп — "
            + "\(counts.groups); организаций-партнёров — \(counts.partners)."))

        heading("1. Показатели", in: &document)
        document.append(indicatorTable(register))

        heading("2. Результаты диагностики", in: &document)
        for sentence in dynamicsSentences(register) { document.append(OrderFrame.body(sentence)) }

        heading("3. Дорожная карта", in: &document)
        let overdue = register.roadmap.filter { $0.status == .overdue }
        let done = register.roadmap.filter(\.done).count
        document.append(OrderFrame.body(register.roadmap.isEmpty ? "Дорожная карта во входных таблицах не найдена."
            : "Позиций дорожной карты — \(register.roadmap.count), выполнено — \(done), просрочено — \(overdue.count)."))
        for position in overdue {
            document.append(OrderFrame.body("— \(position.measure) (срок: \(position.deadlineText.isEmpty ? "не указан" : position.deadlineText)"
                + (position.responsible.isEmpty ? "" : "; ответственный: \(position.responsible)") + ")."))
        }

        heading("4. Качество данных", in: &document)
        let bySeverity = Dictionary(grouping: register.issues, by: \.severity).mapValues(\.count)
        document.append(OrderFrame.body("В таблицах программы осталось ошибок — \(bySeverity[.error] ?? 0), предупреждений — "
            + "\(bySeverity[.warning] ?? 0). Перечень с адресами ячеек — на листе «Замечания» файла register.xlsx."))
        let byCode = Dictionary(grouping: register.issues.filter { $0.severity == .error }, by: \.code).mapValues(\.count)
        for code in byCode.keys.sorted(by: { byCode[$0]! != byCode[$1]! ? byCode[$0]! > byCode[$1]! : $0.rawValue < $1.rawValue }).prefix(5) {
            document.append(OrderFrame.body("— \(code.rawValue): \(byCode[code]!)."))
        }

        var signature = Paragraph([Run("Куратор\t" + OrderDetails.initialsFirst(details.curator))])
        signature.tabStops = [(PageSetup.a4GOST.textWidth, true)]
        signature.spaceBefore = Twips.pt(36)
        document.append(signature)
        return document
    }

    static func heading(_ text: String, in document: inout Document) {
        var paragraph = Paragraph([Run(text, bold: true)])
        paragraph.spaceBefore = Twips.pt(12)
        paragraph.spaceAfter = Twips.pt(6)
        paragraph.keepWithNext = true
        document.append(paragraph)
    }

    /// Показатель | Период | Значение | Цель | Достигнуто, one row an indicator, in report.json's order.
    static func indicatorTable(_ register: Register) -> Table {
        var table = Table(columnWidths: [72, 26, 30, 26, 26].map(Twips.mm), rows: [OrderFrame.headerRow(["Показатель", "Период", "Значение", "Цель", "Достигнуто"])])
        table.fontSize = OrderFrame.tableFontSize
        for indicator in register.indicators {
            let when = indicator.period.map(register.periodName) ?? indicator.event ?? ""
            let value = indicator.value.map { "\(RussianText.percent($0)) (\(indicator.numerator) из \(indicator.denominator))" } ?? "нет данных"
            table.rows.append(TableRow([
                TableCell(indicator.definition), TableCell(when), TableCell(value, alignment: .center),
                TableCell(indicator.target.map(RussianText.percent) ?? "справочно", alignment: .center),
                TableCell(indicator.met.map { $0 ? "да" : "нет" } ?? "—", alignment: .center),
            ]))
        }
        return table
    }

    /// The changes in words: per form and indicator, the first and last measured periods' means; per indicator,
    /// the share of the people measured in two periods or more whose last score is above their first.
    static func dynamicsSentences(_ register: Register) -> [String] {
        let dynamics = register.formDynamics
        guard !dynamics.lines.isEmpty else { return ["Результатов диагностики во входных таблицах нет."] }
        var sentences: [String] = []
        for line in dynamics.lines {
            let measured = line.means.enumerated().compactMap { index, mean in mean.map { (index, $0) } }
            guard let first = measured.first, let last = measured.last, first.0 != last.0 else { continue }
            let change = last.1 - first.1
            sentences.append("«\(line.indicator)», форма «\(line.form)»: средний балл \(RussianText.hundredths(first.1)) за \(dynamics.periods[first.0].russian), "
                + "\(RussianText.hundredths(last.1)) за \(dynamics.periods[last.0].russian) (\(change >= 0 ? "+" : "")\(RussianText.hundredths(change))).")
        }
        // Each person's first and last measured score per indicator, in one pass over the results.
        let order = Dictionary(uniqueKeysWithValues: register.periods.enumerated().map { ($1.key, $0) })
        struct Key: Hashable { var indicator: String; var person: ObjectIdentifier }
        var firstLast: [Key: (first: (Int, Double), last: (Int, Double))] = [:]
        for result in register.diagnostics {
            guard let position = order[result.period.key] else { continue }
            let key = Key(indicator: result.indicator, person: ObjectIdentifier(result.person))
            var entry = firstLast[key] ?? (first: (position, result.score), last: (position, result.score))
            if position < entry.first.0 { entry.first = (position, result.score) }
            if position >= entry.last.0 { entry.last = (position, result.score) }
            firstLast[key] = entry
        }
        var measuredTwice: [String: (grew: Int, of: Int)] = [:]
        for (key, entry) in firstLast where entry.first.0 != entry.last.0 {
            measuredTwice[key.indicator, default: (0, 0)].of += 1
            if entry.last.1 > entry.first.1 { measuredTwice[key.indicator, default: (0, 0)].grew += 1 }
        }
        for indicator in dynamics.indicators {
            guard let (grew, of) = measuredTwice[indicator] else { continue }
            sentences.append("Доля участников с ростом показателя «\(indicator)» — \(RussianText.percent(Double(grew) / Double(of))) "
                + "(\(grew) из \(of), прошедших диагностику не менее двух раз).")
        }
        return sentences.isEmpty ? ["Диагностика проведена за один период: изменений пока нет."] : sentences
    }
}
