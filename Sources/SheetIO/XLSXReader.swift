import PackageIO

/// Reads an XLSX workbook: follows the package's relationships to the workbook, its sheets,
/// shared strings and styles, then streams each sheet's rows.
///
/// Memory holds the shared strings (one buffer) and the styles; a sheet's XML is never held whole.
public final class XLSXReader: SpreadsheetSource {
    public let file: String
    public let sheets: [SheetInfo]
    /// The date system of the workbook (`workbookPr/@date1904`).
    public let dateSystem: DateSystem
    let archive: ZipReader
    let limits: ReadLimits
    let sharedStrings: SharedStrings
    let formatClasses: [NumberFormatClass]
    /// Whether sheets go through the specialised scanner first (tests turn it off to compare both paths).
    var useFastScanner = true
    private let sheetParts: [String?]

    /// Opens `path` and reads the workbook's structure, shared strings and styles.
    public init(path: String, limits: ReadLimits = .default) throws {
        file = path
        self.limits = limits
        archive = try limits.openArchive(path)
        if archive.entry(named: "EncryptionInfo") != nil {
            throw SpreadsheetError(.unsupported, file: path, message: "the workbook is encrypted; save it without a password")
        }
        let workbookPart = try XLSXReader.findWorkbookPart(archive)
        guard let workbookEntry = archive.entry(named: workbookPart) else {
            let kind: SpreadsheetError.Kind = archive.entry(named: "xl/workbook.bin") != nil ? .unsupported : .unreadable
            let detail = kind == .unsupported ? "a binary .xlsb workbook; save it as .xlsx"
                : archive.entry(named: "content.xml") != nil ? "an OpenDocument file, not XLSX; save it as .xlsx"
                : "no workbook part (\(workbookPart)): not an XLSX file"
            throw SpreadsheetError(archive.entry(named: "content.xml") != nil ? .unsupported : kind, file: path, message: detail)
        }
        let workbook = WorkbookHandler()
        try PartParsing.parse(workbookEntry, in: archive, with: workbook, maxDepth: limits.maxXMLDepth)
        dateSystem = workbook.date1904 ? .excel1904 : .excel1900

        let relationships = RelationshipsHandler()
        if let relsEntry = archive.entry(named: relationshipsPath(of: workbookPart)) {
            try PartParsing.parse(relsEntry, in: archive, with: relationships, maxDepth: limits.maxXMLDepth)
        }
        let byID = Dictionary(relationships.relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var infos: [SheetInfo] = []
        var parts: [String?] = []
        for (index, entry) in workbook.sheets.enumerated() {
            let relationship = byID[entry.relationshipID]
            let kind = SheetKind(rawValue: relationship?.kind ?? "worksheet") ?? .worksheet
            let visibility = SheetVisibility(rawValue: entry.state) ?? .visible
            infos.append(SheetInfo(index: index, name: entry.name, kind: kind, visibility: visibility))
            parts.append(relationship.map { resolvePartPath($0.target, relativeTo: workbookPart) })
        }
        sheets = infos
        sheetParts = parts

        let context = (archive: archive, relationships: relationships.relationships, workbookPart: workbookPart, maxDepth: limits.maxXMLDepth)
        sharedStrings = try XLSXReader.parsePart("sharedStrings", usualPath: "xl/sharedStrings.xml", with: SharedStringsHandler(), context)?.table
            ?? SharedStrings()
        formatClasses = try XLSXReader.parsePart("styles", usualPath: "xl/styles.xml", with: StylesHandler(), context)?.formatClasses ?? []
    }

    /// Parses the part that the workbook's relationship of `kind` names (or its usual path), when the package has it.
    private static func parsePart<Handler: XMLEventHandler>(
        _ kind: String, usualPath: String, with handler: Handler,
        _ context: (archive: ZipReader, relationships: [Relationship], workbookPart: String, maxDepth: Int)
    ) throws -> Handler? {
        let path = context.relationships.first { $0.kind == kind }
            .map { resolvePartPath($0.target, relativeTo: context.workbookPart) } ?? usualPath
        guard let entry = context.archive.entry(named: path) else { return nil }
        try PartParsing.parse(entry, in: context.archive, with: handler, maxDepth: context.maxDepth)
        return handler
    }

    public func rows(ofSheet index: Int) throws -> any RowReader {
        guard sheets.indices.contains(index) else {
            throw SpreadsheetError(.notFound, file: file, message: "no sheet number \(index + 1)")
        }
        let sheet = sheets[index]
        // Chart and dialog sheets are listed with no rows (`cat-json.md`).
        guard sheet.kind == .worksheet || sheet.kind == .macrosheet,
              let part = sheetParts[index], let entry = archive.entry(named: part) else {
            if sheet.kind == .worksheet, sheetParts[index] != nil {
                throw SpreadsheetError(.unreadable, file: file, sheet: sheet.name,
                                       message: "the sheet's part \(sheetParts[index]!) is missing from the package")
            }
            return EmptyRowReader()
        }
        return try WorksheetReader(reader: self, entry: entry, sheetName: sheet.name)
    }

    /// The workbook part named by the package's `officeDocument` relationship (transitional or strict).
    private static func findWorkbookPart(_ archive: ZipReader) throws -> String {
        guard let rootRels = archive.entry(named: "_rels/.rels") else { return "xl/workbook.xml" }
        let handler = RelationshipsHandler()
        try PartParsing.parse(rootRels, in: archive, with: handler, maxDepth: 64)
        let main = handler.relationships.first { $0.kind == "officeDocument" && !$0.external }
        return main.map { resolvePartPath($0.target, relativeTo: "") } ?? "xl/workbook.xml"
    }
}

/// The rows of a sheet that has none (a chartsheet).
final class EmptyRowReader: RowReader {
    func next() throws -> Row? { nil }
    var mergedRanges: [CellRange] { [] }
}
