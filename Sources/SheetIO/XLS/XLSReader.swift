/// Reads a binary Excel workbook (`.xls`): BIFF8 (Excel 97–2003) or BIFF5 (Excel 5.0/95, 8-bit
/// text in the workbook's code page), from its OLE2 compound-file container.
///
/// The workbook stream is held in memory (it is no larger than the file); each sheet's rows are
/// streamed from it. Dates are typed by number format as the XLSX reader types them.
public final class XLSReader: SpreadsheetSource {
    public let file: String
    public let sheets: [SheetInfo]
    /// The date system of the workbook (the DATEMODE record).
    public let dateSystem: DateSystem
    let version: BIFFVersion
    let codePage: CodePage
    private let stream: [UInt8]
    private let globals: XLSWorkbookGlobals
    private let limits: ReadLimits

    /// Opens `path`, a compound file holding a `Workbook` or `Book` stream; a file over the entry-size
    /// limit (`limits.zip.maxEntrySize`, 4 GiB) is refused before it is read.
    public convenience init(path: String, limits: ReadLimits = .default) throws {
        try self.init(bytes: try readWholeFile(path, maxSize: limits.zip.maxEntrySize), file: path, limits: limits)
    }

    init(bytes: [UInt8], file: String, limits: ReadLimits = .default) throws {
        self.file = file
        self.limits = limits
        let container = try CompoundFile(bytes: bytes, file: file)
        if container.stream(namedAnyOf: ["EncryptionInfo", "EncryptedPackage"]) != nil {
            throw SpreadsheetError(.unsupported, file: file,
                                   message: "a password-protected (encrypted) workbook; save it without a password")
        }
        guard let entry = container.stream(namedAnyOf: ["Workbook", "Book"]) else {
            throw SpreadsheetError(.unsupported, file: file,
                                   message: "an OLE2 compound file with no Workbook stream: not an Excel workbook")
        }
        stream = try container.contents(of: entry)
        globals = try XLSWorkbookGlobals(stream: stream, streamName: entry.name, file: file)
        sheets = globals.sheets.map(\.info)
        dateSystem = globals.dateSystem
        version = globals.version
        codePage = globals.codePage
    }

    public func rows(ofSheet index: Int) throws -> any RowReader {
        guard sheets.indices.contains(index) else {
            throw SpreadsheetError(.notFound, file: file, message: "no sheet number \(index + 1)")
        }
        let sheet = globals.sheets[index]
        // Chart sheets are listed with no rows (`cat-json.md`).
        guard sheet.info.kind == .worksheet || sheet.info.kind == .macrosheet else { return EmptyRowReader() }
        return try XLSSheetRows(stream: stream, offset: sheet.offset, sheetName: sheet.info.name, globals: globals,
                                file: file, limits: limits)
    }
}
