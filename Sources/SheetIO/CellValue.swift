/// The value of one spreadsheet cell, as typed by its file.
///
/// A formula cell holds its cached result. A date is a number with a date format:
/// ``ExcelTemporal`` keeps the raw serial and its date system.
public enum CellValue: Equatable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case boolean(Bool)
    case temporal(ExcelTemporal)
    /// An Excel error value such as `#N/A` or `#DIV/0!`.
    case error(String)

    /// Whether the cell holds nothing (no value, or an empty string).
    public var isEmpty: Bool {
        switch self {
        case .empty: return true
        case .text(let text): return text.isEmpty
        default: return false
        }
    }
}

/// A position in a sheet, with one-based row and column numbers as Excel shows them.
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The A1 form, for example `C14`.
    public var description: String { CellAddress.columnName(column) + String(row) }

    /// Column letters for a one-based column number (1 → `A`, 27 → `AA`).
    public static func columnName(_ column: Int) -> String {
        var number = column
        var letters: [UInt8] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(UInt8(65 + remainder))
            number = (number - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Parses an A1 reference (`$` signs allowed); nil when it is not one.
    public init?(a1 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let parsed = bytes.withUnsafeBufferPointer({ CellAddress.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses A1 bytes without allocating (the hot path of the worksheet reader).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellAddress? {
        var column = 0, row = 0, index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "$") { index += 1 }
        while index < bytes.endIndex {
            let byte = bytes[index] & 0xDF
            guard byte >= 65, byte <= 90 else { break }
            column = column * 26 + Int(byte - 64)
            guard column <= Limits.excelColumns else { return nil }
            index += 1
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "$") { index += 1 }
        while index < bytes.endIndex {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            row = row * 10 + Int(digit)
            guard row <= Limits.excelRows else { return nil }
            index += 1
        }
        guard column > 0, row > 0 else { return nil }
        return CellAddress(row: row, column: column)
    }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangular range such as a merged cell `A1:C2`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = first
        self.last = last
    }

    /// Parses `A1:C2` (or a single cell `B3`).
    public init?(a1 text: String) {
        let parts = text.split(separator: ":")
        guard let first = parts.first.flatMap({ CellAddress(a1: $0) }) else { return nil }
        let last = parts.count > 1 ? CellAddress(a1: parts[1]) : first
        guard let last else { return nil }
        self.init(first: first, last: last)
    }

    public var description: String { first == last ? first.description : "\(first):\(last)" }

    /// Whether the range is written backwards («B2:A1», «A3:A2»): its first corner below or right of its last.
    public var isReversed: Bool { first.row > last.row || first.column > last.column }

    /// The same cells with the corners in order: the top-left first, the bottom-right last.
    public var normalised: CellRange {
        CellRange(first: CellAddress(row: min(first.row, last.row), column: min(first.column, last.column)),
                  last: CellAddress(row: max(first.row, last.row), column: max(first.column, last.column)))
    }

    public func contains(_ address: CellAddress) -> Bool {
        let range = normalised
        return (range.first.row...range.last.row).contains(address.row) && (range.first.column...range.last.column).contains(address.column)
    }
}

/// One row of a sheet: its Excel row number and its cells from column A on (`cells[0]` is column A).
public struct Row: Sendable, Equatable {
    /// One-based row number as Excel shows it (for CSV, the one-based record number).
    public var number: Int
    public var cells: [CellValue]

    public init(number: Int, cells: [CellValue]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in one-based `column`, empty past the end of the row.
    public subscript(column column: Int) -> CellValue {
        column >= 1 && column <= cells.count ? cells[column - 1] : .empty
    }
}

/// Excel's structural limits.
public enum Limits {
    public static let excelRows = 1_048_576
    public static let excelColumns = 16_384
    public static let cellTextLength = 32_767
    public static let sheetNameLength = 31

    /// `text` cut to fit a cell: its first characters and «…», 32,767 UTF-16 units in all, never splitting a character.
    public static func shortened(_ text: String) -> String {
        guard text.utf16.count > cellTextLength else { return text }
        var kept = "", units = 0
        for character in text {
            let width = character.utf16.count
            if units + width > cellTextLength - 1 { break }
            kept.append(character)
            units += width
        }
        return kept + "…"
    }
}
