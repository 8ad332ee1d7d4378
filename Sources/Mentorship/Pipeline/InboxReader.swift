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
        public var status: String
    }
    public var file: String
    public var sha256: String
    public var status: Status
    public var sheets: [Sheet]
    /// Why a file was not read (Russian); nil for a file read.
    public var reason: String?
}

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

    public init(inbox: String, excluded: String?) {
        self.inbox = inbox
        self.excluded = excluded
    }

    /// Every entry of the inbox and its sub-folders, in a stable order: the files to read and those listed
    /// with the reason they are not (links out of the inbox, loops, FIFOs, devices, paths too long, no rights).
    /// Lock and hidden files are left out.
    public func entries() -> [InboxEntry] {
        var walker = InboxWalker(root: inbox, excluded: excluded)
        return walker.walk()
    }

    /// The files to read, relative to the inbox, in a stable order.
    public func files() -> [String] { entries().filter { $0.skip == nil }.map(\.relative) }

    static let spreadsheetExtensions: Set<String> = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"]
    static let unsupportedExtensions: Set<String> = ["xlsb", "numbers"]

    /// Reads one entry: its sheets recognised and their data rows, or the reason it is not read; issues go to `log`.
    public func read(_ entry: InboxEntry, log: IssueLog) -> (InputFile, [RecognisedSheet])? {
        if let skip = entry.skip {
            log.add(Issue(skip.code, file: entry.relative, message: "не прочитан: \(skip.reason)", suggestion: Self.fix(for: skip.code)))
            return (InputFile(file: entry.relative, sha256: "", status: skip.status, sheets: [], reason: skip.reason), [])
        }
        return entry.withOpenablePath { read(entry.relative, path: $0, log: log) }
    }

    static func fix(for code: IssueCode) -> String {
        switch code {
        case .fileUnsupported: return "Положите в папку сам файл (.xlsx или .csv), а не ссылку или особую запись"
        case .fileUnreadable: return "Дайте права на чтение файла или сохраните его заново"
        default: return "Положите таблицу в папку обычным файлом с коротким путём"
        }
    }

    /// Reads one file, `relative` to the inbox, opened at `path`.
    func read(_ relative: String, path: String, log: IssueLog) -> (InputFile, [RecognisedSheet])? {
        let ext = (relative as NSString).pathExtension.lowercased()
        let hash = FileDigest.sha256(path: path) ?? ""
        if Self.unsupportedExtensions.contains(ext) {
            log.add(Issue(.fileUnsupported, file: relative, message: "формат «.\(ext)» не читается", suggestion: "Сохраните файл как .xlsx (Книга Excel) без пароля"))
            return (InputFile(file: relative, sha256: hash, status: .unsupported, sheets: [], reason: "формат «.\(ext)» не читается"), [])
        }
        guard Self.spreadsheetExtensions.contains(ext) || Self.unsupportedExtensions.contains(ext) else {
            let reason = ext.isEmpty ? "файл без расширения — не таблица" : "файл «.\(ext)» — не таблица"
            log.add(Issue(.fileSkipped, file: relative, message: "не прочитан: \(reason)",
                          suggestion: "Если это таблица, сохраните её как .xlsx или .csv", severity: .info))
            return (InputFile(file: relative, sha256: hash, status: .skipped, sheets: [], reason: reason), [])
        }
        if ext == "xlsx" || ext == "xlsm", XLSXCellMarks.isMarkedCopy(path: path) {
            let reason = "копия с пометками, которую сделала программа (папка «\(MarkedCopies.folder)»), а не исходная таблица"
            log.add(Issue(.ownOutputSkipped, file: relative, message: "не прочитан: \(reason)",
                          suggestion: "Исправляйте исходный файл, а копию с пометками уберите из папки с таблицами"))
            return (InputFile(file: relative, sha256: hash, status: .skipped, sheets: [], reason: reason), [])
        }
        do {
            let source = try SpreadsheetOpener.open(path: path)
            if let csv = source as? CSVSource, csv.dialect.encodingGuessed || csv.dialect.delimiterGuessed {
                log.add(Issue(.encodingGuessed, file: relative, sheet: csv.sheets[0].name,
                              value: "\(csv.dialect.encoding.rawValue), «\(csv.dialect.delimiterName)»",
                              message: "кодировка \(csv.dialect.encoding.rawValue) и разделитель «\(csv.dialect.delimiterName)» определены автоматически"))
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
            let suggestion = code == .fileUnsupported ? "Сохраните файл как .xlsx без пароля" : "Откройте файл в Excel и сохраните заново как .xlsx"
            log.add(Issue(code, file: relative, message: "файл не прочитан: \(error.message)", suggestion: suggestion))
            return (InputFile(file: relative, sha256: hash, status: code == .fileUnsupported ? .unsupported : .unreadable, sheets: [], reason: error.message), [])
        } catch {
            log.add(Issue(.fileUnreadable, file: relative, message: "файл не прочитан: \(error)"))
            return (InputFile(file: relative, sha256: hash, status: .unreadable, sheets: [], reason: "\(error)"), [])
        }
    }

    private func readSheet(_ source: any SpreadsheetSource, _ info: SheetInfo, relative: String, log: IssueLog) throws -> (InputFile.Sheet, RecognisedSheet?) {
        if TemplateSheets.isTemplateSheet(info.name) {
            return (InputFile.Sheet(name: info.name, kind: nil, headerRow: nil, rows: 0, status: "skipped"), nil)
        }
        let reader = try source.rows(ofSheet: info.index)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        rows = MergedCells.fill(rows, merges: reader.mergedRanges, headerZone: SheetRecognizer.headerSearchRows)
        let fileName = (relative as NSString).lastPathComponent
        let recognition = SheetRecognizer.recognise(rows: Array(rows.prefix(SheetRecognizer.headerSearchRows + 20)), sheetName: info.name, fileName: fileName)
        LongValues.report(rows, file: relative, sheet: info.name, sheetIndex: info.index, recognition: recognition, log: log)
        guard let kind = recognition.kind else {
            if !rows.isEmpty {
                log.add(Issue(.sheetUnrecognised, file: relative, sheet: info.name, sheetIndex: info.index,
                              value: recognition.firstRowText.prefix(8).joined(separator: " | "),
                              message: "не удалось понять, что за таблица на листе: заголовки не узнаны",
                              suggestion: "Проверьте строку заголовков: ФИО, Дата рождения, Класс …"))
            }
            return (InputFile.Sheet(name: info.name, kind: nil, headerRow: nil, rows: 0, status: "skipped"), nil)
        }
        if !recognition.missingFields.isEmpty {
            log.add(Issue(.headerMissing, file: relative, sheet: info.name, sheetIndex: info.index,
                          value: recognition.missingFields.joined(separator: ", "),
                          message: "в таблице вида «\(kind.rawValue)» нет обязательного столбца: \(recognition.missingFields.map(FieldNames.russian).joined(separator: ", "))",
                          suggestion: "Добавьте столбец с заголовком «\(FieldNames.russian(recognition.missingFields[0]))»"))
            return (InputFile.Sheet(name: info.name, kind: kind, headerRow: recognition.headerRow, rows: 0, status: "skipped"), nil)
        }
        if !recognition.unknownHeaders.isEmpty {
            log.add(Issue(.columnUnknown, file: relative, sheet: info.name, sheetIndex: info.index,
                          value: recognition.unknownHeaders.joined(separator: " | "),
                          message: "столбцы не распознаны и не используются: \(recognition.unknownHeaders.joined(separator: ", "))"))
        }
        let titleText = rows.filter { $0.number < recognition.headerRow }.flatMap { $0.cells.map(CellText.text) }.joined(separator: " ")
        let dataRows = DataRows.select(rows.filter { $0.number > recognition.headerRow }, recognition: recognition,
                                       file: relative, sheet: info.name, sheetIndex: info.index, log: log)
        let sheetRows = dataRows.map { SheetRow(file: relative, sheet: info.name, sheetIndex: info.index, row: $0, recognition: recognition) }
        let counted = kind == .settings ? 0 : sheetRows.count
        return (InputFile.Sheet(name: info.name, kind: kind, headerRow: kind == .settings ? nil : recognition.headerRow, rows: counted, status: "read"),
                RecognisedSheet(file: relative, sheet: info.name, sheetIndex: info.index, recognition: recognition, rows: sheetRows,
                                allRows: kind == .settings ? rows : [], titleText: titleText))
    }
}
