import Glibc
import PackageIO

/// How ``XLSXWriter`` packs a workbook.
public struct XLSXWriteOptions: Sendable {
    /// Deflate level, 1 (fastest) to 9 (smallest).
    public var compressionLevel: Int
    /// Store text in a shared-strings table, as Excel does, instead of inline; the table is held in memory.
    public var sharedStrings: Bool
    /// The creation and modification date written into the document properties (ISO 8601, UTC).
    public var documentDate: String
    /// Shorten a text over Excel's 32,767 characters with «…» instead of refusing it (the caller reports the long value).
    public var shortenLongText: Bool

    public init(compressionLevel: Int = 4, sharedStrings: Bool = false, documentDate: String = "1980-01-01T00:00:00Z", shortenLongText: Bool = false) {
        self.compressionLevel = compressionLevel
        self.sharedStrings = sharedStrings
        self.documentDate = documentDate
        self.shortenLongText = shortenLongText
    }
}

/// Layout of one sheet: column widths, frozen header, autofilter, drop-down lists.
public struct SheetLayout: Sendable {
    /// Column widths in characters, from column A; nil leaves a column at the default width.
    public var columnWidths: [Double?]
    /// Freeze the first `frozenRows` rows (1: a header row that stays on screen).
    public var frozenRows: Int
    /// Put an autofilter over the used range, header row included.
    public var autoFilter: Bool
    /// Drop-down lists of allowed values.
    public var validations: [ListValidation]
    /// Ranges whose positive numbers show green and negative ones red (changes at a glance).
    public var growthHighlights: [CellRange]
    /// Wrap a text cell of no particular style that is wider than its column, instead of letting it spill or be cut.
    /// Rows with wrapped cells get the height of their wrapped lines either way.
    public var wrapsOverflowingText: Bool
    /// How the sheet prints; nil leaves the program's defaults.
    public var print: SheetPrintSetup?

    public init(columnWidths: [Double?] = [], frozenRows: Int = 0, autoFilter: Bool = false, validations: [ListValidation] = [],
                growthHighlights: [CellRange] = [], wrapsOverflowingText: Bool = false, print: SheetPrintSetup? = nil) {
        self.wrapsOverflowingText = wrapsOverflowingText
        self.print = print
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.autoFilter = autoFilter
        self.validations = validations
        self.growthHighlights = growthHighlights
    }
}

/// A data-validation drop-down: cells of `range` accept only the listed values.
public struct ListValidation: Sendable {
    public var range: CellRange
    public var values: [String]

    public init(range: CellRange, values: [String]) {
        self.range = range
        self.values = values
    }
}

/// Writes an XLSX workbook row by row, in memory that does not grow with the row count.
///
/// Each sheet's XML is spooled to a temporary file beside the output; libzip deflates the spools when
/// the workbook is closed and renames the finished file into place, so the output appears whole or not at all.
/// Text is always written as text (never as a formula). The same calls give a byte-identical file.
public final class XLSXWriter {
    public let path: String
    let options: XLSXWriteOptions
    private let zip: ZipWriter
    var styles = XLSXStyleSheet()
    private var sheetNames: [String] = []
    private var definedNames: [String] = []
    private var openSheet: XLSXSheetWriter?
    var sharedStrings: [String: Int] = [:]
    var sharedStringOrder: [String] = []

    public init(path: String, options: XLSXWriteOptions = .init()) throws {
        self.path = path
        self.options = options
        do {
            zip = try ZipWriter(path: path)
        } catch {
            throw SpreadsheetError(error)
        }
    }

    /// Registers a number format (for example `0.0%`) and returns the style that applies it; `alignedRight` puts
    /// text in such a cell at the right as well.
    public func style(forNumberFormat code: String, alignedRight: Bool = false) -> XLSXStyle {
        styles.style(forNumberFormat: code, alignedRight: alignedRight)
    }

    /// Starts the next sheet; the previous one is finished. Throws when Excel would refuse the name.
    public func addSheet(named name: String, layout: SheetLayout = .init()) throws -> XLSXSheetWriter {
        try openSheet?.finish()
        if let problem = SheetName.problem(with: name, existing: sheetNames) {
            throw SpreadsheetError(.writeFailed, file: path, sheet: name, message: problem)
        }
        sheetNames.append(name)
        let spool = try makeSpoolFile()
        let sheet = XLSXSheetWriter(workbook: self, name: name, index: sheetNames.count, layout: layout, spool: spool)
        openSheet = sheet
        return sheet
    }

    /// Called by a sheet when it finishes: its spool joins the package.
    func sheetFinished(_ sheet: XLSXSheetWriter, spoolPath: String, filterRange: CellRange?) throws {
        if let filterRange {
            let reference = "'" + sheet.name.replacingApostrophes() + "'!" + absolute(filterRange)
            definedNames.append(#"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(sheet.index - 1)" hidden="1">\#(escapeAttribute(reference))</definedName>"#)
        }
        if let rows = sheet.repeatedRows {
            let reference = "'" + sheet.name.replacingApostrophes() + "'!$1:$\(rows)"
            definedNames.append(#"<definedName name="_xlnm.Print_Titles" localSheetId="\#(sheet.index - 1)">\#(escapeAttribute(reference))</definedName>"#)
        }
        try wrap { try zip.add("xl/worksheets/sheet\(sheet.index).xml", spoolFile: spoolPath, level: options.compressionLevel) }
        openSheet = nil
    }

    /// Writes the package parts and closes the archive. A workbook needs at least one sheet.
    public func close() throws {
        try openSheet?.finish()
        if sheetNames.isEmpty { _ = try addSheet(named: "Лист1"); try openSheet?.finish() }
        let level = options.compressionLevel
        try wrap {
            try zip.add("[Content_Types].xml", bytes: Array(PackageParts.contentTypes(sheets: sheetNames.count, sharedStrings: options.sharedStrings).utf8), level: level)
            try zip.add("_rels/.rels", bytes: Array(PackageParts.rootRelationships.utf8), level: level)
            try zip.add("docProps/app.xml", bytes: Array(PackageParts.app(sheetNames: sheetNames).utf8), level: level)
            try zip.add("docProps/core.xml", bytes: Array(PackageParts.core(date: options.documentDate).utf8), level: level)
            try zip.add("xl/workbook.xml", bytes: Array(PackageParts.workbook(sheetNames: sheetNames, definedNames: definedNames).utf8), level: level)
            try zip.add("xl/_rels/workbook.xml.rels", bytes: Array(PackageParts.workbookRelationships(sheets: sheetNames.count, sharedStrings: options.sharedStrings).utf8), level: level)
            try zip.add("xl/styles.xml", bytes: Array(styles.xml().utf8), level: level)
            if options.sharedStrings {
                let spool = try makeSpoolFile()
                let writer = XMLByteWriter(descriptor: spool.descriptor, path: path)
                PackageParts.writeSharedStrings(sharedStringOrder, to: writer)
                try writer.close()
                try zip.add("xl/sharedStrings.xml", spoolFile: spool.path, level: level)
            }
            try zip.close()
        }
    }

    /// The index of `text` in the shared-strings table, added on first use.
    func sharedStringIndex(_ text: String) -> Int {
        if let index = sharedStrings[text] { return index }
        let index = sharedStringOrder.count
        sharedStrings[text] = index
        sharedStringOrder.append(text)
        return index
    }

    private func makeSpoolFile() throws -> (descriptor: Int32, path: String) {
        var template = Array((path + ".part-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw SpreadsheetError(.writeFailed, file: path, message: "cannot create a temporary file beside the output (\(String(cString: strerror(errno))))")
        }
        return (descriptor, String(cString: template))
    }

    /// Runs zip calls, translating their failures.
    private func wrap(_ body: () throws -> Void) throws {
        do { try body() } catch let error as PackageError { throw SpreadsheetError(error) }
    }

    private func absolute(_ range: CellRange) -> String {
        "$\(CellAddress.columnName(range.first.column))$\(range.first.row):$\(CellAddress.columnName(range.last.column))$\(range.last.row)"
    }
}

extension String {
    func replacingApostrophes() -> String {
        var result = ""
        for character in self { result += character == "'" ? "''" : String(character) }
        return result
    }
}
