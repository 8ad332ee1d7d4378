import Foundation
import SheetIO

/// One input file as `report.json` lists it.
public struct InputFile: Sendable {
    public enum Status: String, Sendable { case read, unreadable, unsupported, skipped }
    public struct Sheet: Sendable {
        public var name: String
        public var kind: TableKind?
        public var headerRow: Int?
        /// Data rows counted in `rows_read`.
        public var rows: Int
        /// `read`, or `skipped` when a required column is missing or the kind is unknown.
        public var status: SheetStatus
    }
    public var file: String
    public var sha256: String
    public var status: Status
    public var sheets: [Sheet]
    /// Why a file was not read (Russian); nil for a file read.
    public var reason: String?
}

/// What became of a sheet: read, or skipped (no kind, or a required column missing).
public enum SheetStatus: String, Sendable { case read, skipped }

/// A recognised sheet's data rows, handed to the pipeline.
public struct RecognisedSheet {
    public var file: String
    public var sheet: String
    public var sheetIndex: Int
    public var recognition: SheetRecognition
    public var rows: [SheetRow]
    /// Every non-empty row of the sheet from the top (for the key–value settings table).
    public var allRows: [Row]
    /// Rows above the table (titles), for declarations such as a diagnostic scale.
    public var titleText: String
}

/// Walks an inbox: every spreadsheet in it and its sub-folders, every sheet recognised, its data rows
/// separated from titles, repeated headers and footers.
public struct InboxReader {
    public let inbox: String
    /// A folder inside the inbox to leave out (the output).
    public let excluded: String?
    /// Whether the tool's own outputs found in the inbox are skipped (`OWN_OUTPUT_SKIPPED`): a build's inbox, not a region's folder.
    public var skipsOwnOutputs = false

    public init(inbox: String, excluded: String?) {
        self.inbox = inbox
        self.excluded = excluded
    }

    /// Every entry of the inbox and its sub-folders, in a stable order: the files to read and those listed
    /// with the reason they are not (links out of the inbox, loops, FIFOs, devices, paths too long, no rights).
    /// Lock and hidden files are left out.
    public func entries() -> [InboxEntry] {
        var walker = InboxWalker(root: inbox, excluded: excluded)
        walker.skipsOwnOutputs = skipsOwnOutputs
        return walker.walk()
    }

    /// The files to read, relative to the inbox, in a stable order.
    public func files() -> [String] { entries().filter { $0.skip == nil }.map(\.relative) }

    static let spreadsheetExtensions: Set<String> = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"]
    /// What a build reads of a file: no column past the widest table kept (``TableArea/maxWidth``), so that a far
    /// cell is dropped by the reader instead of padding its row to its column.
    static let readLimits = ReadLimits(maxColumns: TableArea.maxWidth)
    static let unsupportedExtensions: Set<String> = ["xlsb", "numbers"]

    /// Reads one entry: its sheets recognised and their data rows, or the reason it is not read; issues go to `log`.
    public func read(_ entry: InboxEntry, log: IssueLog) -> (InputFile, [RecognisedSheet])? {
        if let skip = entry.skip {
            log.add(Issue(skip.code, .entry, file: entry.relative, ["reason": skip.reason]))
            return (InputFile(file: entry.relative, sha256: "", status: skip.status, sheets: [], reason: skip.reason), [])
        }
        return entry.withOpenablePath { read(entry.relative, path: $0, log: log) }
    }

    /// Reads one file, `relative` to the inbox, opened at `path`.
    func read(_ relative: String, path: String, log: IssueLog) -> (InputFile, [RecognisedSheet])? {
        let ext = (relative as NSString).pathExtension.lowercased()
        let hash = FileDigest.sha256(path: path) ?? ""
        if Self.unsupportedExtensions.contains(ext) {
            let issue = Issue(.fileUnsupported, .format, file: relative, ["ext": ext])
            log.add(issue)
            return (InputFile(file: relative, sha256: hash, status: .unsupported, sheets: [], reason: issue.message), [])
        }
        guard Self.spreadsheetExtensions.contains(ext) || Self.unsupportedExtensions.contains(ext) else {
            let issue = Issue(.fileSkipped, ext.isEmpty ? .noExtension : .notTable, file: relative, ["ext": ext])
            log.add(issue)
            return (InputFile(file: relative, sha256: hash, status: .skipped, sheets: [], reason: issue.message), [])
        }
        if skipsOwnOutputs, ext == "xlsx" || ext == "xlsm", XLSXCellMarks.isMarkedCopy(path: path) {
            let issue = Issue(.ownOutputSkipped, file: relative, ["reason": OwnOutput.markedCopy.russian])
            log.add(issue)
            return (InputFile(file: relative, sha256: hash, status: .skipped, sheets: [], reason: OwnOutput.markedCopy.russian), [])
        }
        do {
            let source = try SpreadsheetOpener.open(path: path, limits: Self.readLimits)
            if let csv = source as? CSVSource, csv.dialect.encodingGuessed || csv.dialect.delimiterGuessed {
                log.add(Issue(.encodingGuessed, file: relative, sheet: csv.sheets[0].name,
                              value: "\(csv.dialect.encoding.rawValue), «\(csv.dialect.delimiterName)»",
                              ["encoding": csv.dialect.encoding.rawValue, "delimiter": csv.dialect.delimiterName]))
            }
            var input = InputFile(file: relative, sha256: hash, status: .read, sheets: [], reason: nil)
            var sheets: [RecognisedSheet] = []
            for info in source.sheets where info.kind == .worksheet {
                let (entry, recognised) = try readSheet(source, info, relative: relative, log: log)
                input.sheets.append(entry)
                if let recognised { sheets.append(recognised) }
            }
            return (input, sheets)
        } catch let error as SpreadsheetError {
            let code: IssueCode = error.kind == .unsupported ? .fileUnsupported : error.kind == .limitExceeded ? .fileLimit : .fileUnreadable
            let reason = ReadFailure.russian(error)
            log.add(Issue(code, file: relative, ["reason": reason]))
            return (InputFile(file: relative, sha256: hash, status: code == .fileUnsupported ? .unsupported : .unreadable, sheets: [], reason: reason), [])
        } catch {
            log.add(Issue(.fileUnreadable, file: relative, ["reason": "\(error)"]))
            return (InputFile(file: relative, sha256: hash, status: .unreadable, sheets: [], reason: "\(error)"), [])
        }
    }

    private func readSheet(_ source: any SpreadsheetSource, _ info: SheetInfo, relative: String, log: IssueLog) throws -> (InputFile.Sheet, RecognisedSheet?) {
        if TemplateSheets.isTemplateSheet(info.name) {
            return (InputFile.Sheet(name: info.name, kind: nil, headerRow: nil, rows: 0, status: .skipped), nil)
        }
        let reader = try source.rows(ofSheet: info.index)
        var table = TableArea(lookahead: SheetRecognizer.headerSearchRows + 20)
        while let row = try reader.next() { table.add(row) }
        let (kept, width) = table.finish()
        let filled = MergedCells.fill(kept, merges: reader.mergedRanges, headerZone: SheetRecognizer.headerSearchRows, width: width)
        let rows = filled.rows
        MergeIssues.report(filled.reversed, file: relative, sheet: info.name, sheetIndex: info.index, log: log)
        let fileName = (relative as NSString).lastPathComponent
        let recognition = SheetRecognizer.recognise(rows: Array(rows.prefix(SheetRecognizer.headerSearchRows + 20)), sheetName: info.name, fileName: fileName)
        LongValues.report(rows, file: relative, sheet: info.name, sheetIndex: info.index, recognition: recognition, log: log)
        guard let kind = recognition.kind else {
            if !rows.isEmpty {
                log.add(Issue(.sheetUnrecognised, file: relative, sheet: info.name, sheetIndex: info.index,
                              value: recognition.firstRowText.prefix(8).joined(separator: " | ")))
            }
            return (InputFile.Sheet(name: info.name, kind: nil, headerRow: nil, rows: 0, status: .skipped), nil)
        }
        if !recognition.missingFields.isEmpty {
            log.add(Issue(.headerMissing, file: relative, sheet: info.name, sheetIndex: info.index,
                          value: recognition.missingFields.joined(separator: ", "),
                          ["kind": RussianText.kind(kind), "fields": recognition.missingFields.map(FieldNames.russian).joined(separator: ", "),
                           "first": FieldNames.russian(recognition.missingFields[0])]))
            return (InputFile.Sheet(name: info.name, kind: kind, headerRow: recognition.headerRow, rows: 0, status: .skipped), nil)
        }
        if !recognition.unknownHeaders.isEmpty {
            log.add(Issue(.columnUnknown, file: relative, sheet: info.name, sheetIndex: info.index,
                          value: recognition.unknownHeaders.joined(separator: " | "), ["headers": recognition.unknownHeaders.joined(separator: ", ")]))
        }
        let titleText = rows.filter { $0.number < recognition.headerRow }.flatMap { $0.cells.map(CellText.text) }.joined(separator: " ")
        let dataRows = DataRows.select(rows.filter { $0.number > recognition.headerRow }, recognition: recognition,
                                       file: relative, sheet: info.name, sheetIndex: info.index, log: log)
        let sheetRows = dataRows.map { SheetRow(file: relative, sheet: info.name, sheetIndex: info.index, row: $0, recognition: recognition) }
        let counted = kind == .settings ? 0 : sheetRows.count
        return (InputFile.Sheet(name: info.name, kind: kind, headerRow: kind == .settings ? nil : recognition.headerRow, rows: counted, status: .read),
                RecognisedSheet(file: relative, sheet: info.name, sheetIndex: info.index, recognition: recognition, rows: sheetRows,
                                allRows: kind == .settings ? rows : [], titleText: titleText))
    }
}
