import PackageIO
import Foundation
import SheetIO

/// One school's regional upload (`regional.xlsx`) as consolidation sees it after checking its layout.
public struct SchoolUpload: Sendable {
    /// The file, relative to the consolidated folder.
    public var file: String
    public var sha256: String
    public var region: String
    public var municipality: String
    public var school: String
    public var inn: String
    /// Who the school is: its ИНН, else region, municipality and normalised short name.
    public var key: String
    /// A digest of every row of the three sheets: two uploads of one school with the same digest hold the same data.
    public var contentDigest: String
    /// Data rows of «Сводка ОО», «Показатели ОО», «Пары и группы».
    public var rows: [Int]
    /// «Версия формата» of its rows: the current one or ``RegionalUpload/previousFormatVersion``.
    public var version: String
}

/// Checks that a file is a regional upload in the fixed layout of `outputs.md` and summarises it in one
/// streaming pass: the three sheets with their exact header rows, the format version on every row,
/// one school, every row of that school, numbers where numbers belong.
enum UploadCheck {
    /// The upload, or the issue that says why the file is not one.
    enum Checked {
        case upload(SchoolUpload)
        case malformed(Issue)
    }

    static let headers = [RegionalUpload.summaryHeader, RegionalUpload.indicatorsHeader, RegionalUpload.pairsHeader]

    static func check(path: String, relative: String) -> Checked {
        func malformed(_ variant: IssueVariant, _ values: [String: String] = [:], sheet: String? = nil, sheetIndex: Int = 0, cell: CellAddress? = nil,
                       value: String? = nil) -> Checked {
            if let cell, let sheet {
                let place = SourceRef(file: relative, sheet: sheet, sheetIndex: sheetIndex, row: cell.row, column: cell.column)
                return .malformed(Issue(.uploadMalformed, variant, at: place, field: nil, value: value, values))
            }
            return .malformed(Issue(.uploadMalformed, variant, file: relative, sheet: sheet, sheetIndex: sheetIndex, value: value, values))
        }
        let source: any SpreadsheetSource
        do {
            source = try SpreadsheetOpener.open(path: path)
        } catch {
            return malformed(.notWorkbook, ["reason": "\(error)"])
        }
        guard source is XLSXReader else { return malformed(.notXLSX) }
        let names = source.sheets.map(\.name)
        guard Array(names.prefix(3)) == RegionalUpload.sheetNames else {
            return malformed(.sheets, ["found": "«\(names.joined(separator: "», «"))»", "expected": "«\(RegionalUpload.sheetNames.joined(separator: "», «"))»"])
        }
        var hasher = SHA256Hasher()
        var school: [String] = []   // region, municipality, school, ИНН from «Сводка ОО»
        var rowCounts: [Int] = []
        var version: String?
        for (index, header) in headers.enumerated() {
            let sheet = RegionalUpload.sheetNames[index]
            let rows: any RowReader
            do { rows = try source.rows(ofSheet: index) } catch { return malformed(.sheetUnreadable, ["reason": "\(error)"], sheet: sheet, sheetIndex: index) }
            var count = 0
            var headerSeen = false
            do {
                while let row = try rows.next() {
                    // The header's width only: a row padded to a far cell costs no text per padded slot.
                    let texts = row.cells.prefix(header.count).map(plain)
                    let emptyBeyond = row.cells.dropFirst(header.count).allSatisfy { plain($0).isEmpty }
                    if !headerSeen {
                        guard row.number == 1, texts == header, emptyBeyond else {
                            let shown = row.cells.map(plain).joined(separator: "; ")
                            return malformed(.header, ["expected": header.joined(separator: "; ")],
                                             sheet: sheet, sheetIndex: index, cell: CellAddress(row: row.number, column: 1), value: shown)
                        }
                        headerSeen = true
                        continue
                    }
                    if texts.allSatisfy(\.isEmpty) && emptyBeyond { continue }
                    let cells = (0..<header.count).map { $0 < texts.count ? texts[$0] : "" }
                    if version == nil && RegionalUpload.readableFormatVersions.contains(cells[0]) { version = cells[0] }
                    if cells[0] != version {
                        let expected = version.map { "«\($0)», как в первой строке выгрузки" }
                            ?? "\(RegionalUpload.formatVersion) (или прежнюю \(RegionalUpload.previousFormatVersion))"
                        return malformed(.version, ["expected": expected],
                                         sheet: sheet, sheetIndex: index, cell: CellAddress(row: row.number, column: 1), value: cells[0])
                    }
                    let identity = [cells[1], cells[2], cells[3], cells[4]]
                    if index == 0 && count == 0 { school = identity }
                    else if identity != school {
                        return malformed(index == 0 ? .twoSchools : .otherSchool, ["school": school[2]],
                                         sheet: sheet, sheetIndex: index, cell: CellAddress(row: row.number, column: 4), value: cells[3])
                    }
                    if let problem = numbersProblem(sheet: index, cells: row.cells, width: header.count) {
                        return malformed(.cell, ["column": problem.header], sheet: sheet, sheetIndex: index, cell: CellAddress(row: row.number, column: problem.column),
                                         value: cells[problem.column - 1])
                    }
                    hasher.update((String(index) + "\u{1F}" + cells.joined(separator: "\u{1F}") + "\u{1E}").utf8)
                    count += 1
                }
            } catch {
                return malformed(.sheetUnreadable, ["reason": "\(error)"], sheet: sheet, sheetIndex: index)
            }
            if !headerSeen { return malformed(.emptySheet, sheet: sheet, sheetIndex: index) }
            rowCounts.append(count)
        }
        guard rowCounts[0] == 1 else { return malformed(.noSchool, sheet: RegionalUpload.sheetNames[0]) }
        let key = school[3].isEmpty
            ? "name:" + [school[0], school[1], school[2]].map(TextCleaning.matchKey).joined(separator: "|")
            : "inn:" + school[3].filter(\.isNumber)
        return .upload(SchoolUpload(file: relative, sha256: Digest.sha256(path: path), region: school[0], municipality: school[1],
                                     school: school[2], inn: school[3], key: key,
                                     contentDigest: hasher.finalize().hexString, rows: rowCounts, version: version ?? RegionalUpload.formatVersion))
    }

    /// Columns that must hold numbers: the counts of «Сводка ОО»; numerator, denominator, value and target of «Показатели ОО».
    static func numbersProblem(sheet: Int, cells: [CellValue], width: Int) -> (column: Int, header: String)? {
        let columns: [(Int, Bool)]   // (one-based column, required)
        switch sheet {
        case 0: columns = (8...13).map { ($0, true) }
        case 1: columns = [(11, true), (12, true), (13, false), (14, false)]
        default: return nil
        }
        for (column, required) in columns {
            let cell = column <= cells.count ? cells[column - 1] : .empty
            switch cell {
            case .number(let value) where value >= 0: continue
            case .empty where !required: continue
            default:
                return (column, headers[sheet][column - 1])
            }
        }
        return nil
    }

    /// A cell as the text that identifies it (numbers without a trailing `.0`).
    static func plain(_ cell: CellValue) -> String {
        switch cell {
        case .empty: return ""
        case .text(let text): return text
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .temporal(let temporal): return temporal.isoString
        case .error(let code): return code
        }
    }
}
