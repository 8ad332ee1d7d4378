import Foundation
import SheetIO

/// `nastavnik consolidate DIR -o OUT`: the regional uploads of many schools, checked and merged into one
/// regional file with totals per municipality and for the region.
///
/// Two streaming passes: the first checks each file's layout and fingerprints its rows, so that a school
/// present twice can be told apart from an identical copy; the second copies the accepted files' rows, sheet
/// by sheet, into OUT. Memory holds one summary per file and the totals, never the rows.
public struct Consolidation {
    public enum Status: String, Sendable { case accepted, repeated, rejected, malformed }

    /// One file of DIR and what became of it.
    public struct Input: Sendable {
        public var file: String
        public var sha256: String
        public var status: Status
        public var upload: SchoolUpload?
        /// Where the file is, to open it again in the second pass.
        var entry: InboxEntry?
    }

    public let folder: String
    public let excluded: String?
    public private(set) var inputs: [Input] = []
    public private(set) var issues: [Issue] = []

    public init(folder: String, excluded: String?) {
        self.folder = folder
        self.excluded = excluded
    }

    public var hasErrors: Bool { issues.contains { $0.severity == .error } }
    public var accepted: [SchoolUpload] { inputs.filter { $0.status == .accepted }.compactMap(\.upload) }
    private var acceptedInputs: [Input] { inputs.filter { $0.status == .accepted && $0.upload != nil && $0.entry != nil } }

    /// Uploads are the `.xlsx` files named `regional…` (`regional.xlsx`, `regional (2).xlsx`) or «…выгрузка…»;
    /// the rest of a school's output folder (register.xlsx, diagnostics.xlsx) is not read.
    static func isUploadName(_ relative: String) -> Bool {
        let name = PersonName.fold((relative as NSString).lastPathComponent)
        return name.hasSuffix(".xlsx") && (name.hasPrefix("regional") || name.contains("выгрузк"))
    }

    /// Pass one: every upload under the folder checked, schools identified, duplicates decided.
    public mutating func check() {
        let entries = InboxReader(inbox: folder, excluded: excluded).entries().filter { Self.isUploadName($0.relative) }
        var found: [Input] = []
        for entry in entries {
            let file = entry.relative
            if let skip = entry.skip {
                issues.append(Issue(skip.code, .entry, file: file, ["reason": skip.reason]))
                found.append(Input(file: file, sha256: "", status: .malformed, upload: nil, entry: nil))
                continue
            }
            switch entry.withOpenablePath({ UploadCheck.check(path: $0, relative: file) }) {
            case .upload(let upload):
                found.append(Input(file: file, sha256: upload.sha256, status: .accepted, upload: upload, entry: entry))
                if upload.version != RegionalUpload.formatVersion {
                    issues.append(Issue(.uploadOldVersion, file: file, sheet: RegionalUpload.sheetNames[0], value: upload.version,
                                        ["school": upload.school, "current": RegionalUpload.formatVersion]))
                }
            case .malformed(let issue):
                issues.append(issue)
                found.append(Input(file: file, sha256: entry.withOpenablePath(Digest.sha256(path:)), status: .malformed, upload: nil, entry: entry))
            }
        }
        // A school present more than once: identical copies count once; different data is rejected altogether.
        let bySchool = Dictionary(grouping: found.indices.filter { found[$0].upload != nil }) { found[$0].upload!.key }
        for (_, indices) in bySchool where indices.count > 1 {
            let uploads = indices.map { found[$0].upload! }
            let files = uploads.map(\.file)
            if Set(uploads.map(\.contentDigest)).count == 1 {
                for index in indices.dropFirst() {
                    found[index].status = .repeated
                    issues.append(Issue(.schoolRepeated, file: found[index].file, sheet: RegionalUpload.sheetNames[0], value: uploads[0].school,
                                        ["school": uploads[0].school, "file": files[0]]))
                }
            } else {
                for index in indices {
                    found[index].status = .rejected
                    let others = files.filter { $0 != found[index].file }.joined(separator: ", ")
                    issues.append(Issue(.schoolDuplicate, file: found[index].file, sheet: RegionalUpload.sheetNames[0], value: uploads[0].school,
                                        ["school": uploads[0].school, "files": others]))
                }
            }
        }
        inputs = found
        issues.sort(by: Issue.ordered)
    }

    /// Pass two: writes OUT/regional.xlsx (the three sheets and «Итоги») and its four CSVs; returns the files written.
    public func write(to output: String, date: String) throws -> [String] {
        let headers = UploadCheck.headers + [RegionalTotals.header]
        let names = RegionalUpload.sheetNames + ["Итоги"]
        let csvNames = ["regional.csv", "regional-indicators.csv", "regional-pairs.csv", "regional-totals.csv"]
        let writer = try XLSXWriter(path: output + "/regional.xlsx", options: XLSXWriteOptions(documentDate: date + "T00:00:00Z", shortenLongText: true))
        var totals = RegionalTotals()
        var totalsRows: [[CellValue]] = []
        for (index, name) in names.enumerated() {
            let sheet = try writer.addSheet(named: name, layout: RegionalLayout.layout(headers: headers[index], counts: index == 3 ? ["ОО"] : []))
            let csv = try CSVWriter(path: output + "/" + csvNames[index], options: CSVWriteOptions(delimiter: UInt8(ascii: ";"), byteOrderMark: true))
            try sheet.append(headers[index].map { .text($0) }, style: .header)
            csv.append(headers[index].map { .text($0) })
            if index < 3 {
                for input in acceptedInputs {
                    let source = try input.entry!.withOpenablePath { try SpreadsheetOpener.open(path: $0) }
                    let rows = try source.rows(ofSheet: index)
                    while let row = try rows.next() {
                        guard row.number > 1 else { continue }
                        var cells = Array(row.cells.prefix(headers[index].count))
                        if cells.allSatisfy(\.isEmpty) { continue }
                        while cells.count < headers[index].count { cells.append(.empty) }
                        if index == 0 { totals.addSummary(cells) }
                        if index == 1 { totals.addIndicator(cells) }
                        try sheet.append(cells)
                        csv.append(cells)
                    }
                }
            } else {
                for row in totalsRows {
                    try sheet.append(row)
                    csv.append(row)
                }
            }
            try csv.close()
            if index == 2 { totalsRows = totals.rows }
        }
        try writer.close()
        try Data(RegionalReportPage.render(totalsRows: totalsRows, date: date).utf8)
            .write(to: URL(fileURLWithPath: output + "/" + RegionalReportPage.fileName))
        return ["regional.xlsx"] + csvNames + [RegionalReportPage.fileName]
    }

    /// OUT/report.json: the files read and what became of them, the counts, the issues, the outputs.
    public func report(outputs: [(file: String, sha256: String)], date: String) -> String {
        let accepted = self.accepted
        var json = "{\n  \"tool\": {\"name\": \"nastavnik\", \"version\": \(ReportJSON.q(ToolVersion.current))},\n"
        json += "  \"command\": \"consolidate\",\n  \"date\": \(ReportJSON.q(date)),\n"
        json += "  \"inputs\": [" + inputs.map { input in
            "\n    {\"file\": \(ReportJSON.q(input.file)), \"sha256\": \(ReportJSON.q(input.sha256)), \"status\": \(ReportJSON.q(input.status.rawValue)), "
                + "\"school\": \(ReportJSON.q(input.upload?.school)), \"inn\": \(ReportJSON.q(input.upload?.inn.isEmpty == false ? input.upload?.inn : nil)), "
                + "\"municipality\": \(ReportJSON.q(input.upload?.municipality)), \"rows\": " + (input.upload.map { "[\($0.rows.map(String.init).joined(separator: ", "))]" } ?? "null") + "}"
        }.joined(separator: ",") + (inputs.isEmpty ? "" : "\n  ") + "],\n"
        let municipalities = Set(accepted.map { $0.region + "\u{1F}" + $0.municipality }).count
        json += "  \"counts\": {\"files\": \(inputs.count), \"schools\": \(accepted.count), \"municipalities\": \(municipalities), "
            + "\"malformed\": \(inputs.filter { $0.status == .malformed }.count), \"rejected\": \(inputs.filter { $0.status == .rejected }.count), "
            + "\"repeated\": \(inputs.filter { $0.status == .repeated }.count)},\n"
        json += "  \"issues\": [" + issues.map(ReportJSON.issue).joined(separator: ",") + (issues.isEmpty ? "" : "\n  ") + "],\n"
        json += "  \"outputs\": [" + outputs.map { "\n    {\"file\": \(ReportJSON.q($0.file)), \"sha256\": \(ReportJSON.q($0.sha256))}" }.joined(separator: ",")
            + (outputs.isEmpty ? "" : "\n  ") + "]\n}\n"
        return json
    }
}
