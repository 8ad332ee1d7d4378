import DocxIO

/// The school's details an order needs, each with a visible placeholder when the settings lack it.
public struct OrderDetails: Sendable {
    public var school: String
    public var shortName: String
    public var city: String
    public var director: String
    public var curator: String
    public var academicYear: String
    /// The as-of date: the documents' property date, and the base of the plans' deadline.
    public var asOf: CalendarDate
    /// The date by which mentors hand in their plans (``PlansDeadline``).
    public var plansDeadline: CalendarDate
    /// Settings that were missing, in Russian, for the build's warning.
    public private(set) var missing: [String] = []

    public init(_ register: Register) {
        let settings = register.settings
        var missing: [String] = []
        func value(_ ids: [SettingKey], placeholder: String, name: String) -> String {
            for id in ids { if let text = settings[id], !text.isEmpty { return text } }
            missing.append(name)
            return placeholder
        }
        school = value([.school], placeholder: "[наименование ОО]", name: "наименование ОО")
        shortName = settings[.shortName].flatMap { $0.isEmpty ? nil : $0 } ?? school
        city = value([.city, .municipality], placeholder: "[населённый пункт]", name: "населённый пункт (город или муниципалитет)")
        director = value([.director], placeholder: "[ФИО директора]", name: "директор")
        curator = value([.curator], placeholder: "[ФИО куратора]", name: "куратор")
        academicYear = register.academicYear.label
        asOf = register.asOf
        let given = settings[.plansDeadline].flatMap { text -> CalendarDate? in
            if case .date(let date) = DateReading.parse(text, pivotYear: register.asOf.year) { return date }
            return nil
        }
        let endings = OrderEntry.admitted(register).compactMap(\.unit.end)
        plansDeadline = PlansDeadline.date(asOf: register.asOf, endings: endings, given: given)
        self.missing = missing
    }

    /// «И.О. Фамилия», as a signature line writes a name; the text itself when it is not a full name.
    static func initialsFirst(_ text: String) -> String {
        guard !text.hasPrefix("["), let name = NameNormaliser.readFull(text).name else { return text }
        return name.initialsFirst
    }

    /// The values of a curator's template: `{{school}}`, `{{director}}` …
    var templateFields: [String: String] {
        ["school": school, "school_short": shortName, "city": city, "director": director, "director_short": Self.initialsFirst(director),
         "curator": curator, "curator_short": Self.initialsFirst(curator), "academic_year": academicYear,
         "order_date": OrderFrame.blankDate, "order_number": "___", "plans_deadline": plansDeadline.russian]
    }
}

/// The parts both orders share: heading, preamble, signature, acquaintance list and appendix heading.
enum OrderFrame {
    static let blankDate = "«___» ____________ 20___ г."
    static let firstLineIndent = Twips.mm(12.5)
    static let tableFontSize = 12.0

    static func document(title: String, details: OrderDetails) -> Document {
        var document = Document()
        document.pageNumbers = .gost
        document.title = "Приказ «\(title)»"
        document.date = details.asOf.iso + "T00:00:00Z"
        document.append(Paragraph([Run(details.school, bold: true)], alignment: .center))
        document.append(Paragraph([]))
        document.append(Paragraph([Run("ПРИКАЗ", bold: true)], alignment: .center))
        document.append(Paragraph([]))
        var dateLine = Paragraph([Run(blankDate + "\t№ ___")])
        dateLine.tabStops = [(PageSetup.a4GOST.textWidth, true)]
        document.append(dateLine)
        document.append(Paragraph(details.city, alignment: .center))
        document.append(Paragraph([]))
        var heading = Paragraph([Run(title, bold: true)])
        heading.spaceAfter = Twips.pt(12)
        heading.keepWithNext = true
        document.append(heading)
        document.append(body("В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 "
            + "«Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную "
            + "деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, "
            + "в том числе с применением лучших практик обмена опытом между обучающимися», Положением о наставничестве "
            + "\(details.shortName) и в целях реализации целевой модели наставничества в \(details.academicYear) учебном году"))
        var orders = Paragraph([Run("ПРИКАЗЫВАЮ:", bold: true)])
        orders.spaceBefore = Twips.pt(6)
        orders.spaceAfter = Twips.pt(6)
        document.append(orders)
        return document
    }

    /// A justified body paragraph with the first-line indent of official documents.
    static func body(_ text: String) -> Paragraph {
        var paragraph = Paragraph(text, alignment: .justify)
        paragraph.firstLineIndent = firstLineIndent
        return paragraph
    }

    /// The numbered items of «ПРИКАЗЫВАЮ:».
    static func items(_ texts: [String], in document: inout Document) {
        let list = document.newList()
        for text in texts {
            var item = body(text)
            item.numbering = (list, 0)
            document.append(item)
        }
    }

    /// The director's signature and the list of those who sign that they have read the order.
    static func signatures(_ details: OrderDetails, acquainted: [String], in document: inout Document) {
        var signature = Paragraph([Run("Директор\t" + OrderDetails.initialsFirst(details.director))])
        signature.tabStops = [(PageSetup.a4GOST.textWidth, true)]
        signature.spaceBefore = Twips.pt(36)
        signature.spaceAfter = Twips.pt(24)
        document.append(signature)
        var heading = Paragraph("С приказом ознакомлены:")
        heading.keepWithNext = true
        heading.spaceAfter = Twips.pt(6)
        document.append(heading)
        for name in acquainted {
            var line = Paragraph([Run("______________ \(name)\t\(blankDate)")])
            line.tabStops = [(PageSetup.a4GOST.textWidth, true)]
            line.spaceAfter = Twips.pt(6)
            document.append(line)
        }
    }

    /// A landscape section for the appendix table (A4 sideways, the same margins), whose text width
    /// the appendix columns fill.
    static let appendixPage = PageSetup.a4GOST.landscape

    /// «Приложение 1 к приказу … от … № …» on a new, landscape page, then the appendix's title.
    static func appendixHeading(_ title: String, details: OrderDetails, in document: inout Document) {
        document.append(.section(appendixPage))
        document.append(Paragraph("Приложение 1", alignment: .right))
        document.append(Paragraph("к приказу \(details.shortName)", alignment: .right))
        document.append(Paragraph("от \(blankDate) № ___", alignment: .right))
        var heading = Paragraph([Run(title, bold: true)], alignment: .center)
        heading.spaceBefore = Twips.pt(12)
        heading.spaceAfter = Twips.pt(12)
        heading.keepWithNext = true
        document.append(heading)
    }

    /// A whole order: the frame, the numbered items, the signatures, and Appendix 1 with its table.
    static func compose(title: String, details: OrderDetails, items: [String], entries: [OrderEntry],
                        appendixTitle: String, table: Table) -> Document {
        var document = Self.document(title: title, details: details)
        Self.items(items, in: &document)
        signatures(details, acquainted: acquainted(entries, details: details), in: &document)
        appendixHeading(appendixTitle, details: details, in: &document)
        document.append(table)
        return document
    }

    /// The appendix table: a header row, then a row per appendix row with `fields` in order; the `shared`
    /// fields of a group are one cell merged down over its rows. With no rows, one line saying why.
    static func appendixTable(columns: [String], widths: [Double], fields: [String], shared: Set<String>, centred: Set<String>,
                              rows: [AppendixRow], whenEmpty: String) -> Table {
        var table = Table(columnWidths: widths.map(Twips.mm), rows: [headerRow(columns)])
        table.fontSize = tableFontSize
        for row in rows {
            let merge: TableCell.VerticalMerge = row.groupSize == 1 ? .none : (row.first ? .restart : .continue)
            table.rows.append(TableRow(fields.map { field in
                let alignment: Alignment = centred.contains(field) ? .center : .left
                guard shared.contains(field) else { return TableCell(row.values[field] ?? "", alignment: alignment) }
                return row.first ? TableCell(row.values[field] ?? "", alignment: alignment, verticalMerge: merge) : .continuesAbove
            }))
        }
        if rows.isEmpty {
            table.rows.append(TableRow([TableCell([Paragraph(whenEmpty, alignment: .center)], columnSpan: columns.count)]))
        }
        return table
    }

    /// A bold, centred header row, repeated on every page.
    static func headerRow(_ titles: [String]) -> TableRow {
        TableRow(titles.map { TableCell($0, alignment: .center, bold: true) }, isHeader: true)
    }

    /// «с 01.09.2025 по 31.05.2026», with a blank for a date the pairs table does not give.
    static func term(_ unit: MentoringUnit) -> String {
        "с \(unit.start?.russian ?? "__.__.____") по \(unit.end?.russian ?? "__.__.____")"
    }

    /// Mentors of the units in the order, then the curator, each once, as «И.О. Фамилия».
    static func acquainted(_ entries: [OrderEntry], details: OrderDetails) -> [String] {
        var seen = Set<ObjectIdentifier>()
        var names: [String] = []
        for entry in entries where seen.insert(ObjectIdentifier(entry.mentor)).inserted { names.append(entry.mentor.name.initialsFirst) }
        let curator = OrderDetails.initialsFirst(details.curator)
        if !names.contains(curator) { names.append(curator) }
        return names
    }
}

/// One unit as the orders show it: the members the order rule admits.
struct OrderEntry {
    var sequence: Int
    var unit: MentoringUnit
    var mentor: Person
    var mentees: [Person]

    /// The units and members the order rule (`checks.md`) admits, in the pairs table's order.
    static func admitted(_ register: Register) -> [OrderEntry] {
        var entries: [OrderEntry] = []
        for unit in register.units {
            let decision = OrderRule.decision(for: unit, in: register)
            guard decision.included, let mentor = unit.mentor else { continue }
            let mentees = decision.members.filter { $0 !== mentor }
            entries.append(OrderEntry(sequence: entries.count + 1, unit: unit, mentor: mentor, mentees: mentees))
        }
        return entries
    }
}

extension PersonName {
    /// «И.О. Фамилия».
    var initialsFirst: String {
        [given, patronymic].compactMap { $0.first.map { "\($0)." } }.joined() + " " + surname
    }
}
