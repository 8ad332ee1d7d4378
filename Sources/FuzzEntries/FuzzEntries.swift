import Glibc
import PackageIO
import SheetIO
import DocxIO
import Mentorship

/// The entry points the fuzz targets (`Fuzz/`, `scripts/fuzz`) and the replay suite (`FuzzReplayTests`) call
/// with one input each. An input may make a reader throw its typed error; it must never trap, hang or
/// exhaust memory. Readers that open files by path get the input written to a private temporary folder.
public enum FuzzEntries {
    /// One fuzz target: a name (`scripts/fuzz NAME`), the file extensions its seeds have (beside those of
    /// `Fuzz/seeds/NAME/`), and its entry point.
    public struct Target: Sendable {
        public let name: String
        public let seedExtensions: [String]
        public let run: @Sendable ([UInt8]) -> Void
    }

    public static let targets: [Target] = [
        Target(name: "xlsx", seedExtensions: ["xlsx", "xlsm"]) { spreadsheet($0, extension: "xlsx") },
        Target(name: "csv", seedExtensions: ["csv", "tsv", "txt"]) { spreadsheet($0, extension: "csv") },
        Target(name: "xls", seedExtensions: ["xls"]) { spreadsheet($0, extension: "xls") },
        Target(name: "ods", seedExtensions: ["ods"]) { spreadsheet($0, extension: "ods") },
        Target(name: "docx", seedExtensions: ["docx"]) { docxTemplate($0) },
        // The input as one part of an otherwise valid package: mutations reach the XML handlers instead of
        // dying on the zip's CRC.
        Target(name: "xlsx-sheet", seedExtensions: []) { spreadsheet(package(Packages.workbook(sheet: $0)), extension: "xlsx") },
        Target(name: "ods-content", seedExtensions: []) { spreadsheet(package(Packages.openDocument(content: $0)), extension: "ods") },
        Target(name: "docx-document", seedExtensions: []) { docxTemplate(package(Packages.document($0))) },
        Target(name: "name", seedExtensions: []) { name($0) },
        Target(name: "date", seedExtensions: []) { date($0) },
        Target(name: "deadline", seedExtensions: []) { deadline($0) },
    ]

    public static func target(named name: String) -> Target? { targets.first { $0.name == name } }

    /// Limits as `cat` uses them (every column), with a smaller cell count so that one input stays quick; the
    /// `build` pass reads with its own (``InboxReader``).
    static let limits = ReadLimits(maxCellsPerSheet: 2_000_000)

    /// Reads every sheet of the input as `cat` does (every row, the merged ranges), then as `build` does
    /// (recognition, merged cells, data rows).
    public static func spreadsheet(_ bytes: [UInt8], extension ext: String) {
        let folder = scratchFolder()
        let inbox = folder + "/inbox"
        mkdir(inbox, 0o700)
        let path = inbox + "/input." + ext
        write(bytes, to: path)
        if let source = try? SpreadsheetOpener.open(path: path, limits: limits) {
            for sheet in source.sheets {
                guard let rows = try? source.rows(ofSheet: sheet.index) else { continue }
                var count = 0
                while let row = try? rows.next() { count &+= row.cells.count }
                _ = rows.mergedRanges.map(\.normalised)
            }
        }
        let reader = InboxReader(inbox: inbox, excluded: nil)
        let log = IssueLog()
        for entry in reader.entries() { _ = reader.read(entry, log: log) }
        unlink(path)
    }

    /// Fills the input as a curator's order template, with document fields and a group of two rows.
    public static func docxTemplate(_ bytes: [UInt8]) {
        let folder = scratchFolder()
        let template = folder + "/template.docx", output = folder + "/order.docx"
        write(bytes, to: template)
        let rows = [
            DocxTemplate.Row(values: ["n": "1", "mentor": "Иванов И. И.", "mentee": "Петров П. П."], group: 1),
            DocxTemplate.Row(values: ["n": "1", "mentor": "Иванов И. И.", "mentee": "Сидоров С. С."], group: 1),
            DocxTemplate.Row(values: ["n": "2", "mentor": "Орлова О. О.", "mentee": "Зайцева З. З."], group: 2),
        ]
        _ = try? DocxTemplate.fill(template: template, output: output, fields: ["school": "МБОУ «СОШ № 1»", "director": "А. Б. Васильева"],
                                   rows: rows, mergedFields: ["n", "mentor"])
        unlink(template)
        unlink(output)
    }

    /// A full name from one cell, and the same text split into surname, given name and patronymic by lines.
    public static func name(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = NameNormaliser.readFull(text)
        let parts = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        _ = NameNormaliser.readParts(surname: parts[0], given: parts.count > 1 ? parts[1] : "", patronymic: parts.count > 2 ? parts[2] : "")
        _ = PersonName.fold(text)
        _ = NameNormaliser.readFull(text).name?.key
    }

    /// A date as text, and the first eight bytes as an Excel serial.
    public static func date(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = DateReading.parse(text, pivotYear: 2026)
        _ = DateReading.read(.text(text), pivotYear: 2026)
        if bytes.count >= 8 {
            let serial = bytes.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: Double.self) }
            _ = DateReading.read(.number(serial), pivotYear: 2026)
        }
    }

    /// A roadmap deadline («до 15 октября», «в течение года», «I четверть» …).
    public static func deadline(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = DeadlineReading.read(text, year: AcademicYear(startYear: 2025), pivotYear: 2026)
        _ = AcademicYear(text: text)
    }

    /// The bytes of a zip of `parts` (stored, not deflated).
    static func package(_ parts: [(String, [UInt8])]) -> [UInt8] {
        let path = scratchFolder() + "/package.zip"
        unlink(path)
        do {
            let zip = try ZipWriter(path: path)
            for (name, bytes) in parts { try zip.add(name, bytes: bytes, level: 0) }
            try zip.close()
        } catch {
            return []
        }
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file); unlink(path) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    /// A folder of this process's own, made once.
    private static func scratchFolder() -> String {
        if let made = madeFolder { return made }
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        let folder = base + "/nastavnik-fuzz-\(getpid())"
        mkdir(folder, 0o700)
        madeFolder = folder
        return folder
    }

    nonisolated(unsafe) private static var madeFolder: String?

    private static func write(_ bytes: [UInt8], to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
