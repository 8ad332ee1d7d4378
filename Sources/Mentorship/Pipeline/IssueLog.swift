import SheetIO

/// Collects issues as the pipeline finds them.
public final class IssueLog {
    public private(set) var issues: [Issue] = []
    /// The rows with an `error`, so that asking about a row does not scan every issue.
    private var errorRows = Set<ErrorRow>()

    private struct ErrorRow: Hashable {
        var file: TextKey
        var sheetIndex: Int
        var row: Int
    }

    public init() {}

    public func add(_ issue: Issue) {
        issues.append(issue)
        if issue.severity == .error, let row = issue.row { errorRows.insert(ErrorRow(file: TextKey(issue.file), sheetIndex: issue.sheetIndex, row: row)) }
    }

    /// Adds the issues of another log after these, in their order.
    func append(_ other: IssueLog) { other.issues.forEach(add) }

    /// Whether an `error` was logged at this row of this sheet.
    public func hasError(file: String, sheetIndex: Int, row: Int) -> Bool {
        errorRows.contains(ErrorRow(file: TextKey(file), sheetIndex: sheetIndex, row: row))
    }

    /// Reads a required field whose text must parse: an empty cell is `VALUE_REQUIRED`, text that does not
    /// parse is `invalid`; both give nil and mean the row is rejected.
    public func required<T>(_ row: SheetRow, _ field: String, parse: (String) -> T?, invalid: IssueCode) -> T? {
        let raw = row.text(field)
        if raw.isEmpty {
            add(Issue(.valueRequired, at: row.place(field), field: field, value: nil))
            return nil
        }
        if let value = parse(raw) { return value }
        add(Issue(invalid, at: row.place(field), field: field, value: raw))
        return nil
    }

    /// All issues in the report's order.
    public var sorted: [Issue] {
        let counter = OperationCounter.current
        return issues.sorted { counter?.add(.sortComparison); return Issue.ordered($0, $1) }
    }
}

/// One data row of a recognised sheet, with access to its fields by id.
public struct SheetRow {
    public let file: String
    public let sheet: String
    public let sheetIndex: Int
    public let row: Row
    public let recognition: SheetRecognition

    /// The place of a field's cell (the first column when the field is absent).
    public func place(_ field: String) -> SourceRef {
        SourceRef(file: file, sheet: sheet, sheetIndex: sheetIndex, row: row.number, column: recognition.column(of: field) ?? 1)
    }

    public func place(column: Int) -> SourceRef {
        SourceRef(file: file, sheet: sheet, sheetIndex: sheetIndex, row: row.number, column: column)
    }

    /// The raw cell of a field.
    public func cell(_ field: String) -> CellValueBox {
        guard let column = recognition.column(of: field) else { return CellValueBox(value: .empty, present: false) }
        return CellValueBox(value: row[column: column], present: true)
    }

    /// The cleaned text of a field ("" when empty or absent); numbers as Excel shows them.
    public func text(_ field: String) -> String { cell(field).text }
}

/// A cell and whether its column exists.
public struct CellValueBox {
    public let value: CellValue
    public let present: Bool

    /// The cell as cleaned text.
    public var text: String { CellText.text(value) }
    public var isEmpty: Bool { text.isEmpty }
}

/// Cells as text, the way a curator sees them.
public enum CellText {
    public static func text(_ value: CellValue) -> String {
        switch value {
        case .empty: return ""
        case .text(let text): return TextCleaning.clean(text)
        case .number(let number):
            if number == number.rounded(.towardZero), abs(number) < 1e15 { return String(Int64(number)) }
            return "\(number)"
        case .boolean(let flag): return flag ? "да" : "нет"
        case .error(let code): return code
        case .temporal(let temporal):
            if let date = CalendarDate(temporal), temporal.kind == .date { return date.russian }
            return temporal.isoString
        }
    }
}
