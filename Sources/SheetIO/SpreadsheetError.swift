import PackageIO

/// A failure to read or write a spreadsheet, naming the file and, where known, the sheet and cell or line.
public struct SpreadsheetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The class of failure; callers map it to their own codes (for example `FILE_UNREADABLE`).
    public enum Kind: String, Sendable {
        /// Corrupt, truncated, not a spreadsheet, undecodable text.
        case unreadable
        /// A format that is recognised but not read: Excel 2.x–4.0 `.xls`, `.xlsb`, encrypted workbooks, OpenDocument files that are not spreadsheets.
        case unsupported
        /// A safety limit was hit: entry size, compression ratio, XML depth, cell count.
        case limitExceeded
        /// The output cannot be written, or the data breaks a limit of the output format.
        case writeFailed
        /// The caller asked for something that is not there (a sheet name or number).
        case notFound
    }

    public var kind: Kind
    public var file: String
    public var sheet: String?
    /// A1 reference of the cell, when the problem is in one.
    public var cell: String?
    /// One-based line (CSV) or XML line (XLSX part), when known.
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String, sheet: String? = nil, cell: String? = nil, line: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.line = line
        self.message = message
    }

    /// Translates a zip or XML failure.
    public init(_ error: PackageError, sheet: String? = nil) {
        let kind: Kind
        switch error.kind {
        case .compoundFile, .encrypted: kind = .unsupported
        case .limitExceeded: kind = .limitExceeded
        case .writeFailed: kind = .writeFailed
        case .notFound, .empty, .notZip, .corrupt, .missingEntry, .duplicateEntry, .badXML: kind = .unreadable
        }
        var message = error.message
        if let entry = error.entry { message += " (part \(entry)" + (error.line.map { ", line \($0)" } ?? "") + ")" }
        self.init(kind, file: error.file, sheet: sheet, line: error.line, message: message)
    }

    public var description: String {
        var place = file
        if let sheet { place += "!" + sheet }
        if let cell { place += "!" + cell }
        if let line, cell == nil, sheet == nil { place += ":\(line)" }
        return "\(place): \(message)"
    }
}
