import PackageIO

/// What a sheet is, as the workbook declares it.
public enum SheetKind: String, Sendable {
    case worksheet, chartsheet, dialogsheet, macrosheet
}

/// Whether a user sees the sheet's tab.
public enum SheetVisibility: String, Sendable {
    case visible, hidden, veryHidden
}

/// A sheet of a spreadsheet file, in workbook order.
public struct SheetInfo: Sendable, Equatable {
    /// Zero-based position in the workbook.
    public var index: Int
    public var name: String
    public var kind: SheetKind
    public var visibility: SheetVisibility
}

/// Streams the rows of one sheet, one at a time, in file order.
public protocol RowReader: AnyObject {
    /// The next row that has at least one cell, or nil at the end of the sheet.
    func next() throws -> Row?
    /// Merged-cell ranges; complete once ``next()`` has returned nil (XLSX stores them after the rows).
    var mergedRanges: [CellRange] { get }
}

/// A spreadsheet file opened for reading: its sheets and a row stream for each.
public protocol SpreadsheetSource: AnyObject {
    /// The path it was opened from.
    var file: String { get }
    var sheets: [SheetInfo] { get }
    /// Opens a new stream over the rows of the sheet at zero-based `index`.
    func rows(ofSheet index: Int) throws -> any RowReader
}

extension SpreadsheetSource {
    /// The sheet with this name, or with this one-based number when `selector` is a number.
    public func sheet(matching selector: String) throws -> SheetInfo {
        if let sheet = sheets.first(where: { $0.name == selector }) { return sheet }
        if let number = Int(selector), number >= 1, number <= sheets.count { return sheets[number - 1] }
        let names = sheets.map(\.name).joined(separator: ", ")
        throw SpreadsheetError(.notFound, file: file, message: "no sheet \"\(selector)\" (the sheets are: \(names))")
    }
}

/// Options that bound what a reader accepts from an untrusted file.
public struct ReadLimits: Sendable {
    public var zip: ZipLimitsSetting
    /// Deepest element nesting accepted in an XML part.
    public var maxXMLDepth: Int
    /// Most cells accepted in one sheet.
    public var maxCellsPerSheet: Int
    /// The last column read: a cell beyond it is dropped as it is parsed, before any row is padded to it, so that
    /// a row handed out is at most this wide and a far address costs what its cell costs. Excel's last column
    /// (XFD) by default: nothing within Excel's grid is dropped.
    public var maxColumns: Int

    public init(zip: ZipLimitsSetting = .init(), maxXMLDepth: Int = 256, maxCellsPerSheet: Int = 100_000_000,
                maxColumns: Int = Limits.excelColumns) {
        self.zip = zip
        self.maxXMLDepth = maxXMLDepth
        self.maxCellsPerSheet = maxCellsPerSheet
        self.maxColumns = maxColumns
    }

    public static let `default` = ReadLimits()
}

extension ReadLimits {
    /// Opens the zip package at `path` (XLSX, ODS) under these limits; a zip failure becomes a ``SpreadsheetError``.
    func openArchive(_ path: String) throws -> ZipReader {
        let limits = ZipLimits(maxEntrySize: zip.maxEntrySize, maxCompressionRatio: zip.maxCompressionRatio, ratioFloor: zip.ratioFloor)
        do {
            return try ZipReader(path: path, limits: limits)
        } catch {
            throw SpreadsheetError(error)
        }
    }
}

/// Zip-level limits, mirrored here so that callers need not import the zip layer.
public struct ZipLimitsSetting: Sendable {
    /// Largest uncompressed size of one entry, in bytes.
    public var maxEntrySize: UInt64 = 4 << 30
    /// Largest compression ratio for an entry over `ratioFloor` bytes.
    public var maxCompressionRatio: Double = 400
    public var ratioFloor: UInt64 = 16 << 20

    public init() {}
}
