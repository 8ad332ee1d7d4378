import PackageIO

/// Opens any supported spreadsheet file: XLSX, binary XLS and OpenDocument (`.ods`) by their content, CSV and
/// other delimited text by extension.
public enum SpreadsheetOpener {
    /// What a file's first bytes say it is, whatever its extension.
    public enum Content: Sendable, Equatable { case missing, empty, zip, compoundFile, markup, other }

    public static func content(of path: String) -> Content {
        switch FileSignature.of(path: path) {
        case .missing: return .missing
        case .empty: return .empty
        case .zip: return .zip
        case .compoundFile: return .compoundFile
        case .markup: return .markup
        case .other: return .other
        }
    }

    /// Opens `path`; the file's first bytes decide between a zip package and text, never the extension alone.
    public static func open(path: String, limits: ReadLimits = .default, csvOptions: CSVReadOptions = .init()) throws -> any SpreadsheetSource {
        let lowercased = path.lowercased()
        let isDelimitedText = [".csv", ".tsv", ".txt"].contains { lowercased.hasSuffix($0) }
        switch FileSignature.of(path: path) {
        case .missing:
            throw SpreadsheetError(.unreadable, file: path, message: "file not found or not readable")
        case .zip where ODSPackageCheck.isOpenDocument(path: path):
            return try ODSReader(path: path, limits: limits)
        case .zip:
            return try XLSXReader(path: path, limits: limits)
        case .compoundFile:
            // A binary Excel workbook (BIFF5/BIFF8), or an encrypted OOXML package (refused with its own message).
            return try XLSReader(path: path, limits: limits)
        case .empty where !isDelimitedText:
            throw SpreadsheetError(.unreadable, file: path, message: "the file is empty")
        case .markup where !isDelimitedText:
            // An HTML table or SpreadsheetML 2003, whatever the extension (often «.xls»).
            return try MarkupSource(path: path, limits: limits)
        case .other where !isDelimitedText:
            if BIFFType.startsBareOlderWorkbook(readHead(path, count: 8)) {
                throw SpreadsheetError(.unsupported, file: path, message: "an Excel 2.x–4.0 workbook; save it as .xlsx")
            }
            return try XLSXReader(path: path, limits: limits)
        default:
            return try CSVSource(path: path, options: csvOptions, limits: limits)
        }
    }
}
