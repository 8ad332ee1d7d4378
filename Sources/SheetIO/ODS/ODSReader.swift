import PackageIO

/// Reads an OpenDocument spreadsheet (`.ods`): checks the package (media type, encryption), lists the
/// sheets in a first streaming pass over `content.xml`, then streams each sheet's rows from it.
///
/// Values come from the office value attributes, not the displayed text: numbers, percentages and
/// currencies as numbers; dates, times and durations as ``ExcelTemporal`` values in the 1900 system;
/// booleans; strings from their paragraphs; LibreOffice's error results as errors. Memory never holds
/// `content.xml` whole; repeated empty cells and rows cost nothing.
public final class ODSReader: SpreadsheetSource {
    public let file: String
    public let sheets: [SheetInfo]
    private let archive: ZipReader
    private let content: ZipReader.Entry
    private let limits: ReadLimits

    /// Opens `path`, checks the package and reads the sheet names and visibility.
    public init(path: String, limits: ReadLimits = .default) throws {
        file = path
        self.limits = limits
        archive = try limits.openArchive(path)
        try ODSPackageCheck.requireReadableSpreadsheet(archive, file: path, maxDepth: limits.maxXMLDepth)
        guard let content = archive.entry(named: "content.xml") else {
            throw SpreadsheetError(.unreadable, file: path, message: "no content.xml: not an OpenDocument spreadsheet, or a damaged one")
        }
        self.content = content
        let directory = ODSSheetDirectory()
        try PartParsing.parse(content, in: archive, with: directory, maxDepth: limits.maxXMLDepth)
        sheets = directory.tables.enumerated().map { index, table in
            SheetInfo(index: index, name: table.name, kind: .worksheet, visibility: table.hidden ? .hidden : .visible)
        }
    }

    public func rows(ofSheet index: Int) throws -> any RowReader {
        guard sheets.indices.contains(index) else {
            throw SpreadsheetError(.notFound, file: file, message: "no sheet number \(index + 1)")
        }
        return try ODSRowReader(archive: archive, entry: content, sheetIndex: index, sheetName: sheets[index].name, limits: limits)
    }
}
