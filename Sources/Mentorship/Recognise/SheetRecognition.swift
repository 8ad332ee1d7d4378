import Foundation
import SheetIO

/// What a sheet turned out to be: its kind, where its header is, which column holds which field.
public struct SheetRecognition: Sendable {
    public var kind: TableKind?
    /// Excel row number of the header row (0 when there is none).
    public var headerRow = 0
    /// Recognised columns, in column order.
    public var columns: [ColumnField] = []
    /// Diagnostic score columns: column, indicator name, declared scale.
    public var indicators: [Indicator] = []
    /// Headers no kind knows.
    public var unknownHeaders: [String] = []
    /// Their columns, in the same order.
    public var unknownColumns: [Int] = []
    /// Required fields of the kind that the header lacks.
    public var missingFields: [String] = []
    /// Required fields the header lacks that the kind is read without, with one warning for the sheet
    /// (``TableKind/readWithout``: a pupils' roster without birth dates or a class column).
    public var absentFields: [String] = []
    /// The class the sheet is about, when its table has no class column: from the sheet's name or a title
    /// line above the header (``SheetClass``).
    public var sheetClass: String?
    /// The non-empty cells of the first non-empty row, for a sheet of no kind.
    public var firstRowText: [String] = []

    public struct Indicator: Sendable, Equatable {
        public var column: Int
        public var name: String
        public var scale: ClosedRange<Double>?
    }

    /// The column of a field, if the header has it.
    public func column(of field: String) -> Int? { columns.first { $0.field == field }?.column }
}

/// Finds the header row and kind of a sheet from its first rows (`inputs.md`, «Finding the table»).
public enum SheetRecognizer {
    /// How many rows from the top may hold the header.
    public static let headerSearchRows = 30
    static let runningNumberKeys: Set<String> = ["", "n", "no", "номер", "ппп", "пп", "нпп", "п"]

    /// Recognises a sheet from its first rows (`rows`: at least the first 30 non-empty rows and a few after).
    public static func recognise(rows: [Row], sheetName: String, fileName: String) -> SheetRecognition {
        var result = SheetRecognition()
        result.firstRowText = rows.first.map { $0.cells.compactMap(text).filter { !$0.isEmpty } } ?? []
        if let settings = settingsRecognition(rows) { return settings }
        let catalogue = HeaderCatalogue.shared
        let names = (sheetName + " " + fileName).lowercased()
        // A sheet named after a class («5 Б») is a pupils' roster even with only its name columns.
        let namedAfterClass = SheetClass.named(sheetName) != nil
        for (index, row) in rows.prefix(headerSearchRows).enumerated() {
            let headers = row.cells.enumerated().compactMap { column, cell in text(cell).map { (column + 1, $0) } }
                .filter { !$0.1.isEmpty }
            guard headers.count >= 2 || namedAfterClass else { continue }
            let following = Array(rows.dropFirst(index + 1).prefix(20))
            var best: (kind: TableKind, score: Int, required: Int, named: Bool)?
            for kind in TableKind.allCases where kind != .settings {
                var fields: Set<String> = []
                var requiredMatched = 0
                for (column, header) in headers {
                    let entries = catalogue.entries(for: header).filter { $0.kind == kind || $0.kind == nil }
                    guard let entry = entries.first else {
                        if kind == .diagnostics, isIndicator(header: header, column: column, rows: following) { fields.insert("indicator#\(column)") }
                        continue
                    }
                    if fields.insert(entry.field).inserted, entry.required { requiredMatched += 1 }
                }
                let hasName = fields.contains("full_name") || fields.contains("last_name")
                // Diagnostics: wide (a column an indicator) or long («Показатель», «Балл»).
                let hasScores = fields.contains { $0.hasPrefix("indicator#") } || (fields.contains("indicator_name") && fields.contains("score"))
                if kind == .diagnostics && !(hasName && hasScores) { continue }
                guard KindIdentity.identifies(kind, matched: fields) else { continue }
                if hasName, kind.hasPersonName { requiredMatched += 1 }
                let named = kind.nameWords.contains { names.contains($0) } || (kind == .students && namedAfterClass)
                let candidate = (kind, fields.count, requiredMatched, named)
                guard candidate.1 >= 2 || (kind == .students && namedAfterClass && hasName) else { continue }
                if let current = best {
                    if (candidate.1, candidate.2, candidate.3 ? 1 : 0) > (current.score, current.required, current.named ? 1 : 0) { best = candidate }
                } else {
                    best = candidate
                }
            }
            guard let chosen = best else { continue }
            result.kind = chosen.kind
            result.headerRow = row.number
            describe(&result, headers: headers, kind: chosen.kind, following: following)
            if chosen.kind.hasPersonName, result.column(of: "class") == nil, result.column(of: "class_or_position") == nil {
                result.sheetClass = SheetClass.of(sheetName: sheetName, titleRows: Array(rows.prefix(index)))
            }
            // With neither a birth date nor a class anywhere, only a sheet that is clearly a pupils' list is read as
            // one (its sheet or file name says so, or it has a column only pupils' lists have, such as «Пол»);
            // otherwise the kind won by a tie alone, and the sheet lacks its required columns as before.
            if chosen.kind == .students, result.sheetClass == nil, Set(result.absentFields) == TableKind.students.readWithout,
               !chosen.named, !result.columns.contains(where: { pupilsOnlyFields.contains($0.field) }) {
                result.missingFields += result.absentFields
                result.absentFields = []
            }
            return result
        }
        return result
    }

    /// Columns that among the rosters only a pupils' list has.
    static let pupilsOnlyFields: Set<String> = ["sex", "guardian_name", "guardian_phone"]

    /// Fills the columns, indicators, unknown headers and missing fields of the chosen kind.
    static func describe(_ result: inout SheetRecognition, headers: [(Int, String)], kind: TableKind, following: [Row]) {
        let catalogue = HeaderCatalogue.shared
        var seen: Set<String> = []
        for (column, header) in headers {
            if let entry = catalogue.entries(for: header).first(where: { $0.kind == kind || $0.kind == nil }), !seen.contains(entry.field) {
                seen.insert(entry.field)
                result.columns.append(ColumnField(field: entry.field, column: column, header: header))
            } else if kind == .diagnostics, isIndicator(header: header, column: column, rows: following) {
                result.indicators.append(.init(column: column, name: indicatorName(header), scale: declaredScale(header)))
            } else if !runningNumberKeys.contains(HeaderCatalogue.key(header)) {
                result.unknownHeaders.append(header)
                result.unknownColumns.append(column)
            }
        }
        let hasName = seen.contains("full_name") || (seen.contains("last_name") && seen.contains("first_name"))
        if kind.hasPersonName, !hasName { result.missingFields.append("full_name") }
        for field in catalogue.required[kind] ?? [] where !seen.contains(field) {
            if kind.readWithout.contains(field) { result.absentFields.append(field) } else { result.missingFields.append(field) }
        }
    }

    /// A diagnostic score column: its header declares a scale, or most of its values below are numbers.
    static func isIndicator(header: String, column: Int, rows: [Row]) -> Bool {
        if runningNumberKeys.contains(HeaderCatalogue.key(header)) { return false }
        if declaredScale(header) != nil { return true }
        var numbers = 0, filled = 0
        for row in rows {
            switch row[column: column] {
            case .number: numbers += 1; filled += 1
            case .text(let text) where !TextCleaning.clean(text).isEmpty:
                filled += 1
                if Double(TextCleaning.clean(text).replacingOccurrences(of: ",", with: ".")) != nil { numbers += 1 }
            default: break
            }
        }
        return filled > 0 && numbers * 2 > filled
    }

    /// «Мотивация (1–10)», «Баллы 0–5», «по шкале от 1 до 10» → the range.
    public static func declaredScale(_ text: String) -> ClosedRange<Double>? {
        let lower = text.lowercased()
        var numbers: [Double] = []
        var current = ""
        for character in lower + " " {
            if character.isNumber || (character == "," && !current.isEmpty) || (character == "." && !current.isEmpty) { current.append(character); continue }
            if !current.isEmpty, let value = Double(current.replacingOccurrences(of: ",", with: ".")) { numbers.append(value) }
            current = ""
        }
        let hasRangeMark = lower.contains("–") || lower.contains("-") || lower.contains("—") || lower.contains(" до ") || lower.contains("шкал")
        guard numbers.count >= 2, hasRangeMark, numbers[numbers.count - 2] < numbers[numbers.count - 1] else { return nil }
        return numbers[numbers.count - 2]...numbers[numbers.count - 1]
    }

    /// The indicator's name without its scale («Мотивация (1–10)» → «Мотивация»).
    static func indicatorName(_ header: String) -> String {
        var name = TextCleaning.clean(header)
        if let open = name.firstIndex(of: "("), declaredScale(String(name[open...])) != nil { name = String(name[..<open]) }
        return TextCleaning.clean(name)
    }

    /// A two-column key–value table whose first column holds at least two known settings keys.
    static func settingsRecognition(_ rows: [Row]) -> SheetRecognition? {
        let keys = rows.prefix(headerSearchRows).compactMap { row in row.cells.first.flatMap(text).flatMap(SettingKey.named) }
        guard keys.count >= 2 else { return nil }
        var result = SheetRecognition()
        result.kind = .settings
        return result
    }

    static func text(_ cell: CellValue) -> String? {
        if case .text(let text) = cell { return TextCleaning.clean(text) }
        return nil
    }
}
